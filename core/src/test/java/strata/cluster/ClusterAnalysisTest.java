package strata.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import strata.summary.CustomerSummary;
import strata.summary.PurchaseColumns;
import strata.summary.SummaryTable;

class ClusterAnalysisTest {
  static final int AS_OF = 20_000;

  /** One customer with {@code days} purchase days, one order a day of {@code value}, the last {@code recency} ago. */
  static CustomerSummary customer(String id, int days, double value, int recency) {
    int[] d = new int[days];
    for (int k = 0; k < days; k++) d[k] = AS_OF - recency - (days - 1 - k) * 3;
    long cents = Math.round(value * 100);
    return new CustomerSummary(id, d, new long[0], days, days, cents * days, 0, cents, Map.of());
  }

  /** Three planted groups of 60, interleaved, with ±15 % jitter. */
  static PurchaseColumns planted(long seed) {
    Random r = new Random(seed);
    List<CustomerSummary> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      all.add(customer("a" + i, 18 + r.nextInt(5), 10 * (0.85 + 0.3 * r.nextDouble()), 2 + r.nextInt(3)));
      all.add(customer("b" + i, 1, 1000 * (0.85 + 0.3 * r.nextDouble()), 280 + r.nextInt(40)));
      all.add(customer("c" + i, 4 + r.nextInt(3), 100 * (0.85 + 0.3 * r.nextDouble()), 55 + r.nextInt(10)));
    }
    return SummaryTable.of(all).freeze();
  }

  @Test
  void recoversPlantedGroupsAndDescribesThem() {
    PurchaseColumns p = planted(1);
    ClusterAnalysis.Result r = ClusterAnalysis.run(p, UTF_8, AS_OF, 0, 42);
    assertEquals(3, r.clusters().size(), "silhouette chose k = 3");
    // Each planted group falls in one cluster of its own.
    Set<Integer> seen = new HashSet<>();
    for (String group : List.of("a", "b", "c")) {
      Set<Integer> ids = new HashSet<>();
      for (int i = 0; i < p.size; i++) if (p.customerId(i, java.nio.charset.StandardCharsets.UTF_8).startsWith(group)) ids.add(r.cluster()[i]);
      assertEquals(1, ids.size(), group + " split over " + ids);
      assertTrue(seen.addAll(ids), group + " shares a cluster");
    }
    Cluster a = r.clusters().get(r.cluster()[0] - 1);
    Cluster b = r.clusters().get(r.cluster()[1] - 1);
    Cluster c = r.clusters().get(r.cluster()[2] - 1);
    assertEquals("frequent small orders, recent", a.describe(Locale.ENGLISH));
    assertEquals("高频小额、近期活跃", a.describe(Locale.CHINESE));
    assertEquals("occasional large orders, lapsed", b.describe(Locale.ENGLISH));
    assertEquals("低频大额、久未购买", b.describe(Locale.CHINESE));
    assertEquals("regular mid-size orders, cooling", c.describe(Locale.ENGLISH));
    assertEquals(60, b.customers());
    // Group b: 60 one-time buyers; their net spend added up directly.
    long bCents = 0;
    for (int i = 0; i < p.size; i++) {
      if (p.customerId(i, java.nio.charset.StandardCharsets.UTF_8).startsWith("b")) bCents += p.netCents[i];
    }
    assertEquals(bCents, b.revenueCents());
    assertEquals(1.0, b.purchaseDays(), 1e-9);
    assertTrue(r.silhouette() > 0.7, "silhouette " + r.silhouette());
  }

  @Test
  void sameSeedSameClusters() {
    PurchaseColumns p = planted(3);
    ClusterAnalysis.Result x = ClusterAnalysis.run(p, UTF_8, AS_OF, 5, 9);
    ClusterAnalysis.Result y = ClusterAnalysis.run(p, UTF_8, AS_OF, 5, 9);
    assertArrayEquals(x.cluster(), y.cluster());
    assertEquals(x.clusters(), y.clusters());
    assertEquals(5, x.clusters().size(), "k fixed in the model is kept");
  }

  @Test
  void tooFewOrAlikeCustomersGetANoteAndNoClusters() {
    List<CustomerSummary> few = new ArrayList<>();
    for (int i = 0; i < 12; i++) few.add(customer("x" + i, 1 + i, 10 + i, i));
    ClusterAnalysis.Result r = ClusterAnalysis.run(SummaryTable.of(few).freeze(), UTF_8, AS_OF, 0, 1);
    assertEquals(List.of("12 customers are too few for behavioural clusters (at least 30 needed)"),
        r.notes().stream().map(Object::toString).toList());
    assertArrayEquals(new int[12], r.cluster());

    List<CustomerSummary> alike = new ArrayList<>();
    for (int i = 0; i < 100; i++) alike.add(customer("y" + i, 2, 50, 7));
    ClusterAnalysis.Result same = ClusterAnalysis.run(SummaryTable.of(alike).freeze(), UTF_8, AS_OF, 0, 1);
    assertTrue(same.clusters().isEmpty());
    assertTrue(same.notes().get(0).toString().startsWith("all customers have the same"));

    assertThrows(IllegalArgumentException.class, () -> ClusterAnalysis.run(planted(1), UTF_8, AS_OF, 1, 1));
  }

  /** {@code n} buyers of three kinds with jitter, ids C0..C(n-1), in a shuffled order. */
  static List<CustomerSummary> many(int n, long seed) {
    Random r = new Random(seed);
    List<CustomerSummary> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(3);
      all.add(customer("C" + i, kind == 0 ? 5 + r.nextInt(10) : 1 + r.nextInt(2),
          (kind == 1 ? 800 : 40) * (0.5 + r.nextDouble()), kind == 2 ? 200 + r.nextInt(100) : r.nextInt(60)));
    }
    java.util.Collections.shuffle(all, r);
    return all;
  }

  @Test
  void theSampleIsTheBuyersWhoseIdsHashLowest() {
    List<CustomerSummary> buyers = many(70_000, 4);
    PurchaseColumns p = SummaryTable.of(buyers).freeze();
    ClusterSample sample = ClusterSample.of(p, UTF_8, AS_OF);
    assertEquals(ClusterSample.SIZE, sample.size());
    // Independently: every buyer's hash, sorted; the sample's points are those of the 50,000 lowest.
    Integer[] order = new Integer[p.size];
    for (int i = 0; i < p.size; i++) order[i] = i;
    long[] hash = new long[p.size];
    for (int i = 0; i < p.size; i++) hash[i] = ClusterSample.hash(p.customerId(i, UTF_8));
    java.util.Arrays.sort(order, (x, y) -> Long.compare(hash[x], hash[y]));
    List<double[]> want = new ArrayList<>();
    for (int k = 0; k < ClusterSample.SIZE; k++) {
      int i = order[k];
      double aov = p.netCents[i] / 100.0 / p.orders[i];
      want.add(new double[] {Math.log1p(AS_OF - p.lastDay[i]), Math.log1p(p.distinctDays[i]), Math.log1p(aov)});
    }
    want.sort(ClusterSample::lexical);
    double[][] got = sample.points();
    for (int k = 0; k < got.length; k++) assertArrayEquals(want.get(k), got[k], 0, "point " + k);
    // Ids of one scheme spread: the sample takes about as many of the first half of the ids as of the second.
    long firstHalf = java.util.stream.IntStream.range(0, ClusterSample.SIZE)
        .filter(k -> Integer.parseInt(p.customerId(order[k], UTF_8).substring(1)) < 35_000).count();
    assertTrue(Math.abs(firstHalf - ClusterSample.SIZE / 2) < 1_000, "first half " + firstHalf);
  }

  @Test
  void buyersInAnyOrderOrCutIntoPartsGetTheSameClusters() {
    List<CustomerSummary> buyers = many(64_000, 6);
    PurchaseColumns whole = SummaryTable.of(buyers).freeze();
    ClusterAnalysis.Result all = ClusterAnalysis.run(whole, UTF_8, AS_OF, 0, 1);
    assertTrue(all.clusters().size() >= ClusterAnalysis.MIN_K);
    Map<String, Integer> byId = new java.util.HashMap<>();
    for (int i = 0; i < whole.size; i++) byId.put(whole.customerId(i, UTF_8), all.cluster()[i]);

    List<CustomerSummary> reversed = new ArrayList<>(buyers);
    java.util.Collections.reverse(reversed);
    PurchaseColumns other = SummaryTable.of(reversed).freeze();
    ClusterAnalysis.Result again = ClusterAnalysis.run(other, UTF_8, AS_OF, 0, 1);
    assertEquals(all.clusters(), again.clusters(), "centres to the last digit");
    // The silhouette is measured on the fit's own points: it differs when the sample does, even where no buyer moves.
    assertEquals(all.silhouette(), again.silhouette(), 0);
    for (int i = 0; i < other.size; i++) assertEquals(byId.get(other.customerId(i, UTF_8)), again.cluster()[i]);

    // Five parts of uneven size: samples merged, one fit, each part assigned, tallies merged.
    int[] cuts = {0, 3_000, 20_000, 21_000, 50_000, 64_000};
    List<PurchaseColumns> parts = new ArrayList<>();
    for (int k = 0; k + 1 < cuts.length; k++) parts.add(SummaryTable.of(buyers.subList(cuts[k], cuts[k + 1])).freeze());
    ClusterSample sample = null;
    for (PurchaseColumns part : parts) {
      ClusterSample s = ClusterSample.of(part, UTF_8, AS_OF);
      sample = sample == null ? s : s.merge(sample);
    }
    ClusterFit fit = ClusterFit.of(sample, 0, 1);
    ClusterTally tally = null;
    for (PurchaseColumns part : parts) {
      ClusterFit.Assigned a = fit.assign(part, AS_OF);
      for (int i = 0; i < part.size; i++) assertEquals(byId.get(part.customerId(i, UTF_8)), a.cluster()[i]);
      tally = tally == null ? a.tally() : a.tally().merge(tally);
    }
    assertEquals(all.clusters(), fit.result(new int[0], tally).clusters());
    assertEquals(all.silhouette(), fit.result(new int[0], tally).silhouette(), 0);
  }

  @Test
  void aClustersCentreIsTheExactMeanOfItsMembersWhateverTheOrder() {
    Random r = new Random(2);
    double[][] axes = new double[100_000][];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = new double[] {Math.log1p(r.nextInt(3_000)), Math.log1p(1 + r.nextInt(50)), Math.log1p(1e6 * r.nextDouble())};
    }
    ClusterTally forward = new ClusterTally(1);
    for (double[] a : axes) forward.add(0, a, 1);
    ClusterTally halves = new ClusterTally(1);
    ClusterTally second = new ClusterTally(1);
    for (int i = axes.length - 1; i >= 0; i--) (i % 2 == 0 ? halves : second).add(0, axes[i], 1);
    halves = second.merge(halves);
    for (int j = 0; j < 3; j++) {
      java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
      for (double[] a : axes) sum = sum.add(new java.math.BigDecimal(a[j]));
      double exact = sum.divide(java.math.BigDecimal.valueOf(axes.length), java.math.MathContext.DECIMAL64)
          .doubleValue();
      assertEquals(exact, forward.mean(0, j), 1e-12, "axis " + j);
      assertEquals(forward.mean(0, j), halves.mean(0, j), 0, "axis " + j + " in another order");
    }
    assertEquals(100_000, halves.customers[0]);
    assertEquals(100_000, halves.revenueCents[0]);
  }
}
