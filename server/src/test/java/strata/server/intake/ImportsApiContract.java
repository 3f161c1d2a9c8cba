package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.summary.CustomerSummary;
import tools.jackson.databind.JsonNode;

/**
 * File imports: encodings, Excel, rejected rows, idempotent re-uploads, summaries, hostile input and roles. Expected
 * values are worked out by hand from the files written here. Run on H2 and on PostgreSQL.
 */
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=100KB",
    "spring.servlet.multipart.max-request-size=120KB"})
abstract class ImportsApiContract extends ServerTest {
  @Autowired SummaryStore summaries;
  @Autowired JdbcClient db;
  @Value("${strata.data}") String dataDir;

  static final String ORDERS = "客户编号,下单日期,金额,订单编号,品类\n"
      + "U1,2024-01-05,100.00,O1,茶叶\n"           // line 2
      + "U1,2024-02-10,\"￥1,280.00\",O2,茶具\n"     // 3: full-width yuan sign, in GBK too
      + "U2,2024/3/5,-20,O3,茶叶\n"                // 4: a refund
      + "U2,2024-02-30,5,O4,茶叶\n"                // 5: bad_date
      + ",2024-01-01,5,O5,茶叶\n"                  // 6: missing_customer_id
      + "U3,2024-01-01,abc,O6,茶叶\n";             // 7: bad_amount

  private static String prefixed(String csv, String prefix) {
    return csv.replace("\nU", "\n" + prefix + "U");
  }

  @Test
  void chineseHeadersInUtf8AreImportedWithTheCliReasonsAndAReuploadInGbkChangesNothing() {
    Api admin = admin();
    String csv = prefixed(ORDERS, "A");
    JsonNode job = Uploads.importFile(admin, "订单.csv", csv.getBytes(StandardCharsets.UTF_8), "transactions");
    assertThat(job.get("status").asString()).isEqualTo("succeeded");
    assertThat(job.get("fileName").asString()).isEqualTo("订单.csv");
    assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
    JsonNode q = job.get("quality");
    assertThat(q.get("rows").asLong()).isEqualTo(6);
    assertThat(q.get("accepted").asLong()).isEqualTo(3);
    assertThat(q.get("rejected").asLong()).isEqualTo(3);
    assertThat(q.get("reasons").get("bad_date").asLong()).isEqualTo(1);
    assertThat(q.get("reasons").get("missing_customer_id").asLong()).isEqualTo(1);
    assertThat(q.get("reasons").get("bad_amount").asLong()).isEqualTo(1);
    assertThat(q.get("inserted").asLong()).isEqualTo(3);
    // AU1: 100.00 + 1,280.00 = 1,380.00 in two orders; AU2: one refund of 20.00
    Map<String, CustomerSummary> s = summaries.load(List.of("AU1", "AU2"));
    assertThat(s.get("AU1").netCents()).isEqualTo(138_000);
    assertThat(s.get("AU2").netCents()).isEqualTo(-2_000);
    assertThat(s.get("AU2").refundCents()).isEqualTo(2_000);

    JsonNode again = Uploads.importFile(admin, "订单-gbk.csv", csv.getBytes(Charset.forName("GBK")), "transactions");
    assertThat(again.get("status").asString()).isEqualTo("succeeded");
    assertThat(again.get("quality").get("inserted").asLong()).isZero();
    assertThat(again.get("quality").get("unchanged").asLong()).isEqualTo(3);
    assertThat(summaries.load(List.of("AU1")).get("AU1").netCents()).isEqualTo(138_000);
  }

