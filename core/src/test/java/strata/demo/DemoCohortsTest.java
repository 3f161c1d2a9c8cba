package strata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated cohorts show in the files as documented: the cohort of each customer comes from the
 * simulation, everything checked about it is read back from the written files.
 */
class DemoCohortsTest {
  private static final LocalDate AS_OF = DemoOptions.DEFAULT_AS_OF;

  @TempDir static Path dir;
  static DemoOrders orders;
  static Map<String, List<String>> customers;
  static Map<Cohort, List<String>> cohorts;

  @BeforeAll
  static void generate() throws IOException {
    DemoFiles files = DemoDataGenerator.write(dir, DemoOptions.defaults());
    orders = new DemoOrders(DemoCsv.read(files.transactions()));
    DemoCsv customerCsv = DemoCsv.read(files.customers());
    customers = new HashMap<>();
    customerCsv.rows().forEach(r -> customers.put(r.get(0), r));
    Population people = DemoDataGenerator.population(DemoOptions.defaults());
    cohorts = new HashMap<>();
    for (int i = 0; i < people.size; i++) {
      cohorts.computeIfAbsent(people.cohort[i], c -> new ArrayList<>()).add(Population.customerId(i));
    }
  }

  @Test
  void aboutFivePercentAreProspectsWithoutAnyOrder() {
    // 5 % of 2,000 = 100, binomial standard deviation about 10: 60..140 is four deviations.
    assertThat(cohorts.get(Cohort.PROSPECT)).hasSizeBetween(60, 140)
        .allSatisfy(id -> assertThat(orders.byCustomer).doesNotContainKey(id));
  }

  @Test
  void newCustomersWereCreatedInTheLastHalfYearAndHaveOrdered() {
    // 8 % of 2,000 = 160 +- 12.
    assertThat(cohorts.get(Cohort.NEW)).hasSizeBetween(110, 210).allSatisfy(id -> {
      LocalDate created = LocalDate.parse(customers.get(id).get(9));
      assertThat(ChronoUnit.DAYS.between(created, AS_OF)).isBetween(1L, 180L);
      assertThat(orders.byCustomer).containsKey(id);
      assertThat(orders.byCustomer.get(id).first().toLocalDate()).isAfterOrEqualTo(created);
    });
  }

  @Test
  void atRiskCustomersStoppedOrderingLongAgo() {
    // 4 % of 2,000 = 80 +- 9.
    // The demo's win-back (DemoExperiment) may bring one back once in the seven weeks after its start.
    java.time.LocalDate winBack = DemoExperiment.start(AS_OF);
    java.util.Map<String, java.time.LocalDate> lastOutsideWinBack = new java.util.HashMap<>();
    for (DemoOrders.Line l : orders.lines) {
      java.time.LocalDate d = l.time().toLocalDate();
      if (!d.isBefore(winBack) && d.isBefore(winBack.plusDays(50))) continue;
      lastOutsideWinBack.merge(l.customerId(), d, (a, b) -> a.isAfter(b) ? a : b);
    }
    assertThat(cohorts.get(Cohort.AT_RISK)).hasSizeBetween(50, 115).allSatisfy(id -> {
      DemoOrders.Totals t = orders.byCustomer.get(id);
      assertThat(t).as(id).isNotNull();
      // Quiet for at least 300 days; refunds of the last order may come up to 30 days later.
      assertThat(ChronoUnit.DAYS.between(lastOutsideWinBack.get(id), AS_OF)).as(id)
          .isGreaterThanOrEqualTo(270);
      assertThat(t.orders()).as(id + " ordered often").isGreaterThanOrEqualTo(3);
      assertThat(customers.get(id).get(3)).as(id).isIn("大型", "中型");
    });
  }

  @Test
  void atRiskCustomersSpentMoreThanMostOthers() {
    List<BigDecimal> others = new ArrayList<>();
    orders.byCustomer.forEach((id, t) -> {
      if (!cohorts.get(Cohort.AT_RISK).contains(id)) {
        others.add(t.spend());
      }
    });
    BigDecimal othersMedian = quantile(others, 0.5);
    BigDecimal othersP80 = quantile(others, 0.8);
    List<BigDecimal> atRisk = cohorts.get(Cohort.AT_RISK).stream().map(id -> orders.byCustomer.get(id).spend()).toList();
    assertThat(atRisk).allSatisfy(s -> assertThat(s).isGreaterThan(othersMedian));
    assertThat(quantile(atRisk, 0.5)).isGreaterThan(othersP80);
  }

  @Test
  void atRiskCustomersComplainedMoreThanActiveOnes() throws IOException {
    DemoCsv interactions = DemoCsv.read(dir.resolve("interactions.csv"));
    Map<String, int[]> complaintsAndContacts = new HashMap<>();
    for (List<String> r : interactions.rows()) {
      int[] c = complaintsAndContacts.computeIfAbsent(r.get(0), k -> new int[2]);
      c[0] += r.get(2).equals("投诉") ? 1 : 0;
      c[1]++;
    }
    double atRisk = complaintShare(complaintsAndContacts, cohorts.get(Cohort.AT_RISK));
    List<String> active = new ArrayList<>();
    orders.byCustomer.forEach((id, t) -> {
      if (ChronoUnit.DAYS.between(t.last().toLocalDate(), AS_OF) < 90) {
        active.add(id);
      }
    });
    double activeShare = complaintShare(complaintsAndContacts, active);
    // Designed shares: at least 25 % of at-risk contacts are complaints against 4 % for active customers.
    assertThat(atRisk).isGreaterThan(0.2);
    assertThat(activeShare).isLessThan(0.1);
  }

  private static double complaintShare(Map<String, int[]> counts, List<String> ids) {
    long complaints = 0;
    long contacts = 0;
    for (String id : ids) {
      int[] c = counts.getOrDefault(id, new int[2]);
      complaints += c[0];
      contacts += c[1];
    }
    return (double) complaints / contacts;
  }

  static BigDecimal quantile(List<BigDecimal> values, double q) {
    List<BigDecimal> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
  }
}
