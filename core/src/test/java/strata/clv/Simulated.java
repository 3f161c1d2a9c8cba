package strata.clv;

import org.hipparchus.random.RandomDataGenerator;

/**
 * Customers simulated from the models' stories (not from their formulas), with a calibration period and a holdout:
 * the independent check of likelihoods, predictions and fits.
 */
record Simulated(CalibrationData calibration, double[] holdoutPurchases, double holdoutLength, boolean[] aliveAtT) {

    /** Ages at calibration end are spread uniformly over [20, 52) time units, like a cohort acquired over months. */
    static Simulated betaGeometric(double r, double alpha, double a, double b, boolean modified, int n, double holdout,
                                   long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        double[] x = new double[n], tx = new double[n], age = new double[n], y = new double[n];
        boolean[] alive = new boolean[n];
        for (int i = 0; i < n; i++) {
            age[i] = 20 + 32 * random.nextDouble();
            double lambda = random.nextGamma(r, 1 / alpha);
            double p = random.nextBeta(a, b);
            boolean living = !(modified && random.nextDouble() < p);
            double t = random.nextExponential(1 / lambda);
            while (living && t <= age[i]) {
                x[i]++;
                tx[i] = t;
                living = random.nextDouble() >= p;
                t += random.nextExponential(1 / lambda);
            }
            alive[i] = living;
            // The pending purchase time t > T is the next event of a customer still alive (memoryless process).
            while (living && t <= age[i] + holdout) {
                y[i]++;
                living = random.nextDouble() >= p;
                t += random.nextExponential(1 / lambda);
            }
        }
        return new Simulated(new CalibrationData(x, tx, age), y, holdout, alive);
    }

    static Simulated paretoNbd(double r, double alpha, double s, double beta, int n, double holdout, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        double[] x = new double[n], tx = new double[n], age = new double[n], y = new double[n];
        boolean[] alive = new boolean[n];
        for (int i = 0; i < n; i++) {
            age[i] = 20 + 32 * random.nextDouble();
            double lambda = random.nextGamma(r, 1 / alpha);
            double lifetime = random.nextExponential(1 / random.nextGamma(s, 1 / beta));
            double t = random.nextExponential(1 / lambda);
            while (t <= Math.min(lifetime, age[i])) {
                x[i]++;
                tx[i] = t;
                t += random.nextExponential(1 / lambda);
            }
            alive[i] = lifetime > age[i];
            while (t <= Math.min(lifetime, age[i] + holdout)) {
                y[i]++;
                t += random.nextExponential(1 / lambda);
            }
        }
        return new Simulated(new CalibrationData(x, tx, age), y, holdout, alive);
    }

    /** Mean spend per customer: x transactions each ~ Gamma(p, scale 1/nu), nu ~ Gamma(q, scale 1/gamma). */
    static SpendData gammaGammaSpend(double[] x, double p, double q, double gamma, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        double[] mean = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double nu = random.nextGamma(q, 1 / gamma);
            double total = 0;
            for (int j = 0; j < x[i]; j++) {
                total += random.nextGamma(p, 1 / nu);
            }
            mean[i] = x[i] > 0 ? total / x[i] : 0;
        }
        return new SpendData(x, mean);
    }
}
