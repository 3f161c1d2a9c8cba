package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import strata.summary.CustomerSummary;

/**
 * The intake under arbitrary input: never an exception but {@link IntakeException}, every row read is accepted or
 * rejected, an accepted row's amount is never lost, and a formatted value parses back to itself.
 */
class IntakeFuzzProperties {
  private static final String HEADER = "customer_id,order_date,amount\n";

  @AfterProperty
  void restoreBlockSize() {
    ParallelCsv.blockSize = ParallelCsv.BLOCK;
  }

  @Property(tries = 300)
  void aDateFieldIsADayInRangeOrARefusal(@ForAll @Size(max = 40) byte[] field) {
    int day = FieldParsers.parseDay(field, 0, field.length);
    assertThat(day == FieldParsers.BAD_DATE || day == FieldParsers.OUT_OF_RANGE
        || (day >= FieldParsers.MIN_DAY && day <= FieldParsers.MAX_DAY)).as("day %d", day).isTrue();
  }

  @Property(tries = 300)
  void aFormattedDayParsesBack(@ForAll("days") LocalDate day, @ForAll @IntRange(max = 4) int form) {
    String text = switch (form) {
      case 0 -> day.toString();
      case 1 -> day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth();
      case 2 -> day.toString().replace("-", "");
      case 3 -> day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
      default -> day + " 23:59:59";
    };
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertThat(FieldParsers.parseDay(b, 0, b.length)).as(text).isEqualTo((int) day.toEpochDay());
  }

  @Property(tries = 300)
  void anAmountFieldIsCentsInRangeOrAReason(@ForAll @Size(max = 40) byte[] field) {
    FieldParsers.Money money = new FieldParsers.Money();
    RejectReason reason = FieldParsers.parseCents(field, 0, field.length, money);
    if (reason == null) assertThat(Math.abs(money.cents)).isLessThanOrEqualTo(FieldParsers.MAX_CENTS);
  }

  @Property(tries = 300)
  void aFormattedAmountParsesBack(@ForAll("cents") long cents, @ForAll @IntRange(max = 3) int form) {
    String text = amount(cents, form);
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    FieldParsers.Money money = new FieldParsers.Money();
    assertThat(FieldParsers.parseCents(b, 0, b.length, money)).as(text).isNull();
    assertThat(money.cents).as(text).isEqualTo(cents);
    assertThat(money.rounded).isFalse();
  }

  /**
   * Any amount the parser takes has the value an independent reading gives: signs, parentheses, currency marks,
   * separators and spaces dropped, the rest read by BigDecimal and rounded half-even to cents.
   */
  @Property(tries = 1000)
  void anAcceptedAmountHasTheValueBigDecimalGives(@ForAll("amountLike") String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    FieldParsers.Money money = new FieldParsers.Money();
    if (FieldParsers.parseCents(b, 0, b.length, money) != null) return;
    boolean negative = text.indexOf('-') >= 0 || text.strip().startsWith("(");
    String digits = text.replaceAll("[-+()$¥￥€£, ]|RMB|CNY|\\\\", "");
    BigDecimal value = new BigDecimal(digits).movePointRight(2);
    BigDecimal cents = value.setScale(0, java.math.RoundingMode.HALF_EVEN);
    assertThat(money.cents).as(text).isEqualTo(negative ? -cents.longValueExact() : cents.longValueExact());
    assertThat(money.rounded).as(text).isEqualTo(value.compareTo(cents) != 0);
  }

