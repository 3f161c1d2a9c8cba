package strata.clv;

/** Enough-data checks run before fitting, so a hopeless fit fails with a message instead of nonsense estimates. */
final class FitChecks {

    static final int MIN_CUSTOMERS = 20;
    static final int MIN_REPEAT_CUSTOMERS = 5;

    private FitChecks() {
    }

    static void requireEnoughPurchaseData(WeightedRows rows, String model) {
        if (rows.customers < MIN_CUSTOMERS) {
            throw new ClvException(ClvException.TOO_FEW_CUSTOMERS, model, MIN_CUSTOMERS, rows.customers);
        }
        if (rows.distinctT[rows.distinctT.length - 1] == 0) {
            throw new ClvException(ClvException.ZERO_CALIBRATION, model);
        }
        if (rows.repeatCustomers < MIN_REPEAT_CUSTOMERS) {
            throw new ClvException(ClvException.TOO_FEW_REPEATERS, model, MIN_REPEAT_CUSTOMERS, rows.repeatCustomers);
        }
        if (rows.size == 1) {
            throw new ClvException(ClvException.NO_VARIATION, model, rows.customers);
        }
    }

    /** Total observed time over total repeat purchases: the alpha at which r = 1 reproduces the mean purchase rate. */
    static double meanTimeBetweenPurchases(CalibrationData data) {
        double time = 0;
        double purchases = 0;
        for (int i = 0; i < data.size(); i++) {
            time += data.T()[i];
            purchases += data.x()[i];
        }
        return time / Math.max(purchases, 1);
    }
}
