package strata.clv;

import java.util.Locale;
import strata.i18n.Note;

/**
 * The data cannot support a customer-lifetime-value model, or a request is outside what a model can answer. Why is
 * a {@link Note} (one of the codes below, labels {@code note.<code>}) so a run's notes and the CLI say it in their
 * reader's language; the message is its English.
 */
public class ClvException extends RuntimeException {
    public static final String CALIBRATION_MISSING = "clv_calibration_missing";
    public static final String CALIBRATION_LENGTHS = "clv_calibration_lengths";
    public static final String CALIBRATION_EMPTY = "clv_calibration_empty";
    public static final String BAD_REPEATS = "clv_bad_repeats";
    public static final String BAD_AGE = "clv_bad_age";
    public static final String BAD_LAST_PURCHASE = "clv_bad_last_purchase";
    public static final String LAST_PURCHASE_WITHOUT_REPEAT = "clv_last_purchase_without_repeat";
    public static final String SPEND_COUNT_DIFFERS = "clv_spend_count_differs";
    public static final String HOLDOUT_COUNT_DIFFERS = "clv_holdout_count_differs";
    public static final String HORIZON_PERIODS = "clv_horizon_periods";
    public static final String PERIOD_LENGTH = "clv_period_length";
    public static final String DISCOUNT_RATE = "clv_discount_rate";
    public static final String MARGIN = "clv_margin";
    public static final String TOO_FEW_CUSTOMERS = "clv_too_few_customers";
    public static final String ZERO_CALIBRATION = "clv_zero_calibration";
    public static final String TOO_FEW_REPEATERS = "clv_too_few_repeaters";
    public static final String NO_VARIATION = "clv_no_variation";
    public static final String SPEND_TOO_FEW = "clv_spend_too_few";
    public static final String SPEND_NO_VARIATION = "clv_spend_no_variation";
    public static final String SPEND_INFINITE_MEAN = "clv_spend_infinite_mean";
    public static final String BGNBD_UNDEFINED = "clv_bgnbd_undefined";
    public static final String HOLDOUT_EMPTY = "clv_holdout_empty";
    public static final String HOLDOUT_LENGTH = "clv_holdout_length";
    public static final String HOLDOUT_BAD_PURCHASES = "clv_holdout_bad_purchases";
    public static final String LIKELIHOOD_FAILED = "clv_likelihood_failed";
    public static final String BAD_PARAMETER = "clv_bad_parameter";
    public static final String BAD_PREDICTION_PERIOD = "clv_bad_prediction_period";
    public static final String SPEND_MISSING = "clv_spend_missing";
    public static final String SPEND_LENGTHS = "clv_spend_lengths";
    public static final String SPEND_EMPTY = "clv_spend_empty";
    public static final String SPEND_BAD_REPEATS = "clv_spend_bad_repeats";
    public static final String SPEND_BAD_MEAN = "clv_spend_bad_mean";

    private final Note reason;

    /** @param args the sentence's values in order ({0}, {1} … of {@code note.<code>}) */
    public ClvException(String code, Object... args) {
        this(Note.of(code, args));
    }

    private ClvException(Note reason) {
        super(reason.text(Locale.ENGLISH));
        this.reason = reason;
    }

    /** Why, as a code and its values: what is wrong and what the user can do about it. */
    public Note reason() {
        return reason;
    }
}
