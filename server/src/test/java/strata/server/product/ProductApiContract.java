package strata.server.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static strata.server.testing.TierHistory.runToEnd;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Product preference in server runs: computed from the stored purchases' categories and products, a rule variable,
 * served per customer, exported. Each test has its own customers and as-of day, so the tests need no order: a run
 * reads only purchases up to its as-of day (the hand-worked run, as of 2026-03-31, sees no other test's categorised
 * purchases), and customers without categorised purchases take no part in co-purchases.
 */
abstract class ProductApiContract extends ServerTest {
  /** next_product and top_category as tier rules; pairs bought by two customers are evidence enough here. */
  static final String MODEL = """
      scoring:
        products: {min_support: 2}
      tiers:
        - id: ink
          name: {zh: 推墨盒, en: Ink}
          when: next_product == '墨盒'
        - id: office
          name: {zh: 办公, en: Office}
          when: top_category == '办公用品'
        - id: rest
          name: {zh: 其他, en: Rest}
          when: true
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void sharesLastPurchasesAndTheNextProductFromCoPurchasesWorkedByHand() {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(201);
    new TestData(db, summaries).customer("A-1", "甲一", "王芳").customer("A-2", "甲二", "王芳")
        .customer("B-1", "乙一", "李娜").customer("B-2", "乙二", "李娜").customer("C-1", "丙一", "李娜")
        .customer("D-1", "丁一", "李娜")
        .purchase("A-1", "2026-01-05", 600, "办公用品", "纸").purchase("A-1", "2026-02-01", 200, "办公用品", "订书机")
        .purchase("A-1", "2026-02-10", 300, "耗材", "墨盒").purchase("A-1", "2026-02-20", -100, "耗材", "墨盒")
        .purchase("A-2", "2026-01-10", 100, "办公用品", "纸").purchase("A-2", "2026-01-11", 50, "办公用品", "订书机")
        .purchase("B-1", "2026-01-12", 50, "办公用品", "纸").purchase("B-1", "2026-03-01", 900, "耗材", "墨盒")
        .purchase("B-2", "2026-01-15", 80, "办公用品", "纸").purchase("B-2", "2026-01-16", 120, "耗材", "墨盒")
        .purchase("C-1", "2026-02-03", 30, "文具", "笔").purchase("D-1", "2026-02-04", 70, "", "")
        .commit();
    long run = runToEnd(admin, "2026-03-31");

    // A-1 spent 办公用品 600 + 200 = 800 and 耗材 300 − 100 = 200 of 1,000: shares 0.8 and 0.2; the refund on 02-20 is
    // 耗材's last row. Products 纸 600, 墨盒 200, 订书机 200 (equal spend by name: 墨 U+58A8 before 订 U+8BA2).
    JsonNode a1 = products(admin, "A-1", run);
    assertThat(a1.get("topCategory").asString()).isEqualTo("办公用品");
    assertThat(a1.get("topShare").asDouble()).isCloseTo(0.8, within(1e-6));
    assertThat(items(a1.get("categories"))).containsExactly("办公用品 80000 0.8 2026-02-01", "耗材 20000 0.2 2026-02-20");
    assertThat(items(a1.get("products"))).containsExactly("纸 60000 0.6 2026-01-05", "墨盒 20000 0.2 2026-02-20",
        "订书机 20000 0.2 2026-02-01");
    assertThat(a1.get("next").isNull()).isTrue(); // A-1 has bought every product that co-occurs often enough
    // Baskets (products bought with a positive net spend), n = 5 customers with categorised purchases:
    // A-1 {纸, 订书机, 墨盒}, A-2 {纸, 订书机}, B-1 {纸, 墨盒}, B-2 {纸, 墨盒}, C-1 {笔}. Buyers: 纸 4, 墨盒 3, 订书机 2.
    // Both 纸 and 墨盒: A-1, B-1, B-2 = 3, lift 3 × 5 / (4 × 3) = 1.25; both 纸 and 订书机: A-1, A-2 = 2, lift
    // 2 × 5 / (4 × 2) = 1.25; 墨盒 with 订书机 only A-1, below the minimum support of 2.
    JsonNode a2 = products(admin, "A-2", run);
    assertThat(a2.get("topShare").asDouble()).isEqualTo(1.0);
    assertThat(a2.at("/next/item").asString()).isEqualTo("墨盒");
    assertThat(a2.at("/next/because").asString()).isEqualTo("纸");
    assertThat(a2.at("/next/lift").asDouble()).isCloseTo(1.25, within(1e-6));
    assertThat(a2.at("/next/customers").asLong()).isEqualTo(3);
    JsonNode b1 = products(admin, "B-1", run); // 耗材 900 of 950
    assertThat(b1.get("topCategory").asString()).isEqualTo("耗材");
    assertThat(b1.get("topShare").asDouble()).isCloseTo(900.0 / 950, within(1e-6));
    assertThat(b1.at("/next/item").asString()).isEqualTo("订书机");
    assertThat(b1.at("/next/customers").asLong()).isEqualTo(2);
    assertThat(products(admin, "C-1", run).get("next").isNull()).isTrue(); // 笔 co-occurs with nothing
    JsonNode d1 = products(admin, "D-1", run); // bought, but named neither category nor product
    assertThat(d1.get("topCategory").isNull()).isTrue();
    assertThat(d1.get("categories")).isEmpty();
    assertThat(d1.get("next").isNull()).isTrue();

    // The rule variables as the CLI has them: A-2 is suggested 墨盒, A-1's top category is 办公用品, B-2's 耗材 (0.6).
    assertThat(tier(admin, "A-2")).isEqualTo("ink");
    assertThat(tier(admin, "A-1")).isEqualTo("office");
    assertThat(tier(admin, "B-2")).isEqualTo("rest");
    assertThat(admin.get("/api/v1/customers/A-2").json().at("/metrics/next_product").asString()).isEqualTo("墨盒");

    List<NamedCsvRecord> export = csv(admin.get("/api/v1/customers/export?format=csv&snapshot=" + run).body());
    assertThat(row(export, "customer_id", "A-2").getField("next_product")).isEqualTo("墨盒");
    assertThat(row(export, "customer_id", "A-1").getField("top_category")).isEqualTo("办公用品");
    assertThat(row(export, "customer_id", "D-1").getField("top_category")).isEmpty();
    String zh = admin.get("/api/v1/customers/export?format=csv&lang=zh&snapshot=" + run).body();
    assertThat(row(csv(zh), "客户编号", "A-2").getField("推荐产品")).isEqualTo("墨盒");
    assertThat(row(csv(zh), "客户编号", "B-1").getField("主要品类")).isEqualTo("耗材");

    List<NamedCsvRecord> calls = csv(admin.post("/api/v1/customers/bulk/call-list",
        Map.of("ids", List.of("A-2", "B-1"), "lang", "en")).body());
    assertThat(row(calls, "Customer ID", "A-2").getField("Next-best product")).isEqualTo("墨盒");
    assertThat(row(calls, "Customer ID", "A-2").getField("Why this product"))
        .isEqualTo("customers who buy 纸 also buy 墨盒: 1.3 times as often as customers overall");
    assertThat(row(calls, "Customer ID", "B-1").getField("Top category")).isEqualTo("耗材");
  }

  @Test
  void aSalesUserReadsTheProductsOfTheirOwnCustomersOnly() {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(201);
    new TestData(db, summaries).customer("S-1", "己一", "王芳").customer("S-2", "己二", "李娜")
        .purchase("S-1", "2026-04-01", 100, "茶叶", "龙井").purchase("S-2", "2026-04-02", 200, "茶具", "茶杯")
        .commit();
    long run = runToEnd(admin, "2026-04-30");
    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    Api rep = anonymous().as("wangfang", "wangfang-password-1");
    assertThat(rep.get("/api/v1/customers/S-1/products?snapshot=" + run).json().get("topCategory").asString())
        .isEqualTo("茶叶");
    // Another rep's customer answers as a customer that does not exist; so does an unknown id.
    assertThat(rep.get("/api/v1/customers/S-2/products?snapshot=" + run).status()).isEqualTo(404);
    assertThat(rep.get("/api/v1/customers/S-2/products").body()).doesNotContain("茶具");
    assertThat(rep.get("/api/v1/customers/NOBODY/products").status()).isEqualTo(404);
    assertThat(anonymous().get("/api/v1/customers/S-1/products").status()).isEqualTo(401);
    assertThat(rep.post("/api/v1/customers/bulk/call-list", Map.of("ids", List.of("S-1"), "lang", "zh")).body())
        .contains("S-1", "茶叶");
    Api.Response others = rep.post("/api/v1/customers/bulk/call-list", Map.of("ids", List.of("S-1", "S-2")));
    assertThat(others.status()).isEqualTo(403);
    assertThat(others.body()).doesNotContain("茶具");
  }

  @Test
  void aRunWithoutCategoriesOrProductsLeavesTheFieldsEmptyAndSucceeds() {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(201);
    // As of 2025-03-31 none of the stored purchases names a category or product (the other tests' are later).
    new TestData(db, summaries).customer("N-1", "庚一", "王芳").purchase("N-1", "2025-03-01", 500).commit();
    long run = runToEnd(admin, "2025-03-31");
    JsonNode n1 = products(admin, "N-1", run);
    assertThat(n1.get("topCategory").isNull()).isTrue();
    assertThat(n1.get("categories")).isEmpty();
    assertThat(n1.get("products")).isEmpty();
    assertThat(n1.get("next").isNull()).isTrue();
    assertThat(tier(admin, "N-1", run)).isEqualTo("rest");
    assertThat(admin.get("/api/v1/runs/" + run).json().get("notes").toString()).contains("products_no_columns");
    List<NamedCsvRecord> export = csv(admin.get("/api/v1/customers/export?format=csv&snapshot=" + run).body());
    assertThat(row(export, "customer_id", "N-1").getField("next_product")).isEmpty();
  }

  @Test
  void hostileNamesRoundTripAndCannotStartAFormulaInExports() throws java.io.IOException {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(201);
    String formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
    String longCategory = "类".repeat(200); // the widest the purchase table holds
    String longProduct = "品".repeat(500);
    String control = "文具\u0001\t\n";
    // H-2 and H-3 both bought +SUM(A1) and @evil, so H-1 (+SUM(A1) only) is suggested @evil; H-4 makes the lift above 1.
    new TestData(db, summaries).customer("H-1", "辛一", "王芳").customer("H-2", "辛二", "王芳")
        .customer("H-3", "辛三", "王芳").customer("H-4", "辛四", "王芳")
        .purchase("H-1", "2026-05-01", 500, formula, "+SUM(A1)").purchase("H-1", "2026-05-02", 100, longCategory,
            longProduct).purchase("H-1", "2026-05-03", 50, control, "笔\u0007")
        .purchase("H-2", "2026-05-04", 10, "其他", "+SUM(A1)").purchase("H-2", "2026-05-05", 10, "其他", "@evil")
        .purchase("H-3", "2026-05-04", 10, "其他", "+SUM(A1)").purchase("H-3", "2026-05-05", 10, "其他", "@evil")
        .purchase("H-4", "2026-05-06", 10, "其他", "纸").customer("H-5", "辛五", "王芳")
        .purchase("H-5", "2026-05-07", 10, control, "笔\u0007").commit();
    long run = runToEnd(admin, "2026-06-30");
    JsonNode h1 = products(admin, "H-1", run);
    assertThat(h1.get("topCategory").asString()).isEqualTo(formula);
    assertThat(h1.at("/categories/1/name").asString()).isEqualTo(longCategory);
    assertThat(h1.at("/categories/2/name").asString()).isEqualTo(control);
    assertThat(h1.at("/products/1/name").asString()).isEqualTo(longProduct);
    assertThat(h1.at("/products/2/name").asString()).isEqualTo("笔\u0007");
    assertThat(h1.at("/next/item").asString()).isEqualTo("@evil");
    assertThat(h1.at("/next/because").asString()).isEqualTo("+SUM(A1)");

    List<NamedCsvRecord> export = csv(admin.get("/api/v1/customers/export?format=csv&snapshot=" + run).body());
    assertThat(row(export, "customer_id", "H-1").getField("top_category")).isEqualTo("'" + formula);
    assertThat(row(export, "customer_id", "H-1").getField("next_product")).isEqualTo("'@evil");
    // Excel: text cells stay text (a formula is never evaluated) and the control characters keep the file readable.
    byte[] xlsx = admin.bytes("/api/v1/customers/export?format=xlsx&q=H-&snapshot=" + run);
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var sheet = book.getSheetAt(0);
      int column = 0;
      while (!sheet.getRow(0).getCell(column).getStringCellValue().equals("top_category")) column++;
      Map<String, String> top = new java.util.HashMap<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        var cell = sheet.getRow(r).getCell(column);
        assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        top.put(sheet.getRow(r).getCell(0).getStringCellValue(), cell.getStringCellValue());
      }
      // XML 1.0 cannot hold U+0001: POI writes it as '?'; tab and line feed are kept.
      assertThat(top).containsEntry("H-1", formula).containsEntry("H-5", "文具?\t\n");
    }
    List<NamedCsvRecord> calls = csv(admin.post("/api/v1/customers/bulk/call-list",
        Map.of("ids", List.of("H-1"), "lang", "en")).body());
    assertThat(calls.get(0).getField("Top category")).isEqualTo("'" + formula);
    assertThat(calls.get(0).getField("Next-best product")).isEqualTo("'@evil");
  }

  private static JsonNode products(Api api, String id, long run) {
    Api.Response r = api.get("/api/v1/customers/" + id + "/products?snapshot=" + run);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("snapshot").asLong()).isEqualTo(run);
    return r.json();
  }

  /** Each item as "name cents share last". */
  private static List<String> items(JsonNode list) {
    return list.valueStream().map(i -> i.get("name").asString() + " " + i.get("cents").asLong() + " "
        + Math.round(i.get("share").asDouble() * 1000) / 1000.0 + " " + i.get("last").asString()).toList();
  }

  private static String tier(Api api, String id) {
    return api.get("/api/v1/customers/" + id).json().get("tier").asString();
  }

  private static String tier(Api api, String id, long run) {
    return api.get("/api/v1/customers/" + id + "/tier?snapshot=" + run).json().get("tier").asString();
  }

  private static List<NamedCsvRecord> csv(String body) {
    assertThat(body).startsWith("\uFEFF"); // for Excel
    return CsvReader.builder().ofNamedCsvRecord(body.substring(1)).stream().toList();
  }

  private static NamedCsvRecord row(List<NamedCsvRecord> rows, String column, String value) {
    return rows.stream().filter(r -> r.getField(column).equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no row with " + column + " " + value));
  }
}
