package strata.clv;

/** Enough-data checks run before fitting, so a hopeless fit fails with a message instead of nonsense estimates. */
final class FitChecks {

    static final int MIN_CUSTOMERS = 20;
    static final int MIN_REPEAT_CUSTOMERS = 5;

    private FitChecks() {
    }

    static void requireEnoughPurchaseData(WeightedRows rows, String model) {
        if (rows.customers < MIN_CUSTOMERS) {
            throw new ClvException(model + " needs at least " + MIN_CUSTOMERS + " customers, got " + rows.customers);
        }
        if (rows.distinctT[rows.distinctT.length - 1] == 0) {
            throw new ClvException(model + ": every customer has age T = 0 at calibration end, so the calibration "
                    + "period has zero length; end calibration later than the first purchases");
        }
        if (rows.repeatCustomers < MIN_REPEAT_CUSTOMERS) {
            throw new ClvException(model + " needs at least " + MIN_REPEAT_CUSTOMERS + " customers with a repeat "
                    + "purchase, got " + rows.repeatCustomers + "; use a longer calibration period or more customers");
        }
        if (rows.size == 1) {
            throw new ClvException(model + ": all " + rows.customers + " customers have the same (x, tx, T), "
                    + "so the model's heterogeneity cannot be estimated");
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
