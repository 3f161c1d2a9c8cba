package strata.bench.clv;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import strata.clv.BgNbd;
import strata.clv.CalibrationData;
import strata.clv.ClvHorizon;
import strata.clv.CustomerValue;
import strata.clv.GammaGamma;
import strata.clv.ParetoNbd;
import strata.clv.SpendData;

/**
 * Per-customer predictions for a simulated summary of 5 million customers with continuous (all distinct) purchase
 * times, using the published CDNOW estimates. Customers follow a simple BG/NBD story with CDNOW-like parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class ClvPredictionBenchmark {

    @Param("5000000")
    public int customers;

    private final BgNbd bgNbd = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private final ParetoNbd paretoNbd = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
    private final GammaGamma gammaGamma = new GammaGamma(6.25, 3.74, 15.44);
    private CalibrationData data;
    private SpendData spend;

    @Setup
    public void simulate() {
        SplittableRandom random = new SplittableRandom(42);
        double[] x = new double[customers], tx = new double[customers], t = new double[customers];
        double[] mean = new double[customers];
        for (int i = 0; i < customers; i++) {
            t[i] = 27 + 12 * random.nextDouble();
            // Gamma(0.243) purchase rate approximated by a log-normal: the benchmark needs realistic spread, not exactness.
            double rate = Math.exp(-3.5 + 1.8 * random.nextGaussian());
            double p = random.nextDouble() * 0.6;
            double time = -Math.log(1 - random.nextDouble()) / rate;
            while (time <= t[i]) {
                x[i]++;
                tx[i] = time;
                if (random.nextDouble() < p) {
                    break;
                }
                time += -Math.log(1 - random.nextDouble()) / rate;
            }
            mean[i] = x[i] > 0 ? 10 + 40 * random.nextDouble() : 0;
        }
        data = new CalibrationData(x, tx, t);
        spend = new SpendData(x.clone(), mean);
    }

    @Benchmark
    public double[] bgNbdExpectedPurchases39Weeks() {
        return bgNbd.expectedPurchases(data, 39);
    }

    @Benchmark
    public double[] bgNbdProbabilityAlive() {
        return bgNbd.probabilityAlive(data);
    }

    @Benchmark
    public double[] paretoNbdExpectedPurchases39Weeks() {
        return paretoNbd.expectedPurchases(data, 39);
    }

    @Benchmark
    public double[] gammaGammaExpectedSpend() {
        return gammaGamma.expectedAverageSpend(spend);
    }

    /** 12 monthly periods (52/12 weeks), 1% per month: 12 conditional expectations per customer. */
    @Benchmark
    public double[] bgNbdClv12Months() {
        return CustomerValue.clv(bgNbd, gammaGamma, data, spend, ClvHorizon.of(12, 52.0 / 12, 0.01));
    }
}
