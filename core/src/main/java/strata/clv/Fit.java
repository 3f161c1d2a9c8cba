package strata.clv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model fitted by maximum likelihood, with what a user needs to judge the fit.
 *
 * @param model             the model with the estimated parameters
 * @param logLikelihood     the full log-likelihood at the estimate, summed over customers (comparable with the papers)
 * @param standardErrors    standard error per parameter name, from the inverse of the numerical Hessian of the
 *                          log-likelihood; empty when the Hessian is not negative definite (then {@code converged} is false)
 * @param converged         whether the optimiser stopped at an interior maximum
 * @param convergenceReason why it stopped, in words a user can act on
 * @param customers         customers used in the fit
 * @param excludedCustomers customers left out (Gamma-Gamma: no repeat purchase or non-positive mean spend; 0 otherwise)
 * @param <M>               the model type
 */
public record Fit<M extends Model>(M model, double logLikelihood, Map<String, Double> standardErrors, boolean converged,
                                   String convergenceReason, int customers, int excludedCustomers)
    implements java.io.Serializable {

    /** Parameters, log-likelihood, convergence and sample size under snake_case keys, for reports. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>(model.parameters());
        json.put("log_likelihood", logLikelihood);
        json.put("converged", converged);
        json.put("convergence_reason", convergenceReason);
        json.put("customers", customers);
        if (excludedCustomers > 0) {
            json.put("excluded_customers", excludedCustomers);
        }
        json.put("standard_errors", new LinkedHashMap<>(standardErrors));
        return json;
    }
}
