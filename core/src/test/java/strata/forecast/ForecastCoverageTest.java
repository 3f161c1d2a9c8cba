package strata.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The 95 % intervals hold the true next-period counts about 95 % of the time when the chain is known. */
class ForecastCoverageTest {
  static final double[][] TRUE = {{0.80, 0.15, 0.05}, {0.10, 0.70, 0.20}, {0.02, 0.08, 0.90}};

  @Test
  void ninetyFivePercentIntervalsCoverTheTrueCountsAboutNinetyFivePercentOfTheTime() {
    SplittableRandom random = new SplittableRandom(20261204);
    int covered = 0;
    int intervals = 0;
    for (int rep = 0; rep < 1000; rep++) {
      int[] tiers = new int[900];
      for (int c = 0; c < tiers.length; c++) tiers[c] = c % 3; // 300 customers a tier to start
      long[][] counts = new long[3][3];
      int[] next = step(tiers, random);
      for (int c = 0; c < tiers.length; c++) counts[tiers[c]][next[c]]++;
      long[] now = new long[3];
      for (int t : next) now[t]++;
      TransitionMatrix m = new TransitionMatrix("1", List.of("a", "b", "c"), counts, 1, List.of());
      TierForecast f = TierForecast.of(m, LocalDate.EPOCH, now);
      long[] actual = new long[3];
      for (int t : step(next, random)) actual[t]++;
      for (int j = 0; j < 3; j++) {
        TierForecast.Row r = f.tiers().get(j);
        if (actual[j] >= r.low() && actual[j] <= r.high()) covered++;
        intervals++;
      }
    }
    assertThat(covered / (double) intervals).isBetween(0.93, 0.97);
  }

  private static int[] step(int[] tiers, SplittableRandom random) {
    int[] next = new int[tiers.length];
    for (int c = 0; c < tiers.length; c++) {
      double u = random.nextDouble();
      double[] row = TRUE[tiers[c]];
      int j = 0;
      while (j < row.length - 1 && u >= row[j]) u -= row[j++];
      next[c] = j;
    }
    return next;
  }
}
