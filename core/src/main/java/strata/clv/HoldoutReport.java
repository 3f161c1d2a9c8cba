package strata.clv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicted against actual holdout purchases.
 *
 * @param customers             customers compared
 * @param predictedTotal        sum of conditional expectations over the holdout length
 * @param actualTotal           sum of actual holdout purchases
 * @param meanAbsoluteError     per-customer mean |predicted - actual|
 * @param rootMeanSquaredError  per-customer sqrt(mean (predicted - actual)^2)
 * @param byCalibrationPurchases rows for x = 0, 1, ..., 6 and "7+": the table of Fader, Hardie &amp; Lee (2005), Fig. 4
 */
public record HoldoutReport(int customers, double predictedTotal, double actualTotal, double meanAbsoluteError,
                            double rootMeanSquaredError, List<Row> byCalibrationPurchases)
    implements java.io.Serializable {

    /**
     * @param label         "0".."6" or "7+": repeat purchases in the calibration period
     * @param customers     customers in the group (0 leaves the means at 0)
     * @param meanPredicted mean conditional expectation in the group
     * @param meanActual    mean actual holdout purchases in the group
     */
    public record Row(String label, int customers, double meanPredicted, double meanActual)
        implements java.io.Serializable {
    }

    /** Snake_case map for reports. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customers", customers);
        json.put("predicted_total", predictedTotal);
        json.put("actual_total", actualTotal);
        json.put("mae", meanAbsoluteError);
        json.put("rmse", rootMeanSquaredError);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : byCalibrationPurchases) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("x", row.label());
            r.put("customers", row.customers());
            r.put("mean_predicted", row.meanPredicted());
            r.put("mean_actual", row.meanActual());
            rows.add(r);
        }
        json.put("by_calibration_purchases", rows);
        return json;
    }
}
