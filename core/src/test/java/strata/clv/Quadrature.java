package strata.clv;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/** Independent numerical integration for tests: Gauss-Legendre on a mesh graded towards both ends of an interval. */
final class Quadrature {

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    private Quadrature() {
    }

    /** Integral of f over (lo, hi); the mesh halves towards each end 30 times, for endpoint singularities. */
    static double integrate(DoubleUnaryOperator f, double lo, double hi) {
        double[] mesh = new double[62];
        for (int k = 1; k <= 30; k++) {
            mesh[31 - k] = Math.pow(0.5, k);
            mesh[30 + k] = 1 - Math.pow(0.5, k + 1);
        }
        mesh[61] = 1;
        double total = 0;
        for (int i = 0; i + 1 < mesh.length; i++) {
            double a = lo + (hi - lo) * mesh[i];
            double b = lo + (hi - lo) * mesh[i + 1];
            total += FACTORY.legendre(48, a, b).integrate(f::applyAsDouble);
        }
        return total;
    }

    /**
     * E[f(p, 1 - p)] for p ~ Beta(a, b), normalising the density numerically too. Each half of (0, 1) is integrated in
     * the variable that is small there, so 1 - p near 1 is exact and the mesh can grade 100 times towards it.
     */
    static double betaExpectation(double a, double b, DoubleBinaryOperator f) {
        DoubleBinaryOperator density = (p, q) -> Math.pow(p, a - 1) * Math.pow(q, b - 1);
        DoubleBinaryOperator weighted = (p, q) -> density.applyAsDouble(p, q) * f.applyAsDouble(p, q);
        return overUnitInterval(weighted) / overUnitInterval(density);
    }

    private static double overUnitInterval(DoubleBinaryOperator g) {
        return towardsZero(p -> g.applyAsDouble(p, 1 - p)) + towardsZero(q -> g.applyAsDouble(1 - q, q));
    }

    /** Integral over (0, 1/2] on a mesh halving 100 times towards 0. */
    private static double towardsZero(DoubleUnaryOperator f) {
        double total = 0;
        double upper = 0.5;
        for (int k = 0; k < 100; k++) {
            double lower = upper / 2;
            total += FACTORY.legendre(32, lower, upper).integrate(f::applyAsDouble);
            upper = lower;
        }
        return total;
    }
}
