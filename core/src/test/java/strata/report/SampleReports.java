package strata.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.i18n.Note;
import strata.intake.FileQuality;

/** Hand-made report inputs shared by the tests: a plausible shop, an empty run. */
final class SampleReports {
  static final LocalDate AS_OF = LocalDate.of(2024, 5, 1);
  static final Instant GENERATED = Instant.parse("2024-05-02T01:30:00Z");

  private SampleReports() {}

  /** A mid-sized shop; numbers are invented but internally consistent (sums match). */
  static ReportData shop(Locale locale) {
    boolean zh = "zh".equals(locale.getLanguage());
    List<TierRow> tiers = List.of(
        new TierRow("diamond", zh ? "钻石会员" : "Diamond", zh ? "近一年消费满 ¥5,000 且购买 6 次以上"
            : "Spent ¥5,000+ and bought 6+ times in the last year", 120, money("1250000.00")),
        new TierRow("gold", zh ? "金卡会员" : "Gold", zh ? "近一年消费满 ¥1,500" : "Spent ¥1,500+ last year",
            860, money("1820000.00")),
        new TierRow("silver", zh ? "银卡会员" : "Silver", zh ? "近一年购买 2 次以上" : "Bought twice or more",
            3400, money("1410000.00")),
        new TierRow("regular", zh ? "普通会员" : "Regular", zh ? "其他有购买的客户" : "Other buyers",
            12600, money("980000.00")),
        new TierRow("prospect", zh ? "潜在客户" : "Prospect", zh ? "尚未购买" : "No purchase yet",
            2020, money("0")));
    long[][] counts = {
        {1900, 820, 310, 90, 12},
        {1500, 760, 420, 160, 40},
        {1300, 820, 560, 300, 110},
        {1100, 900, 720, 520, 300},
        {700, 650, 760, 820, 1108}};
    double[][] means = new double[5][5];
    for (int r = 0; r < 5; r++) {
      for (int f = 0; f < 5; f++) {
        means[r][f] = 60 + 45 * f * f + 12 * r;
      }
    }
    List<CountRow> lifecycle = List.of(
        new CountRow("potential", zh ? "潜在" : "Potential", 2020, money("0")),
        new CountRow("new", zh ? "新客" : "New", 1850, money("310000.00")),
        new CountRow("active", zh ? "活跃" : "Active", 6400, money("3900000.00")),
        new CountRow("dormant", zh ? "沉睡" : "Dormant", 4300, money("780000.00")),
        new CountRow("churned", zh ? "流失" : "Churned", 4430, money("470000.00")));
    List<CountRow> segments = List.of(
        new CountRow("champions", zh ? "重要价值客户" : "Champions", 1988, money("2310000.00")),
        new CountRow("loyal", zh ? "忠诚客户" : "Loyal", 2640, money("1480000.00")),
        new CountRow("potential_loyalist", zh ? "潜力客户" : "Potential loyalists", 3120,
            money("690000.00")),
        new CountRow("need_attention", zh ? "需要关注" : "Need attention", 3900, money("520000.00")),
        new CountRow("at_risk", zh ? "流失风险" : "At risk", 2832, money("330000.00")),
        new CountRow("lost", zh ? "已流失" : "Lost", 2500, money("130000.00")));
    List<CountRow> abc = List.of(
        new CountRow("A", zh ? "A 类" : "Class A", 3396, money("4364000.00")),
        new CountRow("B", zh ? "B 类" : "Class B", 5094, money("818000.00")),
        new CountRow("C", zh ? "C 类" : "Class C", 8490, money("278000.00")));
    return new ReportData(zh ? "示例商贸有限公司" : "Sample Trading Co.", locale, AS_OF, GENERATED,
        zh ? "会员等级 2024 版" : "Membership tiers 2024", 19000, 16980, money("5460000.00"),
        new BigDecimal("0.4120"), money("1250000.00"), tiers, counts, means, lifecycle, segments,
        abc, List.of(transactionsQuality(), customersQuality()), List.of());
  }

  /** Zero customers, no tiers with customers, an all-NaN heat map, no quality entries. */
  static ReportData empty(Locale locale) {
    double[][] means = new double[5][5];
    for (double[] row : means) {
      Arrays.fill(row, Double.NaN);
    }
    List<TierRow> tiers = List.of(new TierRow("gold", "Gold", "", 0, money("0")),
        new TierRow("regular", "Regular", "", 0, money("0")));
    List<CountRow> lifecycle = List.of(new CountRow("potential", "Potential", 0, money("0")),
        new CountRow("new", "New", 0, money("0")), new CountRow("active", "Active", 0, money("0")),
        new CountRow("dormant", "Dormant", 0, money("0")),
        new CountRow("churned", "Churned", 0, money("0")));
    return new ReportData("Empty shop", locale, AS_OF, GENERATED, "Model", 0, 0, money("0"),
        null, null, tiers, new long[5][5], means, lifecycle, List.of(), List.of(), List.of(),
        List.of());
  }

  static FileQuality transactionsQuality() {
    Map<String, Long> reasons = new LinkedHashMap<>();
    reasons.put("bad_date", 37L);
    reasons.put("bad_amount", 12L);
    reasons.put("missing_customer_id", 3L);
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("customer_id", "会员号");
    columns.put("date", "下单日期");
    columns.put("amount", "实付金额");
    return new FileQuality("orders_2023-2024.csv", "transactions", "GB18030", ",", columns,
        184_052, 184_000, 52, reasons, 310, 41, List.of(1042L, 1043L, 88_100L), 6,
        List.of(Note.of("quality_repeated_transactions", 41)));
  }

  static FileQuality customersQuality() {
    return new FileQuality("customers.csv", "customers", "UTF-8", "\t",
        Map.of("customer_id", "id"), 19_001, 19_000, 1, Map.of("duplicate_customer", 1L), 0, 0,
        List.of(), 0, List.of());
  }

  static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
