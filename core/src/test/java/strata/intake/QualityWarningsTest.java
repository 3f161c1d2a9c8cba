package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.i18n.Note;

/**
 * A file's warnings are codes and values, said in the reader's language: the sentences below are written by hand from
 * the files and the labels bundles.
 */
class QualityWarningsTest {
  @TempDir Path dir;

  private static List<String> texts(FileQuality q, Locale locale) {
    return q.warnings().stream().map(w -> w.text(locale)).toList();
  }

  @Test
  void twoAmountColumnsAndARepeatedOrderAreWarnedInEitherLanguage() throws IOException {
    Path tx = dir.resolve("tx.csv");
    // "amount" and "total" are both names of the amount column; line 3 repeats line 2 byte for byte.
    Files.writeString(tx, "customer_id,order_date,amount,total\n"
        + "C1,2024-01-05,10.00,10.00\n"
        + "C1,2024-01-05,10.00,10.00\n"
        + "C2,2024-01-06,20.00,20.00\n");
    FileQuality q = TransactionIntake.read(tx, TransactionIntake.Options.defaults().withTempDir(dir), r -> { },
        b -> { }).quality();
    assertThat(q.warnings()).containsExactly(Note.of("quality_columns_alike", "amount, total", "amount", "amount"),
        Note.of("quality_repeated_transactions", 1));
    assertThat(texts(q, Locale.ENGLISH)).containsExactly(
        "columns amount, total all look like amount; using amount (choose with --map amount=...)",
        "1 rows repeat an earlier row exactly; they are counted as they are, remove them at the source if they are "
            + "export errors");
    assertThat(texts(q, Locale.SIMPLIFIED_CHINESE)).containsExactly(
        "列 amount, total 看起来都是 amount；已使用 amount（可用 --map amount=... 指定）",
        "1 行与前面某一行完全相同；已按原样计入，如属导出错误请在源头删除");
  }

  @Test
  void aRepeatedInteractionIsWarnedInEitherLanguage() throws IOException {
    Path file = dir.resolve("interactions.csv");
    Files.writeString(file, "customer_id,date,channel\nC1,2024-01-05,phone\nC1,2024-01-05,phone\n");
    FileQuality q = RowIntake.read(file, "interactions.csv", FileKind.INTERACTIONS, FormatSniffer.Hints.NONE,
        Map.of(), row -> { }, r -> { }, dir, b -> { });
    assertThat(q.warnings()).containsExactly(Note.of("quality_repeated_rows", 1));
    assertThat(texts(q, Locale.ENGLISH)).containsExactly("1 rows repeat an earlier row exactly");
    assertThat(texts(q, Locale.SIMPLIFIED_CHINESE)).containsExactly("1 行与前面某一行完全相同");
  }

  @Test
  void badBytesSayWhichEncodingAndHowToNameAnother() {
    Note n = Note.of("quality_bad_encoding", 3, "GB18030");
    assertThat(n.text(Locale.ENGLISH)).isEqualTo("3 rows have bytes that are not valid GB18030 and were rejected "
        + "(bad_encoding); if many rows are affected or names look garbled, the file is in another encoding: pass "
        + "--encoding gbk (or utf-8)");
    assertThat(n.text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("3 行含有不是有效 GB18030 的字节，已拒收（bad_encoding）；"
        + "如果受影响的行很多或名称显示为乱码，说明文件是另一种编码：请加 --encoding gbk（或 utf-8）");
  }

  @Test
  void outliersNameAtMostThreeExamplesInEitherLanguage() {
    List<AmountOutliers.Example> examples = List.of(new AmountOutliers.Example("BIG", "2024-03-06", 99_999_999.0),
        new AmountOutliers.Example("C7", "2024-02-01", 350_000.5), new AmountOutliers.Example("C8", "2024-02-02",
            300_000.0), new AmountOutliers.Example("C9", "2024-02-03", 260_000.0));
    Note n = new AmountOutliers(2_500.0, 250_000.0, 4, examples, false, -1, List.of())
        .note("quality_amount_outliers");
    assertThat(n).isEqualTo(Note.of("quality_amount_outliers", 4, "250000.00", "2500.00",
        "BIG 99999999.00 (2024-03-06), C7 350000.50 (2024-02-01), C8 300000.00 (2024-02-02)"));
    assertThat(n.text(Locale.ENGLISH)).isEqualTo("4 rows have amounts of at least 250000.00, far beyond the file's "
        + "usual amounts (median 2500.00); e.g. BIG 99999999.00 (2024-03-06), C7 350000.50 (2024-02-01), C8 "
        + "300000.00 (2024-02-02) (customer, amount, day). They are kept and count in monetary value and ABC; check "
        + "them at the source, or run with --outliers exclude to leave them out");
    assertThat(n.text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("4 行金额不低于 250000.00，远超该文件的常见金额（中位数 "
        + "2500.00）；例如 BIG 99999999.00 (2024-03-06), C7 350000.50 (2024-02-01), C8 300000.00 (2024-02-02)"
        + "（客户、金额、日期）。这些行已保留，计入消费金额和 ABC；请在源头核对，或以 --outliers exclude 运行将其排除");
  }

  @Test
  void outliersLeftOutSayWhereTheyWent() {
    Note n = Note.of("quality_outliers_left_out", 1, "250000.00");
    assertThat(n.text(Locale.ENGLISH))
        .isEqualTo("1 rows with amounts of at least 250000.00 were left out of the run (amount_outlier in rejected.csv)");
    assertThat(n.text(Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("1 行金额不低于 250000.00，未计入本次运行（rejected.csv 中记为 amount_outlier）");
  }
}
