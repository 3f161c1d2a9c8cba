package strata.clv;

import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.special.Gamma;

/**
 * Gamma-Gamma log-likelihood over the usable customers with its parameter-free parts precomputed: per distinct x the
 * count and the sum of ln m, per customer m x. One log per customer per evaluation remains; the log-gamma terms are per
 * distinct x (Hipparchus logGamma per customer made the fit several times slower on CDNOW master, bench
 * ClvFitBenchmark).
 */
final class SpendLikelihood {

    private final double[] x;
    private final double[] spendTimesX;
    private final double[] distinctX;
    private final double[] countAtX;
    private final double[] sumLogSpendAtX;

    private SpendLikelihood(double[] x, double[] spendTimesX, double[] distinctX, double[] countAtX,
                            double[] sumLogSpendAtX) {
        this.x = x;
        this.spendTimesX = spendTimesX;
        this.distinctX = distinctX;
        this.countAtX = countAtX;
        this.sumLogSpendAtX = sumLogSpendAtX;
    }

    static SpendLikelihood of(SpendData spend, int usable) {
        double[] x = new double[usable];
        double[] mx = new double[usable];
        TreeMap<Double, double[]> byX = new TreeMap<>();
        int j = 0;
        for (int i = 0; i < spend.size(); i++) {
            if (spend.usable(i)) {
                x[j] = spend.x()[i];
                mx[j] = spend.meanSpend()[i] * x[j];
                double[] group = byX.computeIfAbsent(x[j], k -> new double[2]);
                group[0]++;
                group[1] += Math.log(spend.meanSpend()[i]);
                j++;
            }
        }
        double[] dx = new double[byX.size()], count = new double[byX.size()], sumLog = new double[byX.size()];
        int k = 0;
        for (Map.Entry<Double, double[]> entry : byX.entrySet()) {
            dx[k] = entry.getKey();
            count[k] = entry.getValue()[0];
            sumLog[k] = entry.getValue()[1];
            k++;
        }
        return new SpendLikelihood(x, mx, dx, count, sumLog);
    }

    /** Sum over usable customers of {@link GammaGamma#logLikelihood(double, double)} at theta = (p, q, gamma). */
    double logLikelihood(double[] theta) {
        double p = theta[0], q = theta[1], gamma = theta[2];
        double perCustomer = -Gamma.logGamma(q) + q * Math.log(gamma);
        double sum = 0;
        for (int k = 0; k < distinctX.length; k++) {
            double px = p * distinctX[k];
            sum += countAtX[k] * (Gamma.logGamma(px + q) - Gamma.logGamma(px) + perCustomer
                    + px * Math.log(distinctX[k])) + (px - 1) * sumLogSpendAtX[k];
        }
        for (int i = 0; i < x.length; i++) {
            sum -= (p * x[i] + q) * Math.log(gamma + spendTimesX[i]);
        }
        return sum;
    }
}