  @Test
  void rejectedRowsDownloadHasTheReasonsAndRawRows() {
    Api admin = admin();
    JsonNode job = Uploads.importFile(admin, "orders.csv", prefixed(ORDERS, "B").getBytes(StandardCharsets.UTF_8),
        "transactions");
    Api.Response r = admin.get("/api/v1/imports/" + job.get("id").asLong() + "/rejected");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
    assertThat(r.body().replace("\uFEFF", "").split("\n")).containsExactly(
        "file,line,reason,detail,raw",
        "orders.csv,5,bad_date,date '2024-02-30',\"BU2,2024-02-30,5,O4,茶叶\"",
        "orders.csv,6,missing_customer_id,customer id is empty,\",2024-01-01,5,O5,茶叶\"",
        "orders.csv,7,bad_amount,amount 'abc',\"BU3,2024-01-01,abc,O6,茶叶\"");
    assertThat(admin.get("/api/v1/imports/999999/rejected").status()).isEqualTo(404);
    // The same rows for the page: line, reason code and the row as written; at most `limit`, and whether more follow.
    String rows = "/api/v1/imports/" + job.get("id").asLong() + "/rejected-rows";
    assertThat(admin.get(rows).json().toString()).isEqualTo("{\"rows\":["
        + "{\"line\":5,\"reason\":\"bad_date\",\"raw\":\"BU2,2024-02-30,5,O4,茶叶\"},"
        + "{\"line\":6,\"reason\":\"missing_customer_id\",\"raw\":\",2024-01-01,5,O5,茶叶\"},"
        + "{\"line\":7,\"reason\":\"bad_amount\",\"raw\":\"BU3,2024-01-01,abc,O6,茶叶\"}],\"more\":false}");
    JsonNode two = admin.get(rows + "?limit=2").json();
    assertThat(two.get("rows").findValuesAsString("reason")).containsExactly("bad_date", "missing_customer_id");
    assertThat(two.get("more").asBoolean()).isTrue();
    assertThat(admin.get(rows + "?limit=0").json().get("rows").size()).isEqualTo(1);
    assertThat(admin.get("/api/v1/imports/999999/rejected-rows").status()).isEqualTo(404);
  }

  @Test
  void summariesAfterTwoImportsEqualOneImportOfBothFiles() {
    Api admin = admin();
    String first = "customer_id,order_date,amount,order_id,category\n"
        + "P1,2024-01-05,100,O1,tea\nP1,2024-02-01,50,O2,tea\n";
    String second = "customer_id,order_date,amount,order_id,category\n"
        + "P1,2024-02-01,30,O2,cups\nP1,2024-03-01,-20,O3,tea\nP2,2024-03-02,70,O4,cups\n";
    Uploads.importFile(admin, "a.csv", first.getBytes(StandardCharsets.UTF_8), "transactions");
    Uploads.importFile(admin, "b.csv", second.getBytes(StandardCharsets.UTF_8), "transactions");
    String both = (first + second.substring(second.indexOf('\n') + 1)).replace("\nP", "\nQ");
    Uploads.importFile(admin, "both.csv", both.getBytes(StandardCharsets.UTF_8), "transactions");
    Map<String, CustomerSummary> s = summaries.load(List.of("P1", "P2", "Q1", "Q2"));
    assertThat(s.get("P1")).usingRecursiveComparison().ignoringFields("customerId").isEqualTo(s.get("Q1"));
    assertThat(s.get("P2")).usingRecursiveComparison().ignoringFields("customerId").isEqualTo(s.get("Q2"));
    // by hand: P1 nets 100 + 50 + 30 - 20 = 160.00 over 3 orders (O2 has two lines)
    assertThat(s.get("P1").netCents()).isEqualTo(16_000);
  }

