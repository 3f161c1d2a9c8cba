package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.intake.RejectReason;
import strata.intake.Rejection;
import strata.tier.TierModel;

/** Product preference and amount outliers through a whole file run. */
class ProductRunTest {
  @TempDir Path dir;
  private final List<Rejection> rejected = new ArrayList<>();

  static final String ORDERS = """
      customer_id,order_date,amount,product,category
      A,2024-01-05,600,A4纸,办公用品
      A,2024-02-01,200,订书机,办公用品
      A,2024-02-10,300,墨盒,耗材
      A,2024-02-20,-100,墨盒,耗材
      B,2024-01-10,50,A4纸,办公用品
      B,2024-03-01,900,墨盒,耗材
      C,2024-01-03,100,"笔,黑色",文具
      """;

  static final TierModel OFFICE = TierModel.parse("""
      scoring:
        products: {min_support: 1}
      tiers:
        - id: office
          when: top_category == '办公用品'
        - id: rest
          when: true
      """, "m.yaml");

  private RunResult run(String orders, TierModel model, RunInputs in, Predictions predictions) throws IOException {
    Files.writeString(dir.resolve("tx.csv"), orders);
    return ScoringRun.run(in, CompletableFuture.completedFuture(model), rejected::add, Progress.NONE, predictions);
  }

  private List<NamedCsvRecord> customersCsv(RunResult r) throws IOException {
    Path out = dir.resolve("customers.csv");
    CustomersCsv.write(r, out, Locale.ENGLISH);
    try (var reader = CsvReader.builder().detectBomHeader(true).ofNamedCsvRecord(out, StandardCharsets.UTF_8)) {
      return reader.stream().toList();
    }
  }

  @Test
  void aConditionOnTopCategoryTurnsProductPreferenceOnAndReadsSpendShares() throws IOException {
    RunResult r = run(ORDERS, OFFICE, RunInputs.of(dir.resolve("tx.csv")), Predictions.NONE);
    List<NamedCsvRecord> rows = customersCsv(r);
    NamedCsvRecord a = rows.get(0);
    NamedCsvRecord b = rows.get(1);
    NamedCsvRecord c = rows.get(2);
    // By hand: A spent 办公用品 800, 耗材 300 − 100 = 200 of 1,000 → 0.8; B 办公用品 50, 耗材 900 → 900 / 950.
    assertThat(a.getField("tier")).isEqualTo("office");
    assertThat(b.getField("tier")).isEqualTo("rest");
    assertThat(a.getField("top_category")).isEqualTo("办公用品");
    assertThat(a.getField("top_category_share")).isEqualTo("0.800");
    assertThat(b.getField("top_category")).isEqualTo("耗材");
    assertThat(b.getField("top_category_share")).isEqualTo("0.947");
    assertThat(a.getField("top_categories")).isEqualTo("办公用品:0.800|耗材:0.200");
    // Products: A4纸 600, 墨盒 200, 订书机 200 (ties by name: 墨 U+58A8 before 订 U+8BA2).
    assertThat(a.getField("top_products")).isEqualTo("A4纸:0.600|墨盒:0.200|订书机:0.200");
    assertThat(a.getField("category_last_purchase")).isEqualTo("办公用品:2024-02-01|耗材:2024-02-20");
    assertThat(c.getField("top_products")).isEqualTo("笔,黑色:1.000");
  }

  @Test
  void nextProductIsWhatCoBuyersBoughtWithItsReason() throws IOException {
    RunResult r = run(ORDERS, OFFICE, RunInputs.of(dir.resolve("tx.csv")), new Predictions(false, false, true));
    List<NamedCsvRecord> rows = customersCsv(r);
    // Baskets: A {A4纸, 墨盒, 订书机}, B {A4纸, 墨盒}, C {笔,黑色}; n = 3. B lacks 订书机, bought by 1 customer who
    // also bought A4纸 (2 buyers): lift 1 × 3 / (2 × 1) = 1.5; the same via 墨盒, and the tie goes to the name first.
    // A has every item its co-buyers have; C's item was bought by nobody else.
    assertThat(rows.get(1).getField("next_product")).isEqualTo("订书机");
    assertThat(rows.get(1).getField("next_product_reason"))
        .isEqualTo("customers who buy A4纸 also buy 订书机: lift 1.5, 1 customers");
    assertThat(rows.get(0).getField("next_product")).isEmpty();
    assertThat(rows.get(2).getField("next_product")).isEmpty();
  }

