package strata.clv;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.special.Gamma;

/**
 * Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987, "Counting your customers: who are they and what will they
 * do next?", Management Science 33(1)): purchases at rate lambda ~ Gamma(r, alpha) during an exponential lifetime with
 * rate mu ~ Gamma(s, beta). Likelihood, P(alive) and conditional expectation follow Fader &amp; Hardie (2005), "A note
 * on deriving the Pareto/NBD model and related expressions", eqs. (22), (18) and (21).
 *
 * @param r     shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution, in the calibration time unit
 * @param s     shape of the dropout-rate distribution
 * @param beta  scale of the dropout-rate distribution, in the calibration time unit
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements PurchaseModel {

    /** @throws ClvException unless every parameter is finite and positive */
    public ParetoNbd {
        Parameters.requirePositive("Pareto/NBD", "r", r, "alpha", alpha, "s", s, "beta", beta);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @return the fitted model with log-likelihood, standard errors and convergence; a fit that did not converge says so
     * @throws ClvException if the data are too few or too uniform to fit (see the message)
     */
    public static Fit<ParetoNbd> fit(CalibrationData data) {
        WeightedRows rows = new WeightedRows(data);
        FitChecks.requireEnoughPurchaseData(rows, "Pareto/NBD");
        double scale = FitChecks.meanTimeBetweenPurchases(data);
        MaximumLikelihood.Estimate e = MaximumLikelihood.maximise(new String[] {"r", "alpha", "s", "beta"},
                new double[] {1, scale, 1, scale}, theta -> logLikelihood(theta, rows));
        double[] p = e.parameters();
        return new Fit<>(new ParetoNbd(p[0], p[1], p[2], p[3]), e.logLikelihood(), e.standardErrors(), e.converged(),
                e.reason(), data.size(), 0);
    }

    private static double logLikelihood(double[] theta, WeightedRows rows) {
        ParetoNbd model = new ParetoNbd(theta[0], theta[1], theta[2], theta[3]);
        double sum = 0;
        for (int i = 0; i < rows.size; i++) {
            sum += rows.weight[i] * model.logLikelihood(rows.x[i], rows.tx[i], rows.T[i]);
        }
        return sum;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("r", r);
        p.put("alpha", alpha);
        p.put("s", s);
        p.put("beta", beta);
        return p;
    }

    /** Fader &amp; Hardie (2005) eq. (22): L = Gamma(r+x) alpha^r beta^s / Gamma(r) * [1/((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) A0]. */
    @Override
    public double logLikelihood(double x, double tx, double T) {
        double prefix = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
        double aliveThroughT = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
        double diedBetween = Math.log(s / (r + s + x)) + logA0(x, tx, T);
        return prefix + BetaGeometric.logSumExp(aliveThroughT, diedBetween);
    }

    /** Fader &amp; Hardie (2005) eq. (18): P(alive) = 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0). */
    @Override
    public double probabilityAlive(double x, double tx, double T) {
        double logOdds = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T)
                + logA0(x, tx, T);
        return 1 / (1 + Math.exp(logOdds));
    }

    /**
     * Fader &amp; Hardie (2005) eq. (21): E[Y(t)] = P(alive) (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)],
     * evaluated with expm1/log1p so that s = 1 (where the bracket over (s - 1) tends to ln(1 + t/(beta+T))) is exact.
     */
    @Override
    public double expectedPurchases(double t, double x, double tx, double T) {
        if (t == 0) {
            return 0;
        }
        return probabilityAlive(x, tx, T) * expectedGivenAlive(t, x, T);
    }

    /** E[Y(t) | alive at T, x, T]: the factor after P(alive) in {@link #expectedPurchases}. */
    double expectedGivenAlive(double t, double x, double T) {
        double logGrowth = Math.log1p(t / (beta + T));
        double sm1 = s - 1;
        double bracket = Math.abs(sm1) < 1e-12 ? logGrowth : -Math.expm1(-sm1 * logGrowth) / sm1;
        return (r + x) / (alpha + T) * (beta + T) * bracket;
    }

    /**
     * ln A0 of eq. (22): the customer died between tx and T. A0 is a difference of two 2F1 terms; the branch on
     * alpha &gt;= beta keeps the 2F1 argument in [0, 1) as the note prescribes. It equals
     * (r+s+x) times the integral over y in (tx, T) of (alpha+y)^-(r+x) (beta+y)^-(s+1), hence positive.
     */
    double logA0(double x, double tx, double T) {
        if (tx >= T) {
            return Double.NEGATIVE_INFINITY;
        }
        double upper = r + s + x;
        boolean alphaLarger = alpha >= beta;
        double larger = alphaLarger ? alpha : beta;
        double b = alphaLarger ? s + 1 : r + x;
        double gap = Math.abs(alpha - beta);
        double atTx = Hyp2F1.logValue(upper, b, upper + 1, gap / (larger + tx)) - upper * Math.log(larger + tx);
        double atT = Hyp2F1.logValue(upper, b, upper + 1, gap / (larger + T)) - upper * Math.log(larger + T);
        double d = atT - atTx;
        if (d >= 0) {
            // tx and T so close that rounding hides the difference: the term is negligible next to "alive through T".
            return Double.NEGATIVE_INFINITY;
        }
        return atTx + (d > -Math.log(2) ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
    }
}