  @Test
  void excelWorkbookTakesTheSamePathWithDatesFromDateCells() throws IOException {
    byte[] xlsx;
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("订单");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
      Row h = sheet.createRow(0);
      h.createCell(0).setCellValue("客户编号");
      h.createCell(1).setCellValue("下单日期");
      h.createCell(2).setCellValue("金额");
      Row a = sheet.createRow(1);
      a.createCell(0).setCellValue("X1");
      a.createCell(1).setCellValue(LocalDate.of(2024, 3, 5));
      a.getCell(1).setCellStyle(date);
      a.createCell(2).setCellValue(99.5);
      Row b = sheet.createRow(2); // no amount cell at all
      b.createCell(0).setCellValue("X2");
      b.createCell(1).setCellValue("2024-03-06");
      wb.write(out);
      xlsx = out.toByteArray();
    }
    Api admin = admin();
    JsonNode job = Uploads.importFile(admin, "订单.xlsx", xlsx, "transactions");
    assertThat(job.get("status").asString()).isEqualTo("succeeded");
    assertThat(job.get("quality").get("accepted").asLong()).isEqualTo(1);
    assertThat(job.get("quality").get("reasons").get("missing_amount").asLong()).isEqualTo(1);
    CustomerSummary x1 = summaries.load(List.of("X1")).get("X1");
    assertThat(x1.netCents()).isEqualTo(9_950);
    assertThat(x1.purchaseDays()).containsExactly((int) LocalDate.of(2024, 3, 5).toEpochDay());
    assertThat(admin.get("/api/v1/imports/" + job.get("id").asLong() + "/rejected").body())
        .contains("订单.xlsx,3,missing_amount");
  }

  @Test
  void anXlsxThatIsNotAWorkbookIsRefused() {
    Api.Response r = Uploads.upload(admin(), "/api/v1/imports", "fake.xlsx", "a,b\n1,2\n".getBytes(),
        Map.of("kind", "transactions"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("detail").asString()).contains("not an Excel .xlsx workbook");
    assertRefused(r, "import_not_zip",
        "fake.xlsx 不是 Excel .xlsx 工作簿（不是 zip 压缩包）；请在 Excel 中重新保存，或以 CSV 上传",
        "fake.xlsx is not an Excel .xlsx workbook (not a zip archive); save it from Excel again or upload it as CSV");
  }

  @Test
  void anOldXlsWorkbookAndAnEmptyFileAreRefusedInBothLanguages() {
    // An Excel 97-2003 file starts with the OLE2 signature D0 CF 11 E0.
    byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    assertRefused(Uploads.upload(admin(), "/api/v1/imports", "旧.xls", ole, Map.of("kind", "transactions")),
        "import_old_xls", "旧.xls：不读取旧版 Excel .xls 文件；请另存为 .xlsx 或 CSV",
        "旧.xls: old Excel .xls files are not read; save it as .xlsx or CSV");
    assertRefused(Uploads.upload(admin(), "/api/v1/imports/preview", "empty.csv", new byte[0],
        Map.of("kind", "customers")), "intake_empty", "empty.csv：文件为空（没有表头行）",
        "empty.csv: the file is empty (no header line)");
  }

  private static void assertRefused(Api.Response r, String code, String zh, String en) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("code").asString()).isEqualTo("unusable_file");
    JsonNode error = r.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("file");
    assertThat(error.get("code").asString()).isEqualTo(code);
    assertThat(error.at("/text/zh").asString()).isEqualTo(zh);
    assertThat(error.at("/text/en").asString()).isEqualTo(en);
  }

  @Test
  void aMissingRequiredColumnFailsTheJobNamingFileAndColumnInBothLanguages() {
    Api admin = admin();
    JsonNode job = Uploads.importFile(admin, "nocol.csv", "customer_id,order_date\nN1,2024-01-01\n".getBytes(),
        "transactions");
    assertThat(job.get("status").asString()).isEqualTo("failed");
    // The sentences of note.intake_no_column in the two labels bundles, with the file, the column, amount's first
    // four aliases and its first Chinese one (strata.intake.Column), and the file's headers.
    JsonNode error = job.get("error");
    assertThat(error.get("code").asString()).isEqualTo("intake_no_column");
    assertThat(error.get("en").asString()).isEqualTo("nocol.csv: no amount column; expected a header such as amount, "
        + "orderamount, total, totalamount, 金额; headers found: customer_id, order_date. Name it with --map "
        + "amount=<header>");
    assertThat(error.get("zh").asString()).isEqualTo("nocol.csv：缺少 amount 列；表头应类似 amount, orderamount, "
        + "total, totalamount, 金额；现有表头：customer_id, order_date。可用 --map amount=<表头> 指定");
    JsonNode listed = admin.get("/api/v1/imports?size=50").json().get("items").valueStream()
        .filter(j -> j.get("id").asLong() == job.get("id").asLong()).findFirst().orElseThrow();
    assertThat(listed.get("error")).isEqualTo(error);
    // Stored as the code and its values, not as a sentence.
    assertThat(db.sql("select error from import_job where id = ?").param(job.get("id").asLong()).query(String.class)
        .single()).startsWith("{\"code\":\"intake_no_column\",\"args\":[\"nocol.csv\",\"amount\",");
  }

  @Test
  void aUtf16FileFailsSayingToSaveItAsUtf8() {
    // UTF-16LE with its byte-order mark, as Excel's "Unicode text" writes it.
    byte[] utf16 = "\uFEFFcustomer_id,order_date,amount\nU1,2024-01-05,10\n".getBytes(StandardCharsets.UTF_16LE);
    JsonNode error = Uploads.importFile(admin(), "订单16.csv", utf16, "transactions").get("error");
    assertThat(error.get("code").asString()).isEqualTo("intake_utf16");
    assertThat(error.get("en").asString())
        .isEqualTo("订单16.csv: the file is UTF-16; save it as UTF-8 (Excel: 'CSV UTF-8') or GBK and retry");
    assertThat(error.get("zh").asString())
        .isEqualTo("订单16.csv：文件为 UTF-16 编码；请另存为 UTF-8（Excel：“CSV UTF-8”）或 GBK 后重试");
  }

  @Test
  void aPreviewOfAFileThatCannotBeReadSaysWhyInBothLanguages() {
    byte[] utf16 = "\uFEFFcustomer_id,order_date,amount\nU1,2024-01-05,10\n".getBytes(StandardCharsets.UTF_16LE);
    Api.Response r = Uploads.upload(admin(), "/api/v1/imports/preview", "订单16.csv", utf16,
        Map.of("kind", "transactions"));
    assertRefused(r, "intake_utf16", "订单16.csv：文件为 UTF-16 编码；请另存为 UTF-8（Excel：“CSV UTF-8”）或 GBK 后重试",
        "订单16.csv: the file is UTF-16; save it as UTF-8 (Excel: 'CSV UTF-8') or GBK and retry");
  }

  @Test
  void aFileWhoseEveryRowIsRejectedFailsCountingTheReasons() {
    // Line 2: no amount; line 3: amount 'abc'; line 4: a date that does not exist.
    byte[] csv = "customer_id,order_date,amount\nR1,2024-01-05,\nR2,2024-01-06,abc\nR3,2024-02-30,5\n".getBytes();
    JsonNode job = Uploads.importFile(admin(), "bad.csv", csv, "transactions");
    assertThat(job.get("status").asString()).isEqualTo("failed");
    JsonNode error = job.get("error");
    assertThat(error.get("code").asString()).isEqualTo("intake_all_rejected");
    assertThat(error.get("en").asString()).startsWith("bad.csv: no usable rows (3 read, 3 rejected: ")
        .contains("missing_amount 1").contains("bad_amount 1").contains("bad_date 1");
    assertThat(error.get("zh").asString()).startsWith("bad.csv：没有可用的行（读取 3 行，拒绝 3 行：")
        .contains("missing_amount 1").contains("bad_amount 1").contains("bad_date 1");
    assertThat(job.at("/quality/rejected").asLong()).isEqualTo(3);
  }

  @Test
  void importsThatFailedBeforeFailuresHadCodesShowTheirTextAsWritten() {
    String old = "old.csv: no usable rows (3 read, 3 rejected)";
    String braced = "{not json: an English text starting with a brace}";
    long oldId = legacyFailedImport(old);
    long bracedId = legacyFailedImport(braced);
    Api admin = admin();
    JsonNode error = admin.get("/api/v1/imports/" + oldId).json().get("error");
    assertThat(error.get("code").isNull()).isTrue();
    assertThat(error.get("zh").asString()).isEqualTo(old);
    assertThat(error.get("en").asString()).isEqualTo(old);
    JsonNode bracedError = admin.get("/api/v1/imports/" + bracedId).json().get("error");
    assertThat(bracedError.get("code").isNull()).isTrue();
    assertThat(bracedError.get("en").asString()).isEqualTo(braced);
    assertThat(admin.get("/api/v1/imports?size=50").status()).isEqualTo(200);
  }

  @Test
  void warningsAreStoredAsCodesAndShownInBothLanguages() {
    String csv = "customer_id,order_date,amount,order_id,category\n"
        + "W1,2024-01-05,10.005,O1,tea\n"                  // 10.005: digits below the cent, rounded to 10.00
        + "W2,2024-01-06,20,O2," + "长".repeat(201) + "\n"   // the category column holds 200 characters
        + "W3,2024-01-07,5,O3,tea\n"
        + "W3,2024-01-07,5,O3,tea\n";                      // repeats the line before byte for byte
    // Records for the buyers, so no other test's customers make it warn about buyers without one.
    Uploads.importFile(admin(), "w.csv", "customer_id\nW1\nW2\nW3\n".getBytes(StandardCharsets.UTF_8), "customers");
    JsonNode job = Uploads.importFile(admin(), "warn.csv", csv.getBytes(StandardCharsets.UTF_8), "transactions");
    assertThat(job.get("status").asString()).isEqualTo("succeeded");
    JsonNode warnings = job.get("quality").get("warnings");
    assertThat(warnings).hasSize(3);
    assertWarning(warnings.get(0), "quality_repeated_rows", "1 行与前面某一行完全相同",
        "1 rows repeat an earlier row exactly");
    assertWarning(warnings.get(1), "import_amounts_rounded", "1 个金额有分以下的位数，已按四舍六入五成双舍入到分",
        "1 amounts had digits below the cent; they were rounded half-even");
    assertWarning(warnings.get(2), "import_values_cut", "1 个值超过所在列允许的长度，已截断",
        "1 values were longer than their column allows and were cut");
    // Stored as codes and values, not as either language's sentence.
    String stored = db.sql("select quality from import_job where id = ?").param(job.get("id").asLong())
        .query(String.class).single();
    assertThat(stored).contains("\"code\":\"import_values_cut\"").contains("\"args\":[\"1\"]")
        .doesNotContain("were cut").doesNotContain("截断");
  }

  private static void assertWarning(JsonNode warning, String code, String zh, String en) {
    assertThat(warning.get("code").asString()).isEqualTo(code);
    assertThat(warning.get("zh").asString()).isEqualTo(zh);
    assertThat(warning.get("en").asString()).isEqualTo(en);
  }

  @Test
  void warningsStoredBeforeTheyHadCodesShowTheirTextAsWritten() {
    String old = "2 amounts had digits below the cent; they were rounded half-even";
    db.sql("insert into import_job (kind, file_name, status, progress, created_by, created_at, finished_at, quality) "
            + "values ('transactions', 'old.csv', 'succeeded', 1, 'admin', current_timestamp, current_timestamp, ?)")
        .param("{\"rows\":2,\"accepted\":2,\"rejected\":0,\"reasons\":{},\"duplicates\":0,\"afterAsOf\":0,"
            + "\"inserted\":2,\"updated\":0,\"unchanged\":0,\"warnings\":[\"" + old + "\"]}").update();
    long id = db.sql("select max(id) from import_job where file_name = 'old.csv' and status = 'succeeded'")
        .query(Long.class).single();
    JsonNode job = admin().get("/api/v1/imports/" + id).json();
    assertThat(job.get("quality").get("accepted").asLong()).isEqualTo(2);
    JsonNode warning = job.get("quality").get("warnings").get(0);
    assertThat(warning.get("code").isNull()).isTrue();
    assertThat(warning.get("zh").asString()).isEqualTo(old);
    assertThat(warning.get("en").asString()).isEqualTo(old);
  }

  private long legacyFailedImport(String error) {
    db.sql("insert into import_job (kind, file_name, status, progress, created_by, created_at, finished_at, error) "
            + "values ('transactions', 'old.csv', 'failed', 0, 'admin', current_timestamp, current_timestamp, ?)")
        .param(error).update();
    return db.sql("select max(id) from import_job where error = ?").param(error).query(Long.class).single();
  }

  @Test
  void customersAreUpsertedAndAChangedProfileCountsAsUpdated() {
    Api admin = admin();
    String v1 = "客户编号,客户名称,负责人\nK1,华丰贸易,张伟\nK2,李氏茶行,李娜\n";
    assertThat(Uploads.importFile(admin, "c.csv", v1.getBytes(StandardCharsets.UTF_8), "customers")
        .get("quality").get("inserted").asLong()).isEqualTo(2);
    JsonNode q = Uploads.importFile(admin, "c2.csv", v1.replace("李娜", "王芳").getBytes(StandardCharsets.UTF_8),
        "customers").get("quality");
    assertThat(q.get("inserted").asLong()).isZero();
    assertThat(q.get("updated").asLong()).isEqualTo(1);
    assertThat(q.get("unchanged").asLong()).isEqualTo(1);
  }

  @Test
  void aCustomerRepeatedInALaterChunkOfTheFileIsRejectedAndTheFirstRowStays() {
    // Row 1 and the last row name KR0, more than a chunk (FileImport.CHUNK rows) apart: the intake rejects the second
    // as duplicate_customer, so nothing staged is looked up again (StagedCustomers asks only about staged ids).
    // Short rows: the test's upload limit is 100 KB.
    StringBuilder csv = new StringBuilder("客户编号,区域\nKR0,华东\n");
    for (int i = 1; i <= FileImport.CHUNK; i++) csv.append('x').append(Integer.toString(i, 36)).append(",N\n");
    csv.append("KR0,华南\n");
    JsonNode q = Uploads.importFile(admin(), "repeat.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
        "customers").get("quality");
    assertThat(q.get("inserted").asLong()).isEqualTo(FileImport.CHUNK + 1);
    assertThat(q.get("updated").asLong()).isZero();
    assertThat(q.get("rejected").asLong()).isEqualTo(1);
    assertThat(admin().get("/api/v1/customers/KR0").json().get("profile").get("region").asString()).isEqualTo("华东");
  }

  @Test
  void previewShowsColumnsAndWhatIsMissing() {
    Api.Response r = Uploads.upload(admin(), "/api/v1/imports/preview", "p.csv",
        "客户编号,下单日期,结算值\nC1,2024-10-01,12.5\n".getBytes(Charset.forName("GBK")), Map.of("kind", "transactions"));
    assertThat(r.status()).isEqualTo(200);
    JsonNode p = r.json();
    assertThat(p.get("charset").asString()).isEqualTo("GB18030");
    assertThat(p.get("columns").get(0).get("field").asString()).isEqualTo("customer_id");
    assertThat(p.get("columns").get(2).get("field").isNull()).isTrue();
    assertThat(p.get("missing").get(0).asString()).isEqualTo("amount");
    assertThat(p.get("rows").get(0).get(2).asString()).isEqualTo("12.5");
    Api.Response mapped = Uploads.upload(admin(), "/api/v1/imports/preview", "p.csv",
        "客户编号,下单日期,结算值\nC1,2024-10-01,12.5\n".getBytes(StandardCharsets.UTF_8),
        Map.of("kind", "transactions", "mapping", "{\"amount\":\"结算值\"}"));
    assertThat(mapped.json().get("missing").size()).isZero();
  }

  @Test
  void pathTricksInFileNamesAreOnlyText() throws IOException {
    Api admin = admin();
    String csv = "customer_id,order_date,amount\nH1,2024-01-01,1\n";
    for (String name : List.of("../../strata-escape-1.csv", "C:\\strata-escape-2.csv", "..\\..\\strata-escape-3.csv")) {
      JsonNode job = Uploads.importFile(admin, name, csv.getBytes(), "transactions");
      assertThat(job.get("status").asString()).isEqualTo("succeeded");
      Path dir = Path.of(dataDir).toAbsolutePath().resolve("imports").resolve(job.get("id").asString());
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("upload.csv", "rejected.csv");
      }
    }
    Path data = Path.of(dataDir).toAbsolutePath();
    assertThat(data.resolve("../../strata-escape-1.csv").normalize()).doesNotExist();
    assertThat(data.getParent().resolve("strata-escape-1.csv")).doesNotExist();
  }

  @Test
  void aLongChineseFileNameIsImportedAndKeptShortened() {
    // 300 characters, 900 bytes in UTF-8: over Tomcat's default 512-byte part header, which answered 413.
    String name = "订".repeat(296) + ".csv";
    JsonNode job = Uploads.importFile(admin(), name, "customer_id,order_date,amount\nL1,2024-01-01,1\n".getBytes(),
        "transactions");
    assertThat(job.get("status").asString()).isEqualTo("succeeded");
    assertThat(job.get("fileName").asString()).hasSize(200).startsWith("订订");
  }

  @Test
  void unknownKindIsA400NamingTheField() {
    Api.Response r = Uploads.upload(admin(), "/api/v1/imports", "x.csv", "a\n1\n".getBytes(), Map.of("kind", "orders"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
  }

  @Test
  void anUploadOverTheLimitIs413() {
    byte[] big = new byte[200 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    Api.Response r = Uploads.upload(admin(), "/api/v1/imports", "big.csv", big, Map.of("kind", "transactions"));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().get("code").asString()).isEqualTo("payload_too_large");
  }

  @Test
  void analystsMayImportAndSalesMayNot() {
    Api admin = admin();
    admin.post("/api/v1/users", Map.of("username", "ana1", "password", "analyst-pass-1", "role", "analyst"));
    admin.post("/api/v1/users", Map.of("username", "rep9", "password", "sales-pass-1", "role", "sales",
        "owner", "张伟"));
    Api analyst = anonymous().as("ana1", "analyst-pass-1");
    Api sales = anonymous().as("rep9", "sales-pass-1");
    byte[] csv = "customer_id,order_date,amount\nR1,2024-01-01,1\n".getBytes();
    assertThat(Uploads.importFile(analyst, "r.csv", csv, "transactions").get("createdBy").asString()).isEqualTo("ana1");
    assertThat(Uploads.upload(sales, "/api/v1/imports", "r.csv", csv, Map.of("kind", "transactions")).status())
        .isEqualTo(403);
    assertThat(sales.get("/api/v1/imports").status()).isEqualTo(403);
    assertThat(sales.post("/api/v1/batch/transactions", "[]").status()).isEqualTo(403);
    assertThat(analyst.get("/api/v1/imports?size=5").json().get("items").size()).isGreaterThanOrEqualTo(1);
    assertThat(admin.get("/api/v1/audit?action=import").json().get("total").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aCustomersFileWithoutAColumnKeepsTheStoredValuesOfThatColumn() {
    Api admin = admin();
    Uploads.importFile(admin, "customers.csv",
        "customer_id,name,industry,owner,phone\nKU1,甲,制造,张伟,138\n".getBytes(StandardCharsets.UTF_8), "customers");
    JsonNode owners = Uploads.importFile(admin, "owners.csv",
        "customer_id,owner\nKU1,李娜\n".getBytes(StandardCharsets.UTF_8), "customers");
    assertThat(owners.get("quality").get("updated").asLong()).isEqualTo(1);
    // owner from the second file; name, industry and phone, which it lacks, from the first
    JsonNode profile = admin.get("/api/v1/customers/KU1").json().get("profile");
    assertThat(profile.get("owner").asString()).isEqualTo("李娜");
    assertThat(profile.get("name").asString()).isEqualTo("甲");
    assertThat(profile.get("industry").asString()).isEqualTo("制造");
    assertThat(profile.get("phone").asString()).isEqualTo("138");
    // a column that is there with an empty cell does clear the value
    Uploads.importFile(admin, "phones.csv", "customer_id,phone\nKU1,\n".getBytes(StandardCharsets.UTF_8),
        "customers");
    assertThat(admin.get("/api/v1/customers/KU1").json().get("profile").get("phone").asString()).isEmpty();
  }
}
