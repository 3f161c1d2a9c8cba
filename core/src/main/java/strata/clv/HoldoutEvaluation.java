package strata.clv;

import java.util.ArrayList;
import java.util.List;

/** Compares a purchase model's conditional expectations with what customers did in a holdout period. */
public final class HoldoutEvaluation {

    /** Calibration repeat-purchase groups 0..6 and 7+, as in the papers' conditional-expectation figure. */
    static final int GROUPS = 8;

    private HoldoutEvaluation() {
    }

    /**
     * @return totals, per-customer errors and the table by calibration repeat purchases
     * @throws ClvException if calibration and holdout data differ in length
     */
    public static HoldoutReport evaluate(PurchaseModel model, CalibrationData data, HoldoutData holdout) {
        if (data.size() != holdout.purchases().length) {
            throw new ClvException(ClvException.HOLDOUT_COUNT_DIFFERS, data.size(), holdout.purchases().length);
        }
        double[] predicted = model.expectedPurchases(data, holdout.length());
        double[] actual = holdout.purchases();
        double predictedTotal = 0, actualTotal = 0, absolute = 0, squared = 0;
        int[] count = new int[GROUPS];
        double[] sumPredicted = new double[GROUPS];
        double[] sumActual = new double[GROUPS];
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] - actual[i];
            predictedTotal += predicted[i];
            actualTotal += actual[i];
            absolute += Math.abs(error);
            squared += error * error;
            int group = (int) Math.min(data.x()[i], GROUPS - 1);
            count[group]++;
            sumPredicted[group] += predicted[i];
            sumActual[group] += actual[i];
        }
        List<HoldoutReport.Row> rows = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String label = g == GROUPS - 1 ? (GROUPS - 1) + "+" : Integer.toString(g);
            int n = count[g];
            rows.add(new HoldoutReport.Row(label, n, n == 0 ? 0 : sumPredicted[g] / n, n == 0 ? 0 : sumActual[g] / n));
        }
        int n = predicted.length;
        return new HoldoutReport(n, predictedTotal, actualTotal, absolute / n, Math.sqrt(squared / n), List.copyOf(rows));
    }
}
