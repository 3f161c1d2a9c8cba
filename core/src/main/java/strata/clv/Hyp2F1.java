package strata.clv;

import org.hipparchus.special.Gamma;

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real {@code a, b, c > 0} and {@code 0 <= z < 1}, the region the
 * Pareto/NBD likelihood visits (Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions").
 *
 * <p>Hipparchus has no 2F1, so it is written here. In this region every series term is positive, so the function is
 * positive and is returned in log space (it overflows a double for large purchase counts). Strategy:
 * <ul>
 *   <li>If c - a - b &lt; 0 the Euler transformation 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a,c-b;c;z) moves the
 *       singular factor out of the series, whose terms then stay bounded as z approaches 1 (A&amp;S 15.3.3).</li>
 *   <li>The power series is summed while it converges within a few thousand terms; partial sums are rescaled so huge
 *       intermediate values never overflow.</li>
 *   <li>Otherwise (z near 1 and c - a - b small) the 1 - z connection formula (A&amp;S 15.3.6) is used, whose two series
 *       converge like (1 - z)^n. Its two terms have poles that cancel when c - a - b is an integer; within 1e-3 of an
 *       integer the value is interpolated from nodes at safe distances (see {@link #nearIntegerTransform}).</li>
 * </ul>
 */
public final class Hyp2F1 {

    private static final double EPS = 1e-16;
    private static final double RESCALE = 1e280;
    private static final double LOG_RESCALE = Math.log(RESCALE);
    /** Series cost cap before the 1 - z transformation is preferred; each term is a handful of flops. */
    private static final int SERIES_TERM_BUDGET = 4000;
    private static final double NEAR_INTEGER = 1e-3;
    /** Offsets of c - a - b from the nearest integer used by the near-integer interpolation. */
    private static final double[] NODES = {-8e-3, -6e-3, -4e-3, -2e-3, 2e-3, 4e-3, 6e-3, 8e-3};

    private Hyp2F1() {
    }

    /**
     * Natural log of 2F1(a, b; c; z).
     *
     * @param a first numerator parameter, &gt; 0
     * @param b second numerator parameter, &gt; 0
     * @param c denominator parameter, &gt; 0
     * @param z argument, 0 &lt;= z &lt; 1
     * @return ln 2F1(a, b; c; z), finite
     * @throws IllegalArgumentException if a parameter is outside the supported region or not finite
     */
    public static double logValue(double a, double b, double c, double z) {
        if (!(a > 0 && b > 0 && c > 0) || Double.isInfinite(a) || Double.isInfinite(b) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("2F1 needs finite a, b, c > 0, got a=" + a + " b=" + b + " c=" + c);
        }
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 is supported for 0 <= z < 1, got z=" + z);
        }
        if (z == 0) {
            return 0;
        }
        double logPrefactor = 0;
        double m = c - a - b;
        if (m < 0 && c - a > 0 && c - b > 0) {
            logPrefactor = m * Math.log1p(-z);
            double euler = c - a;
            b = c - b;
            a = euler;
            m = -m;
        }
        if (z <= 0.5 || seriesTermsNeeded(m, z) <= SERIES_TERM_BUDGET) {
            SignedLog s = series(a, b, c, z, m);
            if (s != null) {
                return logPrefactor + s.log;
            }
        }
        SignedLog t = Math.abs(m - Math.rint(m)) < NEAR_INTEGER
                ? nearIntegerTransform(a, b, c, 1 - z, m) : transform(a, b, c, 1 - z);
        if (t.sign <= 0 || Double.isNaN(t.log)) {
            throw new ArithmeticException("2F1 lost precision at a=" + a + " b=" + b + " c=" + c + " z=" + z);
        }
        return logPrefactor + t.log;
    }

    /**
     * 2F1(a, b; c; z) itself; see {@link #logValue} for the supported region.
     *
     * @return the value, possibly {@code +Infinity} when it exceeds the double range (use {@link #logValue} then)
     */
    public static double value(double a, double b, double c, double z) {
        return Math.exp(logValue(a, b, c, z));
    }

    /**
     * Rough count of terms before the tail falls below EPS: geometric decay z^n, helped by the n^-(m+1) decay of the terms
     * when m = c - a - b &gt; 0.
     */
    private static double seriesTermsNeeded(double m, double z) {
        double geometric = -Math.log(EPS) / -Math.log(z);
        double power = m > 0 ? Math.exp(-Math.log(EPS) / (m + 1)) : Double.POSITIVE_INFINITY;
        return Math.min(geometric, power);
    }

    /**
     * Power series sum in log space with rescaling; null if it did not converge within the budget. Terms may change sign
     * (only on the transformation's series), so the sign is tracked.
     */
    private static SignedLog series(double a, double b, double c, double z, double m) {
        double sum = 1;
        double term = 1;
        double logScale = 0;
        int limit = 4 * SERIES_TERM_BUDGET;
        for (int n = 0; n < limit; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            term *= ratio;
            sum += term;
            if (Math.abs(sum) > RESCALE) {
                sum /= RESCALE;
                term /= RESCALE;
                logScale += LOG_RESCALE;
            }
            if (term == 0) {
                return new SignedLog(Math.log(Math.abs(sum)) + logScale, Math.signum(sum));
            }
            // Tail after term n: at most term * z/(1-z) (geometric), and about term * n/m for the power-law decay.
            double tailFactor = Math.abs(ratio) < 1
                    ? Math.min(z / (1 - z), m > 0 ? (n + 1.0) / m : Double.POSITIVE_INFINITY) : Double.POSITIVE_INFINITY;
            if (Math.abs(term) * Math.max(1, tailFactor) <= EPS * Math.abs(sum)) {
                return new SignedLog(Math.log(Math.abs(sum)) + logScale, Math.signum(sum));
            }
        }
        return null;
    }

    /** A&amp;S 15.3.6 with w = 1 - z; valid for any real a, b and c - a - b not an integer. */
    private static SignedLog transform(double a, double b, double c, double w) {
        double m = c - a - b;
        double logW = Math.log(w);
        SignedLog first = product(logGamma(c), logGamma(m), logGamma(c - a).negate(), logGamma(c - b).negate(),
                seriesAnySign(a, b, 1 - m, w));
        SignedLog second = product(logGamma(c), logGamma(-m), logGamma(a).negate(), logGamma(b).negate(),
                seriesAnySign(c - a, c - b, 1 + m, w));
        second = new SignedLog(second.log + m * logW, second.sign);
        return first.plus(second);
    }

    /**
     * Near an integer c - a - b the two terms of 15.3.6 are huge and cancel. 2F1 is entire in a, so it is evaluated
     * at shifted a where c - a - b sits 2e-3..8e-3 from the integer (losing at most ~3 digits to cancellation) and the
     * polynomial through those eight values is evaluated at the true a. The interpolation error, of order
     * (spacing)^8 / 8! times the 8th a-derivative, is far below the cancellation error.
     */
    private static SignedLog nearIntegerTransform(double a, double b, double c, double w, double m) {
        double delta = m - Math.rint(m);
        double[] logs = new double[NODES.length];
        for (int j = 0; j < NODES.length; j++) {
            SignedLog node = transform(a + delta - NODES[j], b, c, w);
            if (node.sign <= 0) {
                return node;
            }
            logs[j] = node.log;
        }
        double reference = logs[0];
        double value = 0;
        for (int j = 0; j < NODES.length; j++) {
            double weight = 1;
            for (int k = 0; k < NODES.length; k++) {
                if (k != j) {
                    weight *= (delta - NODES[k]) / (NODES[j] - NODES[k]);
                }
            }
            value += weight * Math.exp(logs[j] - reference);
        }
        return new SignedLog(Math.log(Math.abs(value)) + reference, Math.signum(value));
    }

    private static SignedLog seriesAnySign(double a, double b, double c, double w) {
        SignedLog s = series(a, b, c, w, Double.NaN);
        if (s == null) {
            throw new ArithmeticException("2F1 series in 1 - z did not converge at a=" + a + " b=" + b + " c=" + c);
        }
        return s;
    }

    private static SignedLog product(SignedLog g1, SignedLog g2, SignedLog inv1, SignedLog inv2, SignedLog series) {
        double sign = g1.sign * g2.sign * inv1.sign * inv2.sign * series.sign;
        return sign == 0 ? SignedLog.ZERO : new SignedLog(g1.log + g2.log + inv1.log + inv2.log + series.log, sign);
    }

    /** ln|Gamma(x)| with the sign of Gamma(x); reflection formula for x &lt;= 0. */
    static SignedLog logGamma(double x) {
        if (x > 0) {
            return new SignedLog(Gamma.logGamma(x), 1);
        }
        if (x == Math.rint(x)) {
            return new SignedLog(Double.POSITIVE_INFINITY, 1);
        }
        double sin = Math.sin(Math.PI * x);
        double log = Math.log(Math.PI / Math.abs(sin)) - Gamma.logGamma(1 - x);
        return new SignedLog(log, Math.floor(x) % 2 == 0 ? 1 : -1);
    }

    /** sign * exp(log); negating marks a reciprocal (1/Gamma at a pole is zero). */
    record SignedLog(double log, double sign) {
        static final SignedLog ZERO = new SignedLog(Double.NEGATIVE_INFINITY, 0);

        SignedLog negate() {
            return log == Double.POSITIVE_INFINITY ? ZERO : new SignedLog(-log, sign);
        }

        SignedLog plus(SignedLog other) {
            if (sign == 0) {
                return other;
            }
            if (other.sign == 0) {
                return this;
            }
            double max = Math.max(log, other.log);
            double sum = sign * Math.exp(log - max) + other.sign * Math.exp(other.log - max);
            return sum == 0 ? ZERO : new SignedLog(max + Math.log(Math.abs(sum)), Math.signum(sum));
        }
    }
}
