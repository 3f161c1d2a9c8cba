package strata.bench.clv;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import strata.clv.BgNbd;
import strata.clv.Fit;
import strata.clv.GammaGamma;
import strata.clv.MbgNbd;
import strata.clv.ParetoNbd;

/** Time to fit each CLV model (including standard errors) on the full CDNOW master file, 23,570 customers. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClvFitBenchmark {

    private CdnowMaster cdnow;

    @Setup
    public void load() {
        cdnow = CdnowMaster.load();
    }

    @Benchmark
    public Fit<BgNbd> bgNbd() {
        return BgNbd.fit(cdnow.calibration());
    }

    @Benchmark
    public Fit<MbgNbd> mbgNbd() {
        return MbgNbd.fit(cdnow.calibration());
    }

    @Benchmark
    public Fit<ParetoNbd> paretoNbd() {
        return ParetoNbd.fit(cdnow.calibration());
    }

    @Benchmark
    public Fit<GammaGamma> gammaGamma() {
        return GammaGamma.fit(cdnow.spend());
    }
}
