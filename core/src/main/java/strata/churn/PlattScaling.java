package strata.churn;

/**
 * Platt scaling: a calibrated probability {@code 1 / (1 + exp(a·f + b))} of a classifier's probability q, with f =
 * logit(q), fitted by maximum likelihood on customers the classifier did not train on (Platt 1999, "Probabilistic
 * outputs for support vector machines", with its smoothed targets (N₊ + 1) / (N₊ + 2) and 1 / (N₋ + 2); on the logit
 * of boosted trees' probability as in Niculescu-Mizil and Caruana 2005, "Predicting good probabilities with supervised
 * learning"). a = −1, b = 0 leaves q as it is.
 *
 * <p>Platt rather than isotonic regression: no library in the build has isotonic regression (Hipparchus has none;
 * Smile's is GPL), and with two parameters Platt needs far fewer calibration customers and keeps the ranking (hence
 * ROC-AUC) as it is, where isotonic steps tie customers.
 */
public record PlattScaling(double a, double b, int customers) {
  /** Probabilities are kept this far from 0 and 1 so that their logit is finite. */
  private static final double EDGE = 1e-7;

  /**
   * @param probability the classifier's, per calibration customer
   * @param positive their outcomes
   * @throws IllegalArgumentException for no customers or arrays of different lengths
   */
  public static PlattScaling fit(double[] probability, boolean[] positive) {
    if (probability.length != positive.length || probability.length == 0) {
      throw new IllegalArgumentException(probability.length + " probabilities for " + positive.length + " outcomes");
    }
    int n = probability.length;
    double[] f = new double[n];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      f[i] = logit(probability[i]);
      if (positive[i]) pos++;
    }
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (n - pos + 2.0);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) t[i] = positive[i] ? hi : lo;
    double[] ab = newton(f, t);
    return new PlattScaling(ab[0], ab[1], n);
  }

  /**
   * Newton's method with backtracking on the cross-entropy, as Lin, Lin and Weng (2007, "A note on Platt's
   * probabilistic outputs for support vector machines", algorithm 1) give it. Hipparchus' non-linear conjugate
   * gradient was tried first: on 20,000 already calibrated customers it ran out of 10,000 evaluations without the
   * gradient vanishing, and stopping on a small change of the loss left a off by 1e-4 on a two-point case checked by
   * hand; two parameters make the exact Hessian cheap.
   */
  private static double[] newton(double[] f, double[] t) {
    double a = -1;
    double b = 0;
    double loss = loss(a, b, f, t);
    for (int iteration = 0; iteration < 100; iteration++) {
      double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12; // the ridge keeps the Hessian invertible
      for (int i = 0; i < f.length; i++) {
        double p = 1 / (1 + Math.exp(a * f[i] + b));
        double g = t[i] - p;
        double w = p * (1 - p);
        ga += g * f[i];
        gb += g;
        haa += w * f[i] * f[i];
        hab += w * f[i];
        hbb += w;
      }
      if (Math.abs(ga) < 1e-10 * f.length && Math.abs(gb) < 1e-10 * f.length) break;
      double det = haa * hbb - hab * hab;
      double da = -(hbb * ga - hab * gb) / det;
      double db = -(haa * gb - hab * ga) / det;
      double step = 1;
      double next = loss(a + step * da, b + step * db, f, t);
      while (next > loss + 1e-4 * step * (ga * da + gb * db) && step > 1e-10) {
        step /= 2;
        next = loss(a + step * da, b + step * db, f, t);
      }
      if (step <= 1e-10) break; // no step lowers the loss: at the minimum to machine precision
      a += step * da;
      b += step * db;
      loss = next;
    }
    return new double[] {a, b};
  }

  /** The calibrated probability of a classifier's probability {@code q}. */
  public double apply(double q) {
    return 1 / (1 + Math.exp(a * logit(q) + b));
  }

  double[] apply(double[] q) {
    double[] out = new double[q.length];
    for (int i = 0; i < q.length; i++) out[i] = apply(q[i]);
    return out;
  }

  private static double logit(double q) {
    double c = Math.min(1 - EDGE, Math.max(EDGE, q));
    return Math.log(c / (1 - c));
  }

  /** Cross-entropy of the targets: Σ log(1 + e^z) − (1 − t)·z with z = a·f + b (p = 1 / (1 + e^z)). */
  private static double loss(double a, double b, double[] f, double[] t) {
    double sum = 0;
    for (int i = 0; i < f.length; i++) {
      double z = a * f[i] + b;
      sum += softplus(z) - (1 - t[i]) * z;
    }
    return sum;
  }

  /** log(1 + e^z) without overflow. */
  private static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
}
