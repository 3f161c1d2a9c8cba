package strata.bench.identity;

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
import strata.identity.DuplicateCandidates;

/** Duplicate candidates among 1M customer records, 1 % of them planted copies (goal: under 30 s). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DuplicateBenchmark {
  @Param("1000000")
  int customers;

  private SyntheticProfiles.Planted data;

  @Setup
  public void generate() {
    data = SyntheticProfiles.generate(customers, 0.01, 42);
  }

  @Benchmark
  public DuplicateCandidates.Result find() {
    return DuplicateCandidates.find(data.profiles());
  }
}
