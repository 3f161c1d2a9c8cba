package strata.clv;

/**
 * Spend per customer for the Gamma-Gamma model, aligned with {@link CalibrationData} by index.
 * Arrays are not copied.
 *
 * @param x         repeat purchases in the calibration period (the number of transactions averaged in meanSpend)
 * @param meanSpend mean value of those repeat transactions, in money units; ignored (may be 0) when x = 0
 */
public record SpendData(double[] x, double[] meanSpend) {

    /** @throws ClvException if arrays are missing, of different lengths, empty, or hold impossible values */
    public SpendData {
        if (x == null || meanSpend == null) {
            throw new ClvException(ClvException.SPEND_MISSING);
        }
        if (x.length != meanSpend.length) {
            throw new ClvException(ClvException.SPEND_LENGTHS, x.length, meanSpend.length);
        }
        if (x.length == 0) {
            throw new ClvException(ClvException.SPEND_EMPTY);
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0) || x[i] != Math.rint(x[i])) {
                throw new ClvException(ClvException.SPEND_BAD_REPEATS, i, x[i]);
            }
            if (!Double.isFinite(meanSpend[i])) {
                throw new ClvException(ClvException.SPEND_BAD_MEAN, i, meanSpend[i]);
            }
        }
    }

    /** @return number of customers */
    public int size() {
        return x.length;
    }

    /** Whether customer i enters Gamma-Gamma: it needs at least one repeat purchase and a positive mean spend. */
    boolean usable(int i) {
        return x[i] > 0 && meanSpend[i] > 0;
    }
}