  @Provide
  Arbitrary<String> amountLike() {
    return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789,.-+ ()$¥").ofMaxLength(14),
        Arbitraries.strings().withChars("0123456789,.").ofMinLength(1).ofMaxLength(20),
        Combinators.combine(Arbitraries.of("", "-", "+", "(", "¥", "RMB ", "-¥", "¥-"),
            Arbitraries.strings().withChars("0123456789,.").ofMinLength(1).ofMaxLength(18), Arbitraries.of("", ")", " "))
            .as((a, d, z) -> a + d + z));
  }

  @Property(tries = 300)
  void aWholeNumberParsesBack(@ForAll @Size(max = 30) byte[] field, @ForAll int n) {
    FieldParsers.parseWholeNumber(field, 0, field.length); // any bytes: a value or Long.MIN_VALUE, never a throw
    byte[] b = Integer.toString(n).getBytes(StandardCharsets.US_ASCII);
    assertThat(FieldParsers.parseWholeNumber(b, 0, b.length)).isEqualTo(n);
  }

  @Property(tries = 100)
  void anyBytesAfterTheHeaderAreReadOrRefusedWithAnIntakeException(@ForAll @Size(max = 400) byte[] body,
      @ForAll @IntRange(min = 16, max = 256) int blockSize) throws IOException {
    ParallelCsv.blockSize = blockSize;
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Path file = dir.resolve("tx.csv");
      byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
      byte[] bytes = new byte[header.length + body.length];
      System.arraycopy(header, 0, bytes, 0, header.length);
      System.arraycopy(body, 0, bytes, header.length, body.length);
      Files.write(file, bytes);
      List<Rejection> rejected = new ArrayList<>();
      try {
        TransactionIntake.Result r = read(file, dir, rejected);
        FileQuality q = r.quality();
        assertThat(q.rowsAccepted() + q.rowsRejected()).isEqualTo(q.rowsRead());
        assertThat(rejected).hasSize((int) q.rowsRejected());
      } catch (IntakeException expected) {
        // a refusal with a message is an answer
      }
    } finally {
      delete(dir);
    }
  }

  @Property(tries = 100)
  void anySideFileIsReadOrRefusedWithAnIntakeException(@ForAll("sideFiles") String text,
      @ForAll FileKind kind) throws IOException {
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Path file = dir.resolve("side.csv");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      List<RowIntake.Row> accepted = new ArrayList<>();
      List<Rejection> rejected = new ArrayList<>();
      try {
        FileQuality q = RowIntake.read(file, "side.csv", kind, FormatSniffer.Hints.NONE, Map.of(),
            accepted::add, rejected::add, dir, b -> { });
        assertThat(q.rowsAccepted() + q.rowsRejected()).isEqualTo(q.rowsRead());
        assertThat(accepted).hasSize((int) q.rowsAccepted());
        assertThat(rejected).hasSize((int) q.rowsRejected());
      } catch (IntakeException expected) {
        // a refusal with a message is an answer
      }
    } finally {
      delete(dir);
    }
  }

  /** A header a side file may have, then lines of fields that are often almost right. */
  @Provide
  Arbitrary<String> sideFiles() {
    Arbitrary<String> header = Arbitraries.of("customer_id,name,birthday,created", "客户编号,时间,类型,渠道,结果",
        "customer_id,time,nps,csat,comment", "customer_id;time;nps", "id\tname", "");
    Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of("C1", "C2", "", "2024-01-05", "2024-02-30",
        "2024-01-05 10:00:00", "10", "-1", "11", "\"a,b\"", "\"", "\"\"\"", "x\ty", "=1+1", "\uFEFF"),
        Arbitraries.strings().ofMaxLength(6));
    Arbitrary<String> line = field.list().ofMaxSize(6).map(f -> String.join(",", f));
    return Combinators.combine(header, line.list().ofMaxSize(20), Arbitraries.of("\n", "\r\n", "\r"))
        .as((h, lines, end) -> h + end + String.join(end, lines));
  }

  /** One line of a generated file: its text and, when it must be accepted, its amount. */
  record Line(String text, Long cents) {}

  @Property(tries = 60)
  void everyRowIsAcceptedOrRejectedAndNoAmountIsLost(@ForAll @Size(min = 1, max = 60) List<@From("lines") Line> lines,
      @ForAll @IntRange(min = 16, max = 512) int blockSize) throws IOException {
    ParallelCsv.blockSize = blockSize;
    Path dir = Files.createTempDirectory("fuzz");
    try {
      StringBuilder text = new StringBuilder(HEADER);
      long expectedCents = 0;
      int expectedAccepted = 0;
      for (Line l : lines) {
        text.append(l.text()).append('\n');
        if (l.cents() != null) {
          expectedCents += l.cents();
          expectedAccepted++;
        }
      }
      Path file = dir.resolve("tx.csv");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      List<Rejection> rejected = new ArrayList<>();
      TransactionIntake.Result r;
      try {
        r = read(file, dir, rejected);
      } catch (IntakeException e) {
        assertThat(expectedAccepted).as(e.getMessage()).isZero();
        return;
      }
      assertThat(r.quality().rowsRead()).isEqualTo(lines.size());
      assertThat(r.quality().rowsAccepted()).as("accepted; rejected: %s", rejected).isEqualTo(expectedAccepted);
      assertThat(rejected).hasSize(lines.size() - expectedAccepted);
      long[] net = {0};
      r.table().forEach(r.charset(), (CustomerSummary s) -> net[0] += s.netCents());
      assertThat(net[0]).isEqualTo(expectedCents);
    } finally {
      delete(dir);
    }
  }

  @Provide
  Arbitrary<Line> lines() {
    Arbitrary<String> customer = Arbitraries.of("C1", "C2", "客户3", "c 4");
    Arbitrary<Line> good = Combinators.combine(customer, pastDays(), cents(), Arbitraries.integers().between(0, 3))
        .as((id, day, cents, form) -> new Line(id + "," + day + "," + quoted(amount(cents, form)), cents));
    Arbitrary<Line> bad = Combinators.combine(customer, pastDays(), Arbitraries.of("", "abc", "1e99", "1,23", "--5",
            "()", "¥", "12.5.1", "99999999999999"), Arbitraries.of("", "2024-02-30", "1960-01-01", "someday"))
        .as((id, day, amount, badDay) -> amount.isEmpty() && badDay.isEmpty()
            ? new Line(id + "," + day, null)
            : new Line((badDay.isEmpty() ? "" : id) + "," + (badDay.isEmpty() ? day : badDay) + "," + amount, null));
    return Arbitraries.frequencyOf(Tuple.of(3, good), Tuple.of(1, bad));
  }

  /** Days the intake takes: in range and not after today (a later day is rejected as future_date). */
  @Provide
  Arbitrary<LocalDate> pastDays() {
    return Arbitraries.integers().between(FieldParsers.MIN_DAY, (int) LocalDate.now().toEpochDay() - 1)
        .map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<LocalDate> days() {
    return Arbitraries.integers().between(FieldParsers.MIN_DAY, FieldParsers.MAX_DAY).map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<Long> cents() {
    return Arbitraries.longs().between(-FieldParsers.MAX_CENTS, FieldParsers.MAX_CENTS);
  }

  /** An amount as exports write it: plain, with thousands separators, with a currency mark, or in accounting form. */
  static String amount(long cents, int form) {
    long abs = Math.abs(cents);
    String whole = Long.toString(abs / 100);
    String fraction = String.format(Locale.ROOT, "%02d", abs % 100);
    return switch (form) {
      case 0 -> (cents < 0 ? "-" : "") + whole + "." + fraction;
      case 1 -> (cents < 0 ? "-" : "") + String.format(Locale.ROOT, "%,d", abs / 100) + "." + fraction;
      case 2 -> (cents < 0 ? "-" : "") + "¥" + whole + "." + fraction;
      default -> cents < 0 ? "(" + whole + "." + fraction + ")" : whole + "." + fraction;
    };
  }

  private static String quoted(String field) {
    return field.indexOf(',') < 0 ? field : "\"" + field + "\"";
  }

  private static TransactionIntake.Result read(Path file, Path dir, List<Rejection> rejected) {
    TransactionIntake.Options o = new TransactionIntake.Options(FormatSniffer.Hints.NONE, Map.of(), null, 2, dir);
    return TransactionIntake.read(file, o, rejected::add, b -> { });
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
