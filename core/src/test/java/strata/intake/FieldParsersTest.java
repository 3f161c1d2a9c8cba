package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FieldParsersTest {
  private static int day(String s) {
    return day(s, StandardCharsets.UTF_8);
  }

  private static int day(String s, Charset cs) {
    byte[] b = s.getBytes(cs);
    return FieldParsers.parseDay(b, 0, b.length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-05", "2024/3/5", "2024.03.05", "20240305", "2024-03-05 14:30:00",
      "2024-03-05T14:30:00Z", "2024年3月5日", "2024年03月05日 10:00"})
  void readsTheCommonDateForms(String text) {
    assertThat(day(text)).isEqualTo(LocalDate.of(2024, 3, 5).toEpochDay());
  }

  @Test
  void readsChineseDatesInGbk() {
    assertThat(day("2024年3月5日", Charset.forName("GB18030"))).isEqualTo(LocalDate.of(2024, 3, 5).toEpochDay());
  }

  @Test
  void everyIsoDayInRangeAgreesWithJavaTime() {
    for (long d = FieldParsers.MIN_DAY; d <= FieldParsers.MAX_DAY; d++) {
      assertThat(day(LocalDate.ofEpochDay(d).toString())).isEqualTo((int) d);
    }
    assertThat(day("1969-12-31")).isEqualTo(FieldParsers.OUT_OF_RANGE);
    assertThat(day("2149-06-07")).isEqualTo(FieldParsers.OUT_OF_RANGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29", "2100-02-29", "2024-04-31", "2024-1a-01", "2024-01-3/", "2024-01-00",
      "+024-01-01", "2024-01-1x"})
  void refusesIsoLookalikesThatAreNotDays(String text) {
    assertThat(day(text)).isEqualTo(FieldParsers.BAD_DATE);
  }

  @Test
  void aByteJustOutsideTheDigitsAnywhereInAnIsoDateIsNotADay() {
    // '/' and ':' sit either side of '0'..'9': the word-wide digit check must refuse them in every position.
    String valid = "2024-06-15";
    for (int i = 0; i < valid.length(); i++) {
      if (i == 4 || i == 7) continue;
      for (char c : new char[] {'/', ':', ' ', 'O'}) {
        if (c == ' ' && i == 9) continue; // "2024-06-1 " is June 1 with a suffix to the general path (fields are trimmed)
        String text = valid.substring(0, i) + c + valid.substring(i + 1);
        assertThat(day(text)).as(text.toString()).isEqualTo(FieldParsers.BAD_DATE);
      }
    }
    byte[] high = valid.getBytes(StandardCharsets.US_ASCII);
    for (int i : new int[] {0, 3, 5, 6, 8, 9}) {
      byte[] b = high.clone();
      b[i] = (byte) (b[i] | 0x80); // a byte of a multi-byte character, never a digit
      assertThat(FieldParsers.parseDay(b, 0, b.length)).isEqualTo(FieldParsers.BAD_DATE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-02-30", "2024-13-01", "2024-00-10", "2024-3", "24-03-05", "2024-03/05", "abc",
      "2024-03-05x", "05/03/2024", "", "２０２４-03-05"})
  void rejectsWhatIsNotADate(String text) {
    assertThat(day(text)).isEqualTo(FieldParsers.BAD_DATE);
  }

  @Test
  void datesOutsideTheSupportedRangeAreSaidToBe() {
    assertThat(day("1969-12-31")).isEqualTo(FieldParsers.OUT_OF_RANGE);
    assertThat(day("2200-01-01")).isEqualTo(FieldParsers.OUT_OF_RANGE);
    assertThat(day("2149-06-07")).isEqualTo(FieldParsers.OUT_OF_RANGE);
    assertThat(day("2149-06-06")).isEqualTo(65_535);
    assertThat(day("1970-01-01")).isZero();
  }

  @Test
  void plainAmountsAgreeWithBigDecimal() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    FieldParsers.Money m = new FieldParsers.Money();
    for (int k = 0; k < 20_000; k++) {
      // 1 to 14 integer digits (14 is out of range), 0 to 3 decimals (3 are rounded by the general path), either sign.
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      int digits = 1 + random.nextInt(14);
      for (int d = 0; d < digits; d++) text.append((char) ('0' + random.nextInt(10)));
      int decimals = random.nextInt(4);
      if (decimals > 0) text.append('.');
      for (int d = 0; d < decimals; d++) text.append((char) ('0' + random.nextInt(10)));
      BigDecimal cents = new BigDecimal(text.toString()).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN);
      byte[] b = text.toString().getBytes(StandardCharsets.US_ASCII);
      RejectReason reason = FieldParsers.parseCents(b, 0, b.length, m);
      // More than 13 integer digits is out of range even with leading zeros, as the general path has it.
      if (digits > 13 || cents.abs().compareTo(BigDecimal.valueOf(FieldParsers.MAX_CENTS)) > 0) {
        assertThat(reason).as(text.toString()).isEqualTo(RejectReason.AMOUNT_OUT_OF_RANGE);
      } else {
        assertThat(reason).as(text.toString()).isNull();
        assertThat(m.cents).as(text.toString()).isEqualTo(cents.longValueExact());
        assertThat(m.rounded).as(text.toString()).isEqualTo(decimals == 3 && text.charAt(text.length() - 1) != '0');
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "12.34|1234", "12|1200", "12.5|1250", "-12.34|-1234", "+3|300", "0.01|1", ".5|50", "1,234.56|123456",
      "1,234,567|123456700", "¥1,280.00|128000", "￥99|9900", "$5.00|500", "RMB 100|10000", "CNY100|10000",
      "-¥5|-500", "¥-5|-500", "(12.50)|-1250", " 7.00 |700", "12.3400|1234", "999999999999.99|99999999999999"})
  void readsAmountsExactlyInCents(String text, long cents) {
    FieldParsers.Money m = new FieldParsers.Money();
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertThat(FieldParsers.parseCents(b, 0, b.length, m)).isNull();
    assertThat(m.cents).isEqualTo(cents);
    assertThat(m.rounded).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0.125|12", "0.135|14", "0.1251|13", "1.999|200", "-0.125|-12"})
  void roundsSubCentDigitsHalfEvenAndSaysSo(String text, long cents) {
    // Half-even by hand: 0.125 -> 0.12 (2 is even), 0.135 -> 0.14, 0.1251 -> 0.13 (above half).
    FieldParsers.Money m = new FieldParsers.Money();
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertThat(FieldParsers.parseCents(b, 0, b.length, m)).isNull();
    assertThat(m.cents).isEqualTo(cents);
    assertThat(m.rounded).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"N/A|BAD_AMOUNT", "abc|BAD_AMOUNT", "1.2.3|BAD_AMOUNT", "12,34|BAD_AMOUNT",
      "1,2345|BAD_AMOUNT", "--5|BAD_AMOUNT", "1e5|BAD_AMOUNT", "¥|BAD_AMOUNT", ".|BAD_AMOUNT",
      "1000000000000.01|AMOUNT_OUT_OF_RANGE", "99999999999999999999|AMOUNT_OUT_OF_RANGE", "' '|MISSING_AMOUNT"})
  void rejectsBadAmountsWithTheirReason(String text, RejectReason reason) {
    String t = text.equals("' '") ? "  " : text;
    byte[] b = t.getBytes(StandardCharsets.UTF_8);
    assertThat(FieldParsers.parseCents(b, 0, b.length, new FieldParsers.Money())).isEqualTo(reason);
  }

  @Test
  void wholeNumbers() {
    byte[] b = "  10 ".getBytes(StandardCharsets.UTF_8);
    assertThat(FieldParsers.parseWholeNumber(b, 0, b.length)).isEqualTo(10);
    b = "7.0".getBytes(StandardCharsets.UTF_8);
    assertThat(FieldParsers.parseWholeNumber(b, 0, b.length)).isEqualTo(7);
    b = "7.5".getBytes(StandardCharsets.UTF_8);
    assertThat(FieldParsers.parseWholeNumber(b, 0, b.length)).isEqualTo(Long.MIN_VALUE);
  }

  @net.jqwik.api.Property(tries = 2000)
  void epochDayAgreesWithTheJdk(@net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = -1000, max = 80000) int d) {
    LocalDate date = LocalDate.ofEpochDay(d); // independent method: java.time
    assertThat(FieldParsers.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).isEqualTo(d);
    assertThat(day(date.toString())).isEqualTo(d < 0 ? FieldParsers.OUT_OF_RANGE
        : d > FieldParsers.MAX_DAY ? FieldParsers.OUT_OF_RANGE : d);
  }
}
