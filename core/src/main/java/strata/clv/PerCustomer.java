package strata.clv;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/** Fills one primitive slot per customer; large inputs are spread over all cores. */
final class PerCustomer {

    /** Below this the fork-join overhead outweighs the gain. */
    static final int PARALLEL_THRESHOLD = 100_000;

    private PerCustomer() {
    }

    static double[] compute(int n, IntToDoubleFunction value) {
        double[] out = new double[n];
        IntStream indices = IntStream.range(0, n);
        (n >= PARALLEL_THRESHOLD ? indices.parallel() : indices).forEach(i -> out[i] = value.applyAsDouble(i));
        return out;
    }

    static void requireHorizon(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new ClvException(ClvException.BAD_PREDICTION_PERIOD, t);
        }
    }
}
