package strata.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fits every customer-lifetime-value model on one data set: the entry point for reports and the CLI. */
public final class ClvAnalysis {

    private ClvAnalysis() {
    }

    /**
     * Fits BG/NBD, Pareto/NBD, MBG/NBD and Gamma-Gamma.
     *
     * @throws ClvException if the data cannot support the models (too few customers, no spend variation, ...)
     */
    public static ClvResult run(CalibrationData data, SpendData spend) {
        return run(data, spend, null);
    }

    /**
     * As {@link #run(CalibrationData, SpendData)}, and compares each purchase model with the holdout purchases.
     *
     * @param holdout actual holdout purchases, or null to skip the comparison
     * @throws ClvException if the data cannot support the models, or inputs differ in length
     */
    public static ClvResult run(CalibrationData data, SpendData spend, HoldoutData holdout) {
        if (data.size() != spend.size()) {
            throw new ClvException(ClvException.SPEND_COUNT_DIFFERS, data.size(), spend.size());
        }
        Fit<BgNbd> bg = BgNbd.fit(data);
        Fit<ParetoNbd> pareto = ParetoNbd.fit(data);
        Fit<MbgNbd> mbg = MbgNbd.fit(data);
        Fit<GammaGamma> gg = GammaGamma.fit(spend);
        Map<String, HoldoutReport> reports = new LinkedHashMap<>();
        if (holdout != null) {
            reports.put("bgnbd", HoldoutEvaluation.evaluate(bg.model(), data, holdout));
            reports.put("paretonbd", HoldoutEvaluation.evaluate(pareto.model(), data, holdout));
            reports.put("mbgnbd", HoldoutEvaluation.evaluate(mbg.model(), data, holdout));
        }
        return new ClvResult(bg, pareto, mbg, gg, Collections.unmodifiableMap(reports));
    }
}
