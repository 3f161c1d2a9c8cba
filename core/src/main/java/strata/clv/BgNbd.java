package strata.clv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2)): purchases at rate lambda ~ Gamma(r, alpha) while alive; after each
 * repeat purchase the customer drops out with probability p ~ Beta(a, b).
 *
 * @param r     shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution, in the calibration time unit
 * @param a     first shape of the dropout-probability distribution
 * @param b     second shape of the dropout-probability distribution
 */
public record BgNbd(double r, double alpha, double a, double b) implements PurchaseModel, java.io.Serializable {

    private static final boolean MODIFIED = false;

    /** @throws ClvException unless every parameter is finite and positive */
    public BgNbd {
        Parameters.requirePositive("BG/NBD", "r", r, "alpha", alpha, "a", a, "b", b);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @return the fitted model with log-likelihood, standard errors and convergence; a fit that did not converge says so
     * @throws ClvException if the data are too few or too uniform to fit (see the message)
     */
    public static Fit<BgNbd> fit(CalibrationData data) {
        MaximumLikelihood.Estimate e = BetaGeometric.estimate(data, MODIFIED, "BG/NBD");
        double[] p = e.parameters();
        return new Fit<>(new BgNbd(p[0], p[1], p[2], p[3]), e.logLikelihood(), e.standardErrors(), e.converged(),
                e.reason(), data.size(), 0);
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("r", r);
        p.put("alpha", alpha);
        p.put("a", a);
        p.put("b", b);
        return p;
    }

    @Override
    public double logLikelihood(double x, double tx, double T) {
        return BetaGeometric.logLikelihood(r, alpha, a, b, MODIFIED, x, Math.log(alpha + tx), Math.log(alpha + T));
    }

    @Override
    public double probabilityAlive(double x, double tx, double T) {
        return BetaGeometric.probabilityAlive(r, alpha, a, b, MODIFIED, x, tx, T);
    }

    @Override
    public double expectedPurchases(double t, double x, double tx, double T) {
        return BetaGeometric.expectedPurchases(r, alpha, a, b, MODIFIED, t, x, tx, T);
    }

    /**
     * E[Y(t) | alive at T]: expected repeat purchases in (T, T + t] of a customer still alive at T. It does not depend on
     * tx, so callers valuing many customers can compute it once per distinct (x, T) and multiply by P(alive).
     */
    public double expectedGivenAlive(double t, double x, double T) {
        return BetaGeometric.expectedGivenAlive(r, alpha, a, b, MODIFIED, t, x, T);
    }

    /**
     * {@link #expectedGivenAlive} of customers with x repeat purchases, faster than calling it for each (t, T) when
     * there are many.
     */
    public GivenAlive givenAlive(double x) {
        return new GivenAlive(r, alpha, a, b, MODIFIED, x);
    }
}
