package strata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the default demo files contain, read back with FastCSV. */
class DemoContentTest {
  private static final LocalDateTime AS_OF = DemoOptions.DEFAULT_AS_OF.atStartOfDay();
  private static final LocalDateTime WINDOW_START = AS_OF.minusYears(3);

  @TempDir static Path dir;
  static DemoCsv customers;
  static DemoCsv interactions;
  static DemoCsv surveys;
  static DemoOrders orders;

  @BeforeAll
  static void generate() throws IOException {
    DemoFiles files = DemoDataGenerator.write(dir, DemoOptions.defaults());
    customers = DemoCsv.read(files.customers());
    interactions = DemoCsv.read(files.interactions());
    surveys = DemoCsv.read(files.surveys());
    orders = new DemoOrders(DemoCsv.read(files.transactions()));
  }

  @Test
  void rowCountsAreInSensibleRanges() {
    assertThat(customers.rows()).hasSize(2_000);
    // ~88 % of customers buy, a few orders a year each, 1-5 lines per order: roughly 8 lines per
    // customer. Bounds are a factor of two either side.
    assertThat(orders.lines).hasSizeBetween(8_000, 35_000);
    assertThat(orders.rejected).isEqualTo(DemoDataGenerator.REJECTED_ORDER_ROWS);
    assertThat(interactions.rows()).hasSizeBetween(2_000, 12_000);
    // A third of ~1,750 buyers answer once or twice.
    assertThat(surveys.rows()).hasSizeBetween(300, 1_200);
  }

