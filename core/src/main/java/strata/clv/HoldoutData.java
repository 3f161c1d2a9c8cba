package strata.clv;

/**
 * What customers actually did after calibration, to check a model's predictions.
 *
 * @param purchases each customer's actual repeat purchases in the holdout period (same order as the calibration data)
 * @param length    holdout period length in the calibration time unit, &gt; 0
 */
public record HoldoutData(double[] purchases, double length) {

    /** @throws ClvException if a count is negative or not finite, or the length is not positive */
    public HoldoutData {
        if (purchases == null || purchases.length == 0) {
            throw new ClvException(ClvException.HOLDOUT_EMPTY);
        }
        if (!(length > 0) || Double.isInfinite(length)) {
            throw new ClvException(ClvException.HOLDOUT_LENGTH, length);
        }
        for (int i = 0; i < purchases.length; i++) {
            if (!(purchases[i] >= 0) || Double.isInfinite(purchases[i])) {
                throw new ClvException(ClvException.HOLDOUT_BAD_PURCHASES, i, purchases[i]);
            }
        }
    }
}
