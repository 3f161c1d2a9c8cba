package strata.cluster;

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
    ClusterAnalysis.Result r = ClusterAnalysis.run(p, AS_OF, 0, 42);
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
    ClusterAnalysis.Result x = ClusterAnalysis.run(p, AS_OF, 5, 9);
    ClusterAnalysis.Result y = ClusterAnalysis.run(p, AS_OF, 5, 9);
    assertArrayEquals(x.cluster(), y.cluster());
    assertEquals(x.clusters(), y.clusters());
    assertEquals(5, x.clusters().size(), "k fixed in the model is kept");
  }

  @Test
  void tooFewOrAlikeCustomersGetANoteAndNoClusters() {
    List<CustomerSummary> few = new ArrayList<>();
    for (int i = 0; i < 12; i++) few.add(customer("x" + i, 1 + i, 10 + i, i));
    ClusterAnalysis.Result r = ClusterAnalysis.run(SummaryTable.of(few).freeze(), AS_OF, 0, 1);
    assertEquals(List.of("12 customers are too few for behavioural clusters (at least 30 needed)"),
        r.notes().stream().map(Object::toString).toList());
    assertArrayEquals(new int[12], r.cluster());

    List<CustomerSummary> alike = new ArrayList<>();
    for (int i = 0; i < 100; i++) alike.add(customer("y" + i, 2, 50, 7));
    ClusterAnalysis.Result same = ClusterAnalysis.run(SummaryTable.of(alike).freeze(), AS_OF, 0, 1);
    assertTrue(same.clusters().isEmpty());
    assertTrue(same.notes().get(0).toString().startsWith("all customers have the same"));

    assertThrows(IllegalArgumentException.class, () -> ClusterAnalysis.run(planted(1), AS_OF, 1, 1));
  }
}
