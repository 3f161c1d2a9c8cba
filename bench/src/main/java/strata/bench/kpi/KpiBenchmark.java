package strata.bench.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import strata.forecast.Backtest;
import strata.forecast.TierForecast;
import strata.forecast.TierSnapshot;
import strata.forecast.TransitionCounts;
import strata.forecast.TransitionMatrix;
import strata.kpi.CustomerState;
import strata.kpi.KpiAccumulator;
import strata.kpi.SnapshotInfo;

/**
 * KPIs by tier between two snapshots of N customers (one pass of {@link KpiAccumulator}), the transition counts of one
 * snapshot pair from maps, and the forecast and backtest of 24 snapshots from their pair counts. Medians of 5 runs
 * after 2 warm-up runs. Usage: {@code KpiBenchmark [customers]} (default 1,000,000).
 */
public final class KpiBenchmark {
  static final List<String> TIERS = List.of("high_value", "at_risk", "potential", "low_value");
  static final String[] OWNERS = {"王芳", "李雷", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"};

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    SnapshotInfo before = new SnapshotInfo(LocalDate.of(2026, 7, 1), "m", "1", TIERS, true);
    SnapshotInfo now = new SnapshotInfo(LocalDate.of(2026, 10, 1), "m", "1", TIERS, true);
    SplittableRandom random = new SplittableRandom(42);
    CustomerState[] a = new CustomerState[n];
    CustomerState[] b = new CustomerState[n];
    Map<String, String> tiersBefore = new HashMap<>();
    Map<String, String> tiersNow = new HashMap<>();
    int start = (int) before.asOf().toEpochDay();
    for (int i = 0; i < n; i++) {
      String id = "C" + i;
      String owner = OWNERS[random.nextInt(OWNERS.length)];
      int days = random.nextInt(20);
      int more = random.nextInt(3);
      a[i] = new CustomerState(id, TIERS.get(random.nextInt(4)), days, days, days * 10_000L,
          days == 0 ? -1 : start - random.nextInt(400), Double.NaN, Double.NaN, random.nextInt(3), -1, -1, -1, -1,
          owner, "华东", "零售");
      b[i] = new CustomerState(id, TIERS.get(random.nextInt(4)), days + more, days + more,
          (days + more) * 10_000L, more > 0 ? start + 1 + random.nextInt(90) : a[i].lastPurchaseDay(),
          random.nextDouble() * 1000, random.nextDouble(), a[i].complaints() + random.nextInt(2),
          random.nextInt(11), start + 10, 1 + random.nextInt(5), start + 10, owner, "华东", "零售");
      tiersBefore.put(id, a[i].tier());
      tiersNow.put(id, b[i].tier());
    }
    TierSnapshot s1 = new TierSnapshot(before.asOf(), "1", TIERS, tiersBefore);
    TierSnapshot s2 = new TierSnapshot(now.asOf(), "1", TIERS, tiersNow);
    System.out.printf("%,d customers; medians of 5 runs after 2 warm-up runs%n", n);
    report("KPIs by tier, one snapshot pair (all, owner, region, industry)", () -> {
      KpiAccumulator k = new KpiAccumulator(now, before);
      for (int i = 0; i < n; i++) k.add(b[i], a[i]);
      return k.result().rows().size();
    });
    report("transition counts of one snapshot pair (maps)", () -> TransitionCounts.between(s1, s2).counts().length);
    TransitionCounts pair = TransitionCounts.between(s1, s2);
    List<TransitionCounts> history = new ArrayList<>();
    for (int k = 0; k < 23; k++) {
      history.add(new TransitionCounts(before.asOf().plusMonths(3L * k), before.asOf().plusMonths(3L * k + 3), "1",
          TIERS, pair.counts()));
    }
    report("forecast and backtest of 24 snapshots from pair counts", () -> {
      TransitionMatrix m = TransitionMatrix.of("1", now.asOf(), history, List.of());
      return TierForecast.of(m, now.asOf(), new long[] {n / 4, n / 4, n / 4, n - 3 * (n / 4)}).tiers().size()
          + Backtest.of(history).size();
    });
  }

  private static void report(String what, java.util.function.IntSupplier work) {
    double[] seconds = new double[5];
    int sink = 0;
    for (int run = -2; run < 5; run++) {
      long t0 = System.nanoTime();
      sink += work.getAsInt();
      if (run >= 0) seconds[run] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(seconds);
    System.out.printf("%-70s %8.3f s (min %.3f, max %.3f) [%d]%n", what, seconds[2], seconds[0], seconds[4], sink);
  }
}