  @Test
  void theReportShowsEachTiersLeadingCategoriesInTheReportsLanguage() throws IOException {
    RunResult r = run(ORDERS, OFFICE, RunInputs.of(dir.resolve("tx.csv")), Predictions.NONE);
    var zh = ProductSection.of(r, Locale.SIMPLIFIED_CHINESE);
    assertThat(zh.heading()).isEqualTo("产品偏好");
    // By hand: office = A (办公用品 800, 耗材 200); rest = B (办公用品 50, 耗材 900) and C (文具 100), of 1,050:
    // 耗材 85.7 %, 文具 9.5 %, 办公用品 4.8 %.
    assertThat(zh.html()).contains("<td>1</td><td>办公用品 80.0 %, 耗材 20.0 %</td>")
        .contains("<td>2</td><td>耗材 85.7 %, 文具 9.5 %, 办公用品 4.8 %</td>");
    assertThat(ProductSection.of(r, Locale.ENGLISH).heading()).isEqualTo("Product preference");
    RunResult without = run(ORDERS, TierModel.defaultModel(), RunInputs.of(dir.resolve("tx.csv")), Predictions.NONE);
    assertThat(ProductSection.of(without, Locale.ENGLISH)).isNull();
  }

  @Test
  void withoutProductPreferenceTheNewColumnsStayEmpty() throws IOException {
    RunResult r = run(ORDERS, TierModel.defaultModel(), RunInputs.of(dir.resolve("tx.csv")), Predictions.NONE);
    NamedCsvRecord a = customersCsv(r).get(0);
    assertThat(a.getField("top_categories")).isEmpty();
    assertThat(a.getField("next_product")).isEmpty();
    // The rows-based top category is still written: 办公用品 2 rows of 4.
    assertThat(a.getField("top_category")).isEqualTo("办公用品");
    assertThat(a.getField("top_category_share")).isEqualTo("0.500");
  }

  @Test
  void theIssuesTypoMakesItsCustomerTheOnlyClassAUnlessOutliersAreExcluded() throws IOException {
    String orders = strata.intake.AmountOutliersTest.fileWithTypo();
    RunResult kept = run(orders, TierModel.defaultModel(), RunInputs.of(dir.resolve("tx.csv")), Predictions.NONE);
    ScoredCustomers k = kept.customers();
    int big = k.purchasers - 1; // BIG appears last
    assertThat(k.customerId(big)).isEqualTo("BIG");
    // Kept: BIG holds 99,999,999 + 1,200 of ~100.2M, over 80 %: the only class A.
    assertThat(new String(new byte[] {k.abc[big]})).isEqualTo("A");
    long classA = 0;
    for (int i = 0; i < k.purchasers; i++) if (k.abc[i] == 'A') classA++;
    assertThat(classA).isEqualTo(1);
    assertThat(kept.quality().get(0).amountOutliers().rows()).isEqualTo(1);
    assertThat(rejected).isEmpty();

    RunResult excluded = run(orders, TierModel.defaultModel(),
        RunInputs.of(dir.resolve("tx.csv")).withOutliersExcluded(true), Predictions.NONE);
    ScoredCustomers e = excluded.customers();
    assertThat(e.customerId(big)).isEqualTo("BIG");
    assertThat(e.purchases.netCents[big]).isEqualTo(120_000);
    assertThat(e.purchases.orders[big]).isEqualTo(1);
    assertThat(rejected).singleElement().satisfies(row -> {
      assertThat(row.reason()).isEqualTo(RejectReason.AMOUNT_OUTLIER);
      assertThat(row.line()).isEqualTo(63); // header, 60 customers, BIG's ordinary order, then the typo
    });
    var q = excluded.quality().get(0);
    assertThat(q.amountOutliers().excluded()).isTrue();
    assertThat(q.rejectedByReason()).containsEntry("amount_outlier", 1L);
    assertThat(q.warnings()).anySatisfy(w -> {
      assertThat(w.code()).isEqualTo("quality_outliers_left_out");
      assertThat(w.args().get(0)).isEqualTo("1");
    });
  }

