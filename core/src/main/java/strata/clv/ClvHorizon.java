package strata.clv;

/**
 * How far ahead and how to discount when valuing customers.
 *
 * @param periods      number of future periods, &gt;= 1
 * @param periodLength length of one period in the calibration time unit (e.g. 52/12 for months when T is in weeks)
 * @param discountRate discount rate per period, &gt;= 0 (e.g. 0.01 per month)
 * @param margin       profit margin applied to spend, in (0, 1] typically; 1 values revenue
 */
public record ClvHorizon(int periods, double periodLength, double discountRate, double margin) {

    /** @throws ClvException if a value is out of range or not finite */
    public ClvHorizon {
        if (periods < 1 || periods > 10_000) {
            throw new ClvException(ClvException.HORIZON_PERIODS, periods);
        }
        if (!(periodLength > 0) || Double.isInfinite(periodLength)) {
            throw new ClvException(ClvException.PERIOD_LENGTH, periodLength);
        }
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new ClvException(ClvException.DISCOUNT_RATE, discountRate);
        }
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new ClvException(ClvException.MARGIN, margin);
        }
    }

    /** A horizon of {@code periods} periods with margin 1. */
    public static ClvHorizon of(int periods, double periodLength, double discountRate) {
        return new ClvHorizon(periods, periodLength, discountRate, 1);
    }
}
