package strata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes of the demo files: encoding, headers, quoting, determinism and the documented dirty rows. */
class DemoFilesFormatTest {
  private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d+\\.\\d{2}");
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

  @TempDir static Path dir;
  static DemoFiles files;
  static DemoCsv orders;

  @BeforeAll
  static void generate() throws IOException {
    files = DemoDataGenerator.write(dir.resolve("default"), DemoOptions.defaults());
    orders = DemoCsv.read(files.transactions());
  }

  @Test
  void writesTheFourFilesUnderTheirUsualNames() {
    assertThat(files.customers().getFileName()).hasToString("customers.csv");
    assertThat(files.transactions().getFileName()).hasToString("orders.csv");
    assertThat(files.interactions().getFileName()).hasToString("interactions.csv");
    assertThat(files.surveys().getFileName()).hasToString("surveys.csv");
  }

  @Test
  void sameSeedGivesIdenticalBytes() throws IOException {
    DemoFiles again = DemoDataGenerator.write(dir.resolve("again"), DemoOptions.defaults());
    for (int f = 0; f < 4; f++) {
      assertThat(Files.readAllBytes(paths(again)[f])).as(paths(again)[f].toString())
          .isEqualTo(Files.readAllBytes(paths(files)[f]));
    }
  }

  @Test
  void differentSeedGivesDifferentData() throws IOException {
    DemoOptions other = new DemoOptions(DemoOptions.DEFAULT_SEED + 1, 2_000, DemoOptions.DEFAULT_AS_OF);
    DemoFiles different = DemoDataGenerator.write(dir.resolve("other"), other);
    for (int f = 0; f < 4; f++) {
      assertThat(Files.readAllBytes(paths(different)[f])).as(paths(different)[f].toString())
          .isNotEqualTo(Files.readAllBytes(paths(files)[f]));
    }
  }

  @Test
  void filesAreUtf8WithByteOrderMarkAndCrlfLines() throws IOException {
    for (Path file : paths(files)) {
      byte[] bytes = Files.readAllBytes(file);
      // EF BB BF is U+FEFF in UTF-8 (RFC 3629 section 6).
      assertThat(Arrays.copyOf(bytes, 3)).as(file.toString())
          .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(text.replace("\r\n", "")).as("no bare line feed or carriage return in " + file)
          .doesNotContain("\n").doesNotContain("\r");
      assertThat(text).endsWith("\r\n");
    }
  }

  @Test
  void headersAreExactlyTheChineseNamesTheIntakeRecognises() {
    // Expected headers copied from the data specification, not from the generator.
    assertThat(DemoCsv.read(files.customers()).header())
        .containsExactly("客户编号", "客户名称", "行业", "规模", "地区", "负责人", "电话", "邮箱", "生日", "创建日期");
    assertThat(orders.header())
        .containsExactly("订单编号", "客户编号", "下单日期", "产品", "品类", "数量", "金额", "渠道");
    assertThat(DemoCsv.read(files.interactions()).header())
        .containsExactly("客户编号", "时间", "类型", "渠道", "结果");
    assertThat(DemoCsv.read(files.surveys()).header())
        .containsExactly("客户编号", "日期", "NPS", "CSAT", "评价");
  }

  @Test
  void everyRowParsesWithTheHeadersFieldCount() throws IOException {
    for (Path file : paths(files)) {
      DemoCsv csv = DemoCsv.read(file); // strict FastCSV throws on a wrong field count
      long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
      assertThat(csv.rows()).as(file.toString()).hasSize((int) lines - 1)
          .allSatisfy(row -> assertThat(row).hasSameSizeAs(csv.header()));
    }
  }

  @Test
  void fieldsWithCommasOrQuotesAreQuotedPerRfc4180() throws IOException {
    String text = Files.readString(files.transactions());
    // RFC 4180 section 2, rules 6 and 7: enclose in quotes, double inner quotes.
    assertThat(text).contains(",\"办公椅(黑色, 带扶手)\",").contains(",\"\"\"福满堂\"\"坚果礼盒\",");
    assertThat(orders.values("产品")).contains("办公椅(黑色, 带扶手)", "\"福满堂\"坚果礼盒");
    String surveys = Files.readString(files.surveys());
    assertThat(surveys).contains("\"客服说\"\"马上处理\"\"，结果等了一周\"");
    assertThat(DemoCsv.read(files.surveys()).values("评价")).contains("客服说\"马上处理\"，结果等了一周");
  }

  @Test
  void ordersHoldTheDocumentedUnparseableAmounts() {
    assertThat(orders.values("金额")).filteredOn(DemoDataGenerator.UNPARSEABLE_AMOUNT::equals)
        .hasSize(DemoDataGenerator.UNPARSEABLE_AMOUNT_ROWS).hasSize(2);
  }

  @Test
  void ordersHoldTheDocumentedImpossibleDate() {
    // 2025 has no 30 February; the year before the default as-of 2026-11-01.
    List<String> dates = orders.values("下单日期");
    assertThat(dates).filteredOn(d -> d.startsWith("2025-02-30 "))
        .hasSize(DemoDataGenerator.IMPOSSIBLE_DATE_ROWS).hasSize(1);
    assertThat(dates).allMatch(d -> DATE_TIME.matcher(d).matches());
  }

  @Test
  void ordersHoldTheDocumentedMissingCustomerId() {
    assertThat(orders.values("客户编号")).filteredOn(String::isEmpty)
        .hasSize(DemoDataGenerator.MISSING_CUSTOMER_ID_ROWS).hasSize(1);
    assertThat(DemoDataGenerator.REJECTED_ORDER_ROWS).isEqualTo(4);
  }

  @Test
  void ordersHoldExactlyOneLineRepeatedByteForByte() throws IOException {
    List<String> lines = Files.readAllLines(files.transactions(), StandardCharsets.UTF_8);
    long distinct = lines.stream().distinct().count();
    assertThat(lines.size() - distinct).isEqualTo(DemoDataGenerator.DUPLICATE_ORDER_ROWS).isEqualTo(1);
    int repeats = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).equals(lines.get(i - 1))) {
        repeats++;
      }
    }
    assertThat(repeats).as("the duplicate follows its original").isEqualTo(1);
  }

  @Test
  void ordersHoldOneQuotedCurrencyFormattedAmountAndOtherwisePlainAmounts() throws IOException {
    assertThat(Files.readString(files.transactions())).contains(",\"¥1,280.00\",");
    List<String> amounts = orders.values("金额");
    assertThat(amounts).filteredOn("¥1,280.00"::equals)
        .hasSize(DemoDataGenerator.CURRENCY_FORMATTED_AMOUNT_ROWS).hasSize(1);
    assertThat(amounts).filteredOn(a -> !PLAIN_AMOUNT.matcher(a).matches())
        .containsExactlyInAnyOrder("N/A", "N/A", "¥1,280.00");
  }

  @Test
  void theCurrencyFormattedRowIsAPrinterAtListPrice() {
    int amount = orders.column("金额");
    List<String> row = orders.rows().stream().filter(r -> r.get(amount).startsWith("¥")).findFirst().orElseThrow();
    assertThat(row.get(orders.column("产品"))).isEqualTo("激光打印机");
    assertThat(row.get(orders.column("数量"))).isEqualTo("1");
    assertThat(row.get(orders.column("客户编号"))).matches("C\\d{6}");
  }

  private static Path[] paths(DemoFiles f) {
    return new Path[] {f.customers(), f.transactions(), f.interactions(), f.surveys()};
  }
}
