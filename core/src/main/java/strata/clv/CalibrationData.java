package strata.clv;

/**
 * Per-customer purchase history summarised for the "buy till you die" models, one array slot per customer.
 * Times are in one unit of the caller's choice (weeks in the papers); every time argument of the models uses the same.
 *
 * <p>The arrays are not copied, so millions of customers cost 24 bytes each; do not modify them afterwards.
 *
 * @param x  repeat purchases: distinct purchase days in the calibration period minus one (a non-negative integer)
 * @param tx time of the last purchase, measured from the customer's first purchase (0 when x = 0)
 * @param T  customer age at the end of calibration: time from first purchase to calibration end (T &gt;= tx)
 */
public record CalibrationData(double[] x, double[] tx, double[] T) {

    /** @throws ClvException if arrays are missing, of different lengths, empty, or a customer's values are impossible */
    public CalibrationData {
        if (x == null || tx == null || T == null) {
            throw new ClvException(ClvException.CALIBRATION_MISSING);
        }
        if (x.length != tx.length || x.length != T.length) {
            throw new ClvException(ClvException.CALIBRATION_LENGTHS, x.length, tx.length, T.length);
        }
        if (x.length == 0) {
            throw new ClvException(ClvException.CALIBRATION_EMPTY);
        }
        for (int i = 0; i < x.length; i++) {
            checkCustomer(i, x[i], tx[i], T[i]);
        }
    }

    private static void checkCustomer(int i, double x, double tx, double T) {
        if (!(x >= 0) || x != Math.rint(x) || x > 1e7) {
            throw new ClvException(ClvException.BAD_REPEATS, i, x);
        }
        if (!Double.isFinite(T) || T < 0) {
            throw new ClvException(ClvException.BAD_AGE, i, T);
        }
        if (!(tx >= 0) || tx > T) {
            throw new ClvException(ClvException.BAD_LAST_PURCHASE, i, tx, T);
        }
        if (x == 0 && tx != 0) {
            throw new ClvException(ClvException.LAST_PURCHASE_WITHOUT_REPEAT, i, tx);
        }
    }

    /** @return number of customers */
    public int size() {
        return x.length;
    }
}
