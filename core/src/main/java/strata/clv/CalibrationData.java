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
            throw new ClvException("calibration data needs x, tx and T arrays; one of them is missing");
        }
        if (x.length != tx.length || x.length != T.length) {
            throw new ClvException("calibration arrays differ in length: x " + x.length + ", tx " + tx.length
                    + ", T " + T.length + "; give one value per customer in each");
        }
        if (x.length == 0) {
            throw new ClvException("calibration data has no customers");
        }
        for (int i = 0; i < x.length; i++) {
            checkCustomer(i, x[i], tx[i], T[i]);
        }
    }

    private static void checkCustomer(int i, double x, double tx, double T) {
        if (!(x >= 0) || x != Math.rint(x) || x > 1e7) {
            throw new ClvException("customer #" + i + ": x = " + x + " must be a whole number of repeat purchases >= 0");
        }
        if (!Double.isFinite(T) || T < 0) {
            throw new ClvException("customer #" + i + ": T = " + T + " must be a finite age >= 0 at calibration end");
        }
        if (!(tx >= 0) || tx > T) {
            throw new ClvException("customer #" + i + ": tx = " + tx + " must lie between 0 and T = " + T
                    + " (last purchase after calibration end?)");
        }
        if (x == 0 && tx != 0) {
            throw new ClvException("customer #" + i + ": tx = " + tx + " but x = 0; with no repeat purchase the last "
                    + "purchase is the first, so tx must be 0");
        }
    }

    /** @return number of customers */
    public int size() {
        return x.length;
    }
}
