package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.demo.DemoDataGenerator;
import strata.demo.DemoFiles;
import strata.demo.DemoOptions;
import strata.intake.CsvText;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.rfm.ClassicSegment;
import strata.rfm.RfmSegment11;
import strata.tier.TierModel;
import strata.value.Component;
import strata.value.Quadrant;

/**
 * customers.csv against rows built the slow, obvious way from the same scores: JDK date and decimal formatting,
 * {@link CsvText} for every text cell. The demo data has profiles, engagement, categories, prospects and CLV values,
 * and enough customers for several rounds of parallel chunks.
 */
class CustomersCsvTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  @TempDir Path dir;

  @Test
  void rowsEqualAnIndependentFormattingOfTheScores() throws IOException {
    DemoFiles demo = DemoDataGenerator.write(dir, new DemoOptions(7, 40_000, AS_OF));
    // Prospects whose cells need quoting, doubled quotes and the formula guard.
    Files.writeString(demo.customers(), """
        X1,"Acme, Inc.",=SUM(A1),微型,"华东 ""东区""\",-owner,,,,2020-11-02
        X2,@home,+industry,小型,区,"line
        break",,,,2020-11-02
        """, StandardOpenOption.APPEND);
    RunInputs in = RunInputs.of(demo.transactions()).withAsOf(AS_OF)
        .withSideFiles(demo.customers(), demo.interactions(), demo.surveys());
    RunResult run = ScoringRun.run(in, java.util.concurrent.CompletableFuture.completedFuture(TierModel.defaultModel()),
        r -> { }, Progress.NONE, new Predictions(true, true, true));
    assertThat(run.customers().size - run.customers().purchasers).isPositive();
    assertThat(run.customers().churn.usesClassifier() || run.customers().churn.baseline() != null).isTrue();
    assertThat(run.customers().clusters.clusters()).hasSizeBetween(3, 8);
    // With profiles, engagement, categories and BG/NBD the classifier has every feature there is, each with a name.
    assertThat(run.customers().churn.features()).containsExactlyInAnyOrderElementsOf(FEATURES_ZH.keySet());
    for (String f : FEATURES_ZH.keySet()) {
      assertThat(strata.i18n.Labels.get("churn.feature." + f, Locale.ENGLISH)).isNotEqualTo("churn.feature." + f);
    }
    assertThat(assertRowsMatch(run)).contains("\nX1,\"Acme, Inc.\",\"'-owner\",\"'=SUM(A1)\",\"华东 \"\"东区\"\"\",微型,")
        .contains("\nX2,\"'@home\",\"line\nbreak\",\"'+industry\",区,小型,");
  }

  @Test
  void transactionsAloneLeaveProfileCellsEmptyAndNameTheMissingComponent() throws IOException {
    DemoFiles demo = DemoDataGenerator.write(dir, new DemoOptions(8, 5_000, AS_OF));
    RunResult run = ScoringRun.run(RunInputs.of(demo.transactions()).withAsOf(AS_OF), TierModel.defaultModel(),
        r -> { }, Progress.NONE);
    assertThat(run.customers().composite.absentInputs()).isNotEmpty();
    assertRowsMatch(run);
  }

  /** @return the file's text */
  private String assertRowsMatch(RunResult run) throws IOException {
    Path file = dir.resolve("out.csv");
    CustomersCsv.write(run, file, Locale.SIMPLIFIED_CHINESE);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    StringBuilder expected = new StringBuilder("\uFEFF" + CustomersCsv.HEADER + "\n");
    for (int i = 0; i < run.customers().size; i++) expected.append(expectedRow(run, i)).append('\n');
    // Row by row first, for a readable failure; a quoted line break splits one row in two, which is fine here.
    String[] rows = text.split("\n", -1);
    String[] expectedRows = expected.toString().split("\n", -1);
    for (int k = 0; k < Math.min(rows.length, expectedRows.length); k++) {
      assertThat(rows[k]).as("line %d", k + 1).isEqualTo(expectedRows[k]);
    }
    assertThat(text).isEqualTo(expected.toString());
    return text;
  }

  private static String expectedRow(RunResult run, int i) {
    ScoredCustomers s = run.customers();
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    List<String> cells = new ArrayList<>();
    CustomerProfile p = s.profiles == null ? null : s.profiles[i];
    cells.add(text(s.customerId(i)));
    for (String field : p == null ? new String[5] : new String[] {p.name(), p.owner(), p.industry(), p.region(), p.size()}) {
      cells.add(text(field));
    }
    cells.add(run.model().tiers().get(s.tier[i]).id());
    cells.add(text(run.model().tiers().get(s.tier[i]).name(true)));
    cells.add(text(run.engine().explain(i, s.tier[i], s, true)));
    cells.add(text(run.engine().reason(i, s.tier[i], s).json()));
    if (s.bought(i)) {
      var b = s.purchases;
      cells.add(LocalDate.ofEpochDay(b.firstDay[i]).toString());
      cells.add(LocalDate.ofEpochDay(b.lastDay[i]).toString());
      cells.add(Integer.toString(s.asOfDay - b.lastDay[i]));
      cells.add(Long.toString(b.orders[i]));
      cells.add(Integer.toString(b.distinctDays[i]));
      cells.add(BigDecimal.valueOf(b.netCents[i], 2).toPlainString());
      cells.add(b.orders[i] > 0 ? BigDecimal.valueOf(Math.round(b.netCents[i] / (double) b.orders[i]), 2).toPlainString() : "");
      cells.add(BigDecimal.valueOf(b.refundCents[i], 2).toPlainString());
      cells.add(Integer.toString(s.rfm.r()[i]));
      cells.add(Integer.toString(s.rfm.f()[i]));
      cells.add(Integer.toString(s.rfm.m()[i]));
      ClassicSegment segment = ClassicSegment.ofOrdinal(s.classicSegment[i]);
      cells.add(segment.code());
      cells.add(text(segment.label(zh)));
      cells.add(RfmSegment11.ofOrdinal(s.segment11[i]).code());
      cells.add(Character.toString((char) s.abc[i]));
    } else {
      // No purchase: no dates, recency, average or scores; counts and amounts are zero.
      cells.addAll(List.of("", "", "", "0", "0", "0.00", "", "0.00", "", "", "", "", "", "", ""));
    }
    cells.add(s.stage(i).code());
    cells.add(text(s.stage(i).label(zh)));
    cells.add(Quadrant.ofOrdinal(s.quadrant[i]).code());
    cells.add(decimals(s.composite.score()[i], 1));
    List<String> missing = new ArrayList<>();
    for (Component c : Component.values()) {
      cells.add(decimals(s.composite.component(c)[i], 1));
      if (s.composite.isMissing(i, c)) missing.add(c.code());
    }
    cells.add(String.join("|", missing));
    float clv = s.prediction(s.clv.clv(), i);
    cells.add(Float.isNaN(clv) ? "" : BigDecimal.valueOf(Math.round(clv * 100.0), 2).toPlainString());
    float alive = s.prediction(s.clv.pAlive(), i);
    cells.add(decimals(alive, 3));
    cells.add(decimals(1 - alive, 3));
    cells.add(decimals(s.prediction(s.clv.expected90(), i), 3));
    Engagement e = s.engagements == null ? null : s.engagements[i];
    cells.add(Long.toString(e == null ? 0 : e.interactions()));
    cells.add(Long.toString(e == null ? 0 : e.complaints()));
    cells.add(e != null && e.nps() >= 0 ? Integer.toString(e.nps()) : "");
    cells.add(e != null && e.csat() >= 0 ? Integer.toString(e.csat()) : "");
    var bought = s.bought(i) && s.products != null ? s.products.byCustomer()[i] : null;
    if (s.products != null) {
      // By spend: the first item of the tally by spend, if positive, and its share of the whole.
      var top = bought == null ? null : bought.categories().bySpend().get(0);
      boolean positive = top != null && top.cents() > 0;
      cells.add(positive ? text(top.name()) : "");
      cells.add(positive ? decimals(top.cents() / (double) bought.categories().totalCents(), 3) : "");
    } else {
      boolean categories = s.bought(i) && s.purchases.topCategory != null;
      cells.add(categories ? text(s.purchases.topCategory[i]) : "");
      cells.add(categories ? decimals(s.purchases.topCategoryShare[i], 3) : "");
    }
    var churn = s.bought(i) ? s.churn : null;
    cells.add(churn == null ? "" : decimals(churn.churnProb()[i], 3));
    List<String> reasons = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int k = 0; churn != null && k < 3 && churn.reasonFeature()[3 * i + k] >= 0; k++) {
      String code = churn.features().get(churn.reasonFeature()[3 * i + k]);
      codes.add(code);
      reasons.add(FEATURES_ZH.get(code));
    }
    cells.add(text(String.join("；", reasons)));
    cells.add(String.join("|", codes));
    int cluster = s.bought(i) && s.clusters != null ? s.clusters.cluster()[i] : 0;
    cells.add(cluster == 0 ? "" : Integer.toString(cluster));
    cells.add(cluster == 0 ? "" : text(s.clusters.clusters().get(cluster - 1).describe(Locale.SIMPLIFIED_CHINESE)));
    cells.add(bought == null ? "" : text(listed(bought.categories(), false)));
    cells.add(bought == null ? "" : text(listed(bought.products(), false)));
    cells.add(bought == null ? "" : text(listed(bought.categories(), true)));
    var next = bought == null ? null : s.products.next()[i];
    cells.add(next == null ? "" : text(next.item()));
    cells.add(next == null ? "" : text("买" + next.because() + "的客户也买" + next.item() + "：提升度 "
        + String.format(Locale.ROOT, "%.1f", next.lift()) + "，" + next.customers() + " 位客户"));
    return String.join(",", cells);
  }

  /** The churn features' Chinese names, as the labels bundle should give them. */
  private static final java.util.Map<String, String> FEATURES_ZH = java.util.Map.ofEntries(
      java.util.Map.entry("recency_days", "最近购买距今天数"), java.util.Map.entry("frequency", "购买天数"),
      java.util.Map.entry("orders", "订单数"), java.util.Map.entry("monetary", "消费金额"),
      java.util.Map.entry("avg_order_value", "平均订单金额"), java.util.Map.entry("refund_amount", "退款金额"),
      java.util.Map.entry("tenure_days", "首次购买距今天数"), java.util.Map.entry("purchase_days_90d", "近 90 天购买天数"),
      java.util.Map.entry("trend_90d", "近 90 天购买较以往的变化"), java.util.Map.entry("mean_gap_days", "平均购买间隔天数"),
      java.util.Map.entry("recency_over_gap", "距上次购买天数与平均间隔之比"),
      java.util.Map.entry("top_category_share", "主要品类消费占比"), java.util.Map.entry("interactions", "互动次数"),
      java.util.Map.entry("calls", "电话次数"), java.util.Map.entry("visits", "拜访次数"),
      java.util.Map.entry("complaints", "投诉次数"), java.util.Map.entry("inquiries", "咨询次数"),
      java.util.Map.entry("days_since_contact", "最近联系距今天数"), java.util.Map.entry("nps", "最近一次 NPS 评分"),
      java.util.Map.entry("csat", "最近一次满意度评分 (CSAT)"), java.util.Map.entry("size", "企业规模"),
      java.util.Map.entry("industry", "行业"), java.util.Map.entry("region", "地区"),
      java.util.Map.entry("p_alive", "仍活跃概率（BG/NBD）"),
      java.util.Map.entry("expected_purchases_90d", "未来 90 天预计购买天数（BG/NBD）"));

  /** Up to three items with a positive spend, largest first: name:share (3 decimals) or name:last date. */
  private static String listed(strata.product.ItemTally tally, boolean dates) {
    List<String> out = new ArrayList<>();
    for (var item : tally.bySpend()) {
      if (item.cents() <= 0 || out.size() == 3) continue;
      out.add(item.name() + ":" + (dates ? LocalDate.ofEpochDay(item.lastDay()).toString()
          : new BigDecimal(item.cents()).divide(new BigDecimal(tally.totalCents()), 3, java.math.RoundingMode.HALF_UP)
              .toPlainString()));
    }
    return String.join("|", out);
  }

  private static String text(String value) {
    StringBuilder sb = new StringBuilder();
    if (value != null) CsvText.appendText(sb, value);
    return sb.toString();
  }

  /** Rounded half-up after scaling, as the file defines it; empty for NaN. */
  private static String decimals(double v, int places) {
    return Double.isNaN(v) ? "" : BigDecimal.valueOf(Math.round(v * Math.pow(10, places)), places).toPlainString();
  }
}