  /**
   * The issue's typo, and a typo dated before every other row of a file shorter than two years: without it the file
   * starts later, so a read without it splits the CLV holdout check on a later day (not the run's, at which the
   * partitions without outliers are frozen).
   */
  static List<String> filesWithTypos() {
    StringBuilder early = new StringBuilder("customer_id,order_date,amount\n");
    for (int k = 0; k < 60; k++) {
      String amount = (500 + (k * 613) % 4500) + ".50";
      early.append("c").append(k).append(",2023-06-0").append(1 + k % 9).append(',').append(amount).append('\n');
      if (k % 3 == 0) early.append("c").append(k).append(",2024-03-0").append(1 + k % 9).append(",700\n");
    }
    early.append("BIG,2024-03-05,1200\nBIG,2023-01-02,\"¥99,999,999.00\"\n");
    return List.of(strata.intake.AmountOutliersTest.fileWithTypo(), early.toString(), manyTypos());
  }

  /**
   * 3,000 customers, 300 of them with a typo: in more partitions than a run folds twice, so the run reads the file
   * again for the other way.
   */
  static String manyTypos() {
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount\n");
    for (int k = 0; k < 3000; k++) {
      sb.append("m").append(k).append(",2024-03-0").append(1 + k % 9).append(',')
          .append(500 + (k * 613) % 4500).append(".50\n");
      if (k % 10 == 0) sb.append("m").append(k).append(",2024-02-0").append(1 + k % 7).append(",99999999\n");
    }
    sb.append("BIG,2024-03-05,1200\nBIG,2024-03-06,99999999\n");
    return sb.toString();
  }

  /** A model reading the metrics the other way computes only when read: composite, value quadrant, CLV. */
  static final TierModel VALUE = TierModel.parse("""
      tiers:
        - id: top
          when: composite_score >= 70.0
        - id: star
          when: value_quadrant == 'star'
        - id: alive
          when: p_alive >= 0.5
        - id: rest
          when: true
      """, "value.yaml");

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> typosAndModels() {
    return filesWithTypos().stream().flatMap(f -> java.util.stream.Stream.of(TierModel.defaultModel(), VALUE)
        .map(m -> org.junit.jupiter.params.provider.Arguments.of(f, m)));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("typosAndModels")
  void theTiersTheOutliersChangeAreListedTheSameWayFromBothSides(String orders, TierModel model) throws IOException {
    RunResult kept = run(orders, model, RunInputs.of(dir.resolve("tx.csv")), Predictions.NONE);
    RunResult excluded = run(orders, model, RunInputs.of(dir.resolve("tx.csv")).withOutliersExcluded(true),
        Predictions.NONE);
    // The independent answer: the two whole runs side by side, customer by customer.
    java.util.TreeMap<String, String[]> differ = new java.util.TreeMap<>();
    ScoredCustomers k = kept.customers();
    ScoredCustomers e = excluded.customers();
    for (int i = 0; i < k.size; i++) {
      String with = model.tiers().get(k.tier[i]).id();
      String without = model.tiers().get(e.tier[i]).id();
      assertThat(e.customerId(i)).isEqualTo(k.customerId(i));
      if (!with.equals(without)) differ.put(k.customerId(i), new String[] {with, without});
    }
    if (orders.equals(strata.intake.AmountOutliersTest.fileWithTypo()) && model != VALUE) {
      assertThat(differ).containsKey("BIG"); // the issue's case
    }
    assertThat(differ).isNotEmpty();
    for (RunResult r : List.of(kept, excluded)) {
      var o = r.quality().get(0).amountOutliers();
      assertThat(o.tierChanges()).isEqualTo(differ.size());
      assertThat(o.tierChangeExamples()).extracting(c -> c.customerId() + " " + c.tierWith() + " " + c.tierWithout())
          .containsExactlyElementsOf(differ.entrySet().stream().limit(20)
              .map(d -> d.getKey() + " " + d.getValue()[0] + " " + d.getValue()[1]).toList());
      assertThat(r.notes()).anyMatch(n -> n.code().equals("outlier_tier_changes")
          && n.args().get(0).equals(String.valueOf(differ.size())));
    }
  }

  @Test
  void withoutOutliersNothingIsComparedOrNoted() throws IOException {
    String orders = strata.intake.AmountOutliersTest.fileWithTypo().replace("\"¥99,999,999.00\"", "2400");
    RunResult r = run(orders, TierModel.defaultModel(), RunInputs.of(dir.resolve("tx.csv")), Predictions.NONE);
    assertThat(r.quality().get(0).amountOutliers().rows()).isZero();
    assertThat(r.quality().get(0).amountOutliers().tierChanges()).isEqualTo(-1);
    assertThat(r.notes()).noneMatch(n -> n.code().equals("outlier_tier_changes"));
  }
}
