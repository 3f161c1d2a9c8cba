package strata.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {
  @TempDir Path dir;

  @Test
  void quotesOnlyFieldsThatNeedItAndDoublesInnerQuotes() throws Exception {
    Path file = dir.resolve("t.csv");
    try (CsvFile csv = new CsvFile(file, "a", "b", "c", "d")) {
      csv.field("plain").field("x,y").field("say \"hi\"").field("");
      csv.endRow();
      csv.field("多行\n文本").field("\r").field("¥1,280.00").field("中文");
      csv.endRow();
    }
    // Expected bytes written by hand from RFC 4180 section 2.
    String expected = "\uFEFFa,b,c,d\r\nplain,\"x,y\",\"say \"\"hi\"\"\",\r\n\"多行\n文本\",\"\r\",\"¥1,280.00\",中文\r\n";
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected);
    DemoCsv back = DemoCsv.read(file);
    assertThat(back.rows()).containsExactly(List.of("plain", "x,y", "say \"hi\"", ""),
        List.of("多行\n文本", "\r", "¥1,280.00", "中文"));
  }

  @Test
  void repeatsTheLastRowByteForByte() throws Exception {
    Path file = dir.resolve("t.csv");
    try (CsvFile csv = new CsvFile(file, "a", "b")) {
      csv.field("#1").field("x,y").endRow();
      csv.repeatLastRow();
    }
    // A first field starting with # is quoted, so a reader that skips # comment lines still sees the row.
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo("\uFEFFa,b\r\n\"#1\",\"x,y\"\r\n\"#1\",\"x,y\"\r\n");
  }

  @Test
  void refusesARowWithTheWrongFieldCount() throws Exception {
    try (CsvFile csv = new CsvFile(dir.resolve("t.csv"), "a", "b")) {
      csv.field("only one");
      assertThatThrownBy(csv::endRow).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 fields");
    }
  }

  @Test
  void formatsAmountsWithTwoDecimals() {
    assertThat(CsvFile.amount(128_000)).isEqualTo("1280.00");
    assertThat(CsvFile.amount(5)).isEqualTo("0.05");
    assertThat(CsvFile.amount(-5)).isEqualTo("-0.05");
    assertThat(CsvFile.amount(-123_456)).isEqualTo("-1234.56");
    assertThat(CsvFile.amount(0)).isEqualTo("0.00");
  }

  @Test
  void formatsDatesAndTimesLikeIso() {
    // 1,700,000,000 s after the epoch is 2023-11-14 22:13:20 UTC (widely quoted Unix time milestone).
    assertThat(CsvFile.dateTime(1_700_000_000L)).isEqualTo("2023-11-14 22:13:20");
    assertThat(CsvFile.dateTime(0)).isEqualTo("1970-01-01 00:00:00");
    // 1970-01-01 to 2025-01-01: 55 * 365 + 14 leap days = 20,089; then 273 days to 1 October, +30.
    assertThat(CsvFile.date(20_392)).isEqualTo("2025-10-31");
  }

  @Test
  void padsNumbersAndWidensWhenNeeded() {
    assertThat(CsvFile.padded("C", 123, 6)).isEqualTo("C000123");
    assertThat(CsvFile.padded("C", 1_234_567, 6)).isEqualTo("C1234567");
    assertThat(CsvFile.padded("", 42, 8)).isEqualTo("00000042");
  }
}
