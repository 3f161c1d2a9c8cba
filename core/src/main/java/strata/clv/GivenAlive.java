package strata.clv;

import java.util.Arrays;

/**
 * E[Y(t) | alive at T] of BG/NBD (or MBG/NBD) customers who made the same number x of repeat purchases, for any t and T.
 * Made for valuing many customers: the series below has term ratios that depend on x but not on t or T, so they are
 * computed once per x and shared by every (t, T) asked for. Not safe for use by several threads at once.
 */
public final class GivenAlive {

    private final double a;
    private final double b;
    private final double bPost;
    private final double c;
    private final double rPost;
    private final double alpha;
    /** ratio[n]: term n of the series divided by z and by term n - 1, for n &lt; known (ratio[0] is unused). */
    private double[] ratio = new double[16];
    private int known = 1;

    GivenAlive(double r, double alpha, double a, double b, boolean modified, double x) {
        this.a = a;
        this.b = b;
        this.alpha = alpha;
        this.bPost = b + x + (modified ? 1 : 0);
        this.c = a + bPost - 1;
        this.rPost = r + x;
    }

    /**
     * @param t length of the future period, in the calibration time unit, &gt;= 0
     * @param T age of the customers at calibration end
     * @return E[Y(t) | alive at T, x], as {@link BgNbd#expectedGivenAlive}
     * @throws ClvException if a + b &lt;= 1 leaves the expectation undefined for customers without repeat purchases
     */
    public double expected(double t, double T) {
        if (t == 0) {
            return 0;
        }
        if (!(c > 0)) {
            throw new ClvException(ClvException.BGNBD_UNDEFINED, a, b);
        }
        double z = t / (alpha + T + t);
        // The series' terms grow like (1 - z)^(-a) before (1 - z)^(a-1) scales them back, which overflows when a is
        // large (fits on data with a near-constant dropout give a in the thousands): use the closed form there too.
        boolean seriesOverflows = (a - 1) * -Math.log1p(-z) > 30;
        return ((z > 0.95 || seriesOverflows) && Math.abs(a - 1) > 1e-3) ? closedForm(z) : series(z);
    }

    /**
     * The paper's form (BG/NBD paper eq. 10), c / (a - 1) * [1 - (1 - z)^(r') 2F1(r', b'; c; z)], for z near 1 where the
     * series below converges slowly; |a - 1| is away from 0 here.
     */
    private double closedForm(double z) {
        double scaled = Math.exp(rPost * Math.log1p(-z) + Hyp2F1.logValue(rPost, bPost, c, z));
        return c / (a - 1) * (1 - scaled);
    }

    /**
     * The same quantity without the removable singularity at a = 1. By Euler's transformation
     * (1 - z)^(r') 2F1(r', b'; c; z) = (1 - z)^(a-1) 2F1(c - r', a - 1; c; z) = (1 - z)^(a-1) (1 + (a - 1) S) with
     * S = sum_{n>=1} (c - r')_n (a)_{n-1} / ((c)_n n!) z^n, so the expectation is
     * c * [(1 - (1 - z)^(a-1)) / (a - 1) - (1 - z)^(a-1) S], finite and smooth through a = 1.
     */
    private double series(double z) {
        double log1mz = Math.log1p(-z);
        double am1 = a - 1;
        double first = Math.abs(am1) < 1e-12 ? -log1mz : -Math.expm1(am1 * log1mz) / am1;
        double upper = c - rPost;
        double term = upper / c * z;
        double sum = term;
        for (int n = 1; n < 1_000_000 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
            if (n == known) {
                learnRatios();
            }
            term *= ratio[n] * z;
            sum += term;
        }
        return c * (first - Math.exp(am1 * log1mz) * sum);
    }

    /** Doubles the number of known ratios. */
    private void learnRatios() {
        if (known == ratio.length) {
            ratio = Arrays.copyOf(ratio, 2 * ratio.length);
        }
        double upper = c - rPost;
        for (int n = known; n < ratio.length; n++) {
            ratio[n] = (upper + n) * (a + n - 1) / ((c + n) * (n + 1));
        }
        known = ratio.length;
    }
}
