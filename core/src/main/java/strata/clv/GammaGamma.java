package strata.clv;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.special.Gamma;

/**
 * Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves for customer base
 * analysis", Journal of Marketing Research 42(4)): each transaction value ~ Gamma(p, nu) around the customer's own mean,
 * with nu ~ Gamma(q, gamma) across customers. Fitted on customers' mean repeat-transaction values.
 *
 * @param p     shape of transaction values within a customer
 * @param q     shape of the distribution of nu across customers
 * @param gamma scale of the distribution of nu, in money units
 */
public record GammaGamma(double p, double q, double gamma) implements Model, java.io.Serializable {

    /** @throws ClvException unless every parameter is finite and positive */
    public GammaGamma {
        Parameters.requirePositive("Gamma-Gamma", "p", p, "q", q, "gamma", gamma);
    }

    /** Fewer customers with usable spend than this cannot estimate three parameters meaningfully. */
    static final int MIN_SPEND_CUSTOMERS = 10;

    /**
     * Fits the model by maximum likelihood on customers with at least one repeat purchase and a positive mean spend;
     * the others (one-time buyers, zero-value or refunded orders) are left out and counted in
     * {@link Fit#excludedCustomers()}.
     *
     * @throws ClvException if fewer than 10 customers are usable or all usable mean spends are equal
     */
    public static Fit<GammaGamma> fit(SpendData spend) {
        int usable = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double mean = 0;
        for (int i = 0; i < spend.size(); i++) {
            if (spend.usable(i)) {
                usable++;
                min = Math.min(min, spend.meanSpend()[i]);
                max = Math.max(max, spend.meanSpend()[i]);
                mean += spend.meanSpend()[i];
            }
        }
        if (usable < MIN_SPEND_CUSTOMERS) {
            throw new ClvException(ClvException.SPEND_TOO_FEW, MIN_SPEND_CUSTOMERS, usable);
        }
        if (min == max) {
            throw new ClvException(ClvException.SPEND_NO_VARIATION, usable, min);
        }
        mean /= usable;
        SpendLikelihood likelihood = SpendLikelihood.of(spend, usable);
        // Start at p = 1, q = 2: then the population mean p gamma / (q - 1) equals the observed mean when gamma = mean.
        MaximumLikelihood.Estimate e = MaximumLikelihood.maximise(new String[] {"p", "q", "gamma"},
                new double[] {1, 2, mean}, likelihood::logLikelihood);
        double[] t = e.parameters();
        return new Fit<>(new GammaGamma(t[0], t[1], t[2]), e.logLikelihood(), e.standardErrors(), e.converged(),
                e.reason(), usable, spend.size() - usable);
    }

    /**
     * ln of the density of a customer's mean spend m over x transactions (Fader, Hardie &amp; Lee 2005b, eq. 3):
     * Gamma(px+q) / (Gamma(px) Gamma(q)) * gamma^q m^(px-1) x^(px) / (gamma + m x)^(px+q).
     */
    public double logLikelihood(double x, double meanSpend) {
        double px = p * x;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
                + (px - 1) * Math.log(meanSpend) + px * Math.log(x) - (px + q) * Math.log(gamma + meanSpend * x);
    }

    /** @return the mean transaction value of a customer with no usable history: p gamma / (q - 1), money units */
    public double populationMeanSpend() {
        requireFiniteMean();
        return p * gamma / (q - 1);
    }

    /**
     * Expected average transaction value given x repeat transactions with mean m (eq. 5):
     * (gamma + m x) p / (p x + q - 1), a weighted average of the population mean and m. Customers without a usable
     * history (x = 0 or m &lt;= 0) get the population mean.
     *
     * @return expected spend per transaction, money units
     * @throws ClvException if q &lt;= 1: the population mean spend is then infinite
     */
    public double expectedAverageSpend(double x, double meanSpend) {
        if (!(x > 0 && meanSpend > 0)) {
            return populationMeanSpend();
        }
        requireFiniteMean();
        return (gamma + meanSpend * x) * p / (p * x + q - 1);
    }

    /** @return {@link #expectedAverageSpend(double, double)} per customer */
    public double[] expectedAverageSpend(SpendData spend) {
        requireFiniteMean();
        return PerCustomer.compute(spend.size(), i -> expectedAverageSpend(spend.x()[i], spend.meanSpend()[i]));
    }

    private void requireFiniteMean() {
        if (!(q > 1)) {
            throw new ClvException(ClvException.SPEND_INFINITE_MEAN, q);
        }
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("p", p);
        m.put("q", q);
        m.put("gamma", gamma);
        return m;
    }
}
