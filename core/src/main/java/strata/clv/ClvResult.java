package strata.clv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All models fitted on one data set.
 *
 * @param bgNbd      BG/NBD fit
 * @param paretoNbd  Pareto/NBD fit
 * @param mbgNbd     MBG/NBD fit
 * @param gammaGamma Gamma-Gamma spend fit
 * @param holdout    holdout comparison per purchase model under "bgnbd", "paretonbd", "mbgnbd"; empty without holdout
 */
public record ClvResult(Fit<BgNbd> bgNbd, Fit<ParetoNbd> paretoNbd, Fit<MbgNbd> mbgNbd, Fit<GammaGamma> gammaGamma,
                        Map<String, HoldoutReport> holdout) {

    /**
     * @return a JSON-ready map: keys {@code bgnbd, paretonbd, mbgnbd, gammagamma}, each with the papers' parameter
     *     names, {@code log_likelihood, converged, convergence_reason, customers, standard_errors}; plus {@code holdout}
     *     when holdout data were given
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bgnbd", bgNbd.toJson());
        json.put("paretonbd", paretoNbd.toJson());
        json.put("mbgnbd", mbgNbd.toJson());
        json.put("gammagamma", gammaGamma.toJson());
        if (!holdout.isEmpty()) {
            Map<String, Object> reports = new LinkedHashMap<>();
            holdout.forEach((model, report) -> reports.put(model, report.toJson()));
            json.put("holdout", reports);
        }
        return json;
    }
}