  @Test
  void customerIdsAreSequentialAndInCreationOrder() {
    assertThat(customers.values("客户编号"))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 2_000).mapToObj(i -> String.format("C%06d", i)).toList());
    List<String> created = customers.values("创建日期");
    assertThat(created).isSorted().allSatisfy(d -> assertThat(LocalDate.parse(d)).isBefore(AS_OF.toLocalDate()));
  }

  @Test
  void customerFieldsUseTheDocumentedVocabulary() {
    assertThat(customers.values("规模")).containsOnly("大型", "中型", "小型", "微型");
    assertThat(customers.values("地区")).containsOnly("华东", "华南", "华北", "华中", "西南", "西北", "东北");
    assertThat(new HashSet<>(customers.values("负责人"))).hasSize(8);
    assertThat(customers.values("行业")).contains("制造业", "零售", "餐饮", "软件和信息技术", "物流", "医疗健康",
        "教育", "建筑", "个人");
    assertThat(customers.values("电话")).allMatch(p -> p.isEmpty() || p.matches("1[3-9]\\d{9}"));
    assertThat(customers.values("邮箱")).allMatch(m -> m.isEmpty() || m.matches("[a-z0-9.-]+@[a-z0-9-]+(\\.[a-z]+)+"));
  }

  @Test
  void companiesHaveRegisteredNamesAndNoBirthday() {
    for (List<String> r : customers.rows()) {
      boolean person = r.get(customers.column("行业")).equals("个人");
      String name = r.get(customers.column("客户名称"));
      String birthday = r.get(customers.column("生日"));
      if (person) {
        assertThat(name).hasSizeBetween(2, 3);
        assertThat(birthday.isEmpty() || LocalDate.parse(birthday).isBefore(AS_OF.toLocalDate().minusYears(18))).isTrue();
      } else {
        assertThat(name).endsWith("有限公司");
        assertThat(birthday).isEmpty();
      }
    }
  }

  @Test
  void everyOrderReferencesAKnownCustomerCreatedBeforeIt() {
    Map<String, LocalDate> created = new HashMap<>();
    customers.rows().forEach(r -> created.put(r.get(0), LocalDate.parse(r.get(9))));
    assertThat(orders.lines).allSatisfy(l -> {
      assertThat(created).containsKey(l.customerId());
      assertThat(l.time().toLocalDate()).isAfterOrEqualTo(created.get(l.customerId()));
    });
    assertThat(interactions.values("客户编号")).allMatch(created::containsKey);
    assertThat(surveys.values("客户编号")).allMatch(created::containsKey);
  }

  @Test
  void ordersSpanTheThreeYearsBeforeAsOfAndNoneLater() {
    assertThat(orders.lines).allSatisfy(l -> assertThat(l.time()).isAfterOrEqualTo(WINDOW_START).isBefore(AS_OF));
    assertThat(orders.lines.get(0).time()).isBefore(WINDOW_START.plusDays(7));
    assertThat(orders.lines.get(orders.lines.size() - 1).time()).isAfter(AS_OF.minusDays(7));
    assertThat(interactions.values("时间")).allMatch(t -> LocalDateTime.parse(t.replace(' ', 'T')).isBefore(AS_OF));
    assertThat(surveys.values("日期")).allMatch(d -> LocalDate.parse(d).isBefore(AS_OF.toLocalDate()));
  }

  @Test
  void ordersHaveSeveralLinesUnderOneNumberAndRefundsAreNegative() {
    Map<String, Integer> linesPerOrder = new HashMap<>();
    orders.lines.forEach(l -> linesPerOrder.merge(l.number(), 1, Integer::sum));
    assertThat(linesPerOrder.values()).contains(1, 2, 3);
    List<DemoOrders.Line> refunds = orders.lines.stream().filter(l -> l.amount().signum() < 0).toList();
    assertThat(refunds.size()).isBetween(orders.lines.size() / 500, orders.lines.size() / 30);
    Map<String, DemoOrders.Line> sold = new HashMap<>();
    orders.lines.forEach(l -> sold.putIfAbsent(l.number() + l.product(), l));
    assertThat(refunds).allSatisfy(r -> {
      assertThat(r.number()).startsWith("TH");
      assertThat(r.quantity()).isNegative();
      DemoOrders.Line original = sold.get("SO" + r.number().substring(2) + r.product());
      assertThat(original).as("refund %s returns a line sold earlier", r.number()).isNotNull();
      assertThat(original.customerId()).isEqualTo(r.customerId());
      assertThat(original.time()).isBefore(r.time());
      assertThat(-r.quantity()).isLessThanOrEqualTo(original.quantity());
    });
    assertThat(orders.lines).filteredOn(l -> l.amount().signum() >= 0).allMatch(l -> l.quantity() > 0);
  }

  @Test
  void channelsAreTheDocumentedOnes() {
    assertThat(orders.lines.stream().map(DemoOrders.Line::channel))
        .containsOnly("线上商城", "电话订购", "销售拜访", "展会", "经销商");
  }

  @Test
  void largerCompaniesSpendMore() {
    Map<String, List<BigDecimal>> spendBySize = new HashMap<>();
    for (List<String> r : customers.rows()) {
      DemoOrders.Totals t = orders.byCustomer.get(r.get(0));
      if (t != null && !r.get(2).equals("个人")) {
        spendBySize.computeIfAbsent(r.get(3), s -> new ArrayList<>()).add(t.spend());
      }
    }
    BigDecimal large = DemoCohortsTest.quantile(spendBySize.get("大型"), 0.5);
    BigDecimal medium = DemoCohortsTest.quantile(spendBySize.get("中型"), 0.5);
    BigDecimal small = DemoCohortsTest.quantile(spendBySize.get("小型"), 0.5);
    BigDecimal micro = DemoCohortsTest.quantile(spendBySize.get("微型"), 0.5);
    assertThat(large).isGreaterThan(medium);
    assertThat(medium).isGreaterThan(small);
    assertThat(small).isGreaterThan(micro);
  }

  @Test
  void ordersPeakBeforeSpringFestivalAndInTheFourthQuarter() {
    // Days before 春节 2024-02-10, 2025-01-29, 2026-02-17 (published calendar) against April-September.
    Set<LocalDate> beforeFestival = new HashSet<>();
    for (String festival : List.of("2024-02-10", "2025-01-29", "2026-02-17")) {
      LocalDate f = LocalDate.parse(festival);
      for (int d = 1; d <= 21; d++) {
        beforeFestival.add(f.minusDays(d));
      }
    }
    Map<String, Set<LocalDate>> days = new HashMap<>();
    Map<String, Set<String>> ordersIn = new HashMap<>();
    // The seven weeks of the demo's win-back (DemoExperiment) are not the seasonal process: left out of both counts.
    LocalDate winBack = DemoExperiment.start(AS_OF.toLocalDate());
    java.util.function.Predicate<LocalDate> seasonal = d -> d.isBefore(winBack) || !d.isBefore(winBack.plusDays(50));
    for (DemoOrders.Line l : orders.lines) {
      LocalDate d = l.time().toLocalDate();
      if (!seasonal.test(d)) continue;
      Month m = d.getMonth();
      String period = beforeFestival.contains(d) ? "festival"
          : m.getValue() >= 10 ? "q4" : m.getValue() >= 4 && m.getValue() <= 9 ? "mid" : "other";
      ordersIn.computeIfAbsent(period, p -> new HashSet<>()).add(l.number());
    }
    LocalDate first = WINDOW_START.toLocalDate();
    for (LocalDate d = first; d.isBefore(AS_OF.toLocalDate()); d = d.plusDays(1)) {
      if (!seasonal.test(d)) continue;
      int m = d.getMonthValue();
      String period = beforeFestival.contains(d) ? "festival" : m >= 10 ? "q4" : m >= 4 && m <= 9 ? "mid" : "other";
      days.computeIfAbsent(period, p -> new HashSet<>()).add(d);
    }
    double mid = perDay(ordersIn, days, "mid");
    // Designed intensities: x1.8 before 春节, x1.35 in Q4; thresholds leave room for noise and trend.
    assertThat(perDay(ordersIn, days, "festival") / mid).isGreaterThan(1.4);
    assertThat(perDay(ordersIn, days, "q4") / mid).isGreaterThan(1.15);
  }

  private static double perDay(Map<String, Set<String>> orders, Map<String, Set<LocalDate>> days, String period) {
    return (double) orders.get(period).size() / days.get(period).size();
  }

  @Test
  void interactionsUseTheDocumentedVocabulary() {
    assertThat(interactions.values("类型")).containsOnly("电话", "拜访", "投诉", "咨询");
    assertThat(interactions.values("结果")).containsOnly("已解决", "跟进中", "成交", "无意向");
    assertThat(interactions.values("渠道")).doesNotContain("");
  }

  @Test
  void surveyScoresAreInRangeAndNeverBothBlank() {
    for (List<String> r : surveys.rows()) {
      String nps = r.get(2);
      String csat = r.get(3);
      assertThat(nps.isEmpty() && csat.isEmpty()).as("row %s", r).isFalse();
      if (!nps.isEmpty()) {
        assertThat(Integer.parseInt(nps)).isBetween(0, 10);
      }
      if (!csat.isEmpty()) {
        assertThat(Integer.parseInt(csat)).isBetween(1, 5);
      }
    }
    assertThat(surveys.values("NPS")).contains("");
    assertThat(surveys.values("CSAT")).contains("");
  }

  @Test
  void customersWhoComplainedGiveLowerScores() {
    Set<String> complained = new HashSet<>();
    interactions.rows().stream().filter(r -> r.get(2).equals("投诉")).forEach(r -> complained.add(r.get(0)));
    double[] sum = new double[2];
    int[] count = new int[2];
    for (List<String> r : surveys.rows()) {
      if (!r.get(2).isEmpty()) {
        int group = complained.contains(r.get(0)) ? 1 : 0;
        sum[group] += Integer.parseInt(r.get(2));
        count[group]++;
      }
    }
    // Designed: each complaint lowers the expected NPS by 1.6 points.
    assertThat(sum[0] / count[0] - sum[1] / count[1]).isGreaterThan(1.0);
  }
}
