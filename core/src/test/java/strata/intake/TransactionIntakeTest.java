package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.summary.CustomerSummary;

class TransactionIntakeTest {
  @TempDir Path dir;
  final List<Rejection> rejected = new ArrayList<>();

  @AfterEach
  void restoreBlockSize() {
    ParallelCsv.blockSize = ParallelCsv.BLOCK;
  }

  private Path file(String name, String text, Charset cs) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, text.getBytes(cs));
    return p;
  }

  private TransactionIntake.Result read(Path p, TransactionIntake.Options o) {
    return TransactionIntake.read(p, o, rejected::add, b -> { });
  }

  private TransactionIntake.Result read(Path p) {
    return read(p, TransactionIntake.Options.defaults().withTempDir(dir));
  }

  private List<CustomerSummary> summaries(TransactionIntake.Result r) {
    List<CustomerSummary> out = new ArrayList<>();
    r.table().forEach(r.charset(), out::add);
    out.sort(Comparator.comparing(CustomerSummary::customerId));
    return out;
  }

  @Test
  void everyRowIsAcceptedOrRejectedWithItsReasonAndLine() throws IOException {
    String csv = "customer_id,order_date,amount\n"
        + "C1,2024-01-05,10.00\n"       // line 2 ok
        + ",2024-01-05,10.00\n"         // 3 missing id
        + "C2,2024-02-30,5\n"           // 4 bad date
        + "C2,2024-01-07,N/A\n"         // 5 bad amount
        + "C2,2024-01-07\n"             // 6 wrong field count
        + "C2,,5\n"                     // 7 missing date
        + "C2,1960-01-01,5\n"           // 8 out of range
        + "C2,2024-01-07,1e99\n"        // 9 bad amount
        + "C2,2024-01-07,\n"            // 10 missing amount
        + "C3,2024-01-08,\"1,234.50\"\n"; // 11 ok
    TransactionIntake.Result r = read(file("tx.csv", csv, StandardCharsets.UTF_8));
    assertThat(r.quality().rowsRead()).isEqualTo(10);
    assertThat(r.quality().rowsAccepted()).isEqualTo(2);
    assertThat(r.quality().rowsRejected()).isEqualTo(8);
    assertThat(rejected).extracting(Rejection::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(rejected).extracting(Rejection::reason).containsExactly(RejectReason.MISSING_CUSTOMER_ID,
        RejectReason.BAD_DATE, RejectReason.BAD_AMOUNT, RejectReason.WRONG_FIELD_COUNT, RejectReason.MISSING_DATE,
        RejectReason.DATE_OUT_OF_RANGE, RejectReason.BAD_AMOUNT, RejectReason.MISSING_AMOUNT);
    assertThat(rejected.get(2).detail()).isEqualTo("amount 'N/A'");
    assertThat(rejected.get(2).raw()).isEqualTo("C2,2024-01-07,N/A");
    assertThat(r.quality().rejectedByReason()).containsEntry("bad_amount", 2L).containsEntry("bad_date", 1L);
    assertThat(summaries(r)).extracting(CustomerSummary::netCents).containsExactly(1000L, 123450L);
  }

  @Test
  void refundsCountAgainstMonetaryValueAndOrdersAreDistinctOrderIds() throws IOException {
    String csv = "订单编号,客户编号,下单日期,金额,品类\n"
        + "O1,张三,2024-01-05,100.00,茶叶\n"
        + "O1,张三,2024-01-05,50.00,茶具\n"   // same order, second line
        + "O2,张三,2024-02-01,30.00,茶叶\n"
        + "R1,张三,2024-02-03,-20.00,茶叶\n"; // refund
    TransactionIntake.Result r = read(file("tx.csv", csv, StandardCharsets.UTF_8));
    CustomerSummary s = summaries(r).get(0);
    assertThat(s.customerId()).isEqualTo("张三");
    assertThat(s.netCents()).isEqualTo(16000);        // 100 + 50 + 30 - 20
    assertThat(s.refundCents()).isEqualTo(2000);
    assertThat(s.orders()).isEqualTo(3);              // O1, O2, R1
    assertThat(s.lines()).isEqualTo(4);
    assertThat(s.purchaseDays()).hasSize(3);
    assertThat(s.firstDayNetCents()).isEqualTo(15000);
    assertThat(s.categoryLines()).containsEntry("茶叶", 3L).containsEntry("茶具", 1L);
  }

  @Test
  void readsGbkWithChineseHeadersAndSemicolons() throws IOException {
    String csv = "客户ID;日期;订单金额\n王五;2024年3月5日;88.80\n王五;2024/03/06;1.20\n";
    TransactionIntake.Result r = read(file("gbk.csv", csv, Charset.forName("GBK")));
    assertThat(r.charset().name()).isEqualTo("GB18030");
    assertThat(r.quality().delimiter()).isEqualTo(";");
    CustomerSummary s = summaries(r).get(0);
    assertThat(s.customerId()).isEqualTo("王五");
    assertThat(s.netCents()).isEqualTo(9000);
  }

  @Test
  void readsUtf8WithBomTabsAndCrlf() throws IOException {
    String csv = "\uFEFFCustomer ID\tOrder Date\tAmount\r\nA\t2024-01-01\t1\r\nA\t2024-01-02\t2\r\n";
    TransactionIntake.Result r = read(file("bom.tsv", csv, StandardCharsets.UTF_8));
    assertThat(r.quality().columns()).containsEntry("customer_id", "Customer ID");
    assertThat(summaries(r).get(0).netCents()).isEqualTo(300);
  }

  @Test
  void quotedFieldsMayHoldLineBreaksAndLineNumbersStayPhysical() throws IOException {
    String csv = "customer_id,order_date,amount,product\n"
        + "A,2024-01-01,1,\"two\nlines\"\n"   // lines 2-3
        + "B,bad,1,x\n";                       // line 4
    read(file("q.csv", csv, StandardCharsets.UTF_8));
    assertThat(rejected).singleElement().extracting(Rejection::line).isEqualTo(4L);
  }

  @Test
  void anUnclosedQuoteRejectsTheRestOfTheFileAsOneRow() throws IOException {
    String csv = "customer_id,order_date,amount\nA,2024-01-01,1\nB,2024-01-01,\"5\nC,2024-01-01,1\n";
    TransactionIntake.Result r = read(file("u.csv", csv, StandardCharsets.UTF_8));
    assertThat(r.quality().rowsAccepted()).isEqualTo(1);
    assertThat(rejected).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo(RejectReason.UNTERMINATED_QUOTE);
      assertThat(x.line()).isEqualTo(3);
    });
  }

  @Test
  void rowsAfterTheAsOfDateAreCountedNotUsed() throws IOException {
    String csv = "customer_id,order_date,amount\nA,2024-01-01,1\nA,2024-01-10,2\nB,2024-02-01,3\n";
    TransactionIntake.Result r = read(file("a.csv", csv, StandardCharsets.UTF_8),
        TransactionIntake.Options.defaults().withTempDir(dir).withAsOf(LocalDate.of(2024, 1, 10)));
    assertThat(r.quality().rowsAfterAsOf()).isEqualTo(1);
    assertThat(r.quality().rowsAccepted()).isEqualTo(3);
    assertThat(summaries(r)).extracting(CustomerSummary::customerId).containsExactly("A");
    assertThat(r.lastDay()).isEqualTo(LocalDate.of(2024, 1, 10).toEpochDay());
  }

  @Test
  void rowsDatedAfterTomorrowAreRejectedAsFutureAndDoNotMoveTheLastDay() throws IOException {
    LocalDate today = LocalDate.now();
    String csv = "customer_id,order_date,amount\nA,2024-01-01,1\n"
        + "A," + today.plusDays(1) + ",2\n"       // tomorrow: another time zone's today
        + "B," + today.plusDays(2) + ",3\n"       // line 4: cannot have happened yet
        + "B," + today.plusMonths(1) + ",4\n";    // line 5: next month
    TransactionIntake.Result r = read(file("f.csv", csv, StandardCharsets.UTF_8));
    assertThat(r.quality().rowsAccepted()).isEqualTo(2);
    assertThat(rejected).extracting(Rejection::line).containsExactly(4L, 5L);
    assertThat(rejected).extracting(Rejection::reason).containsOnly(RejectReason.FUTURE_DATE);
    assertThat(r.lastDay()).isEqualTo(today.plusDays(1).toEpochDay());
  }

  @Test
  void exactDuplicateRowsAreReportedWithTheirLines() throws IOException {
    String csv = "customer_id,order_date,amount\nA,2024-01-01,1\nB,2024-01-01,1\nA,2024-01-01,1\nA,2024-01-01,1\n";
    TransactionIntake.Result r = read(file("d.csv", csv, StandardCharsets.UTF_8));
    assertThat(r.quality().duplicateRows()).isEqualTo(2);
    assertThat(r.quality().duplicateLines()).containsExactly(4L, 5L);
  }

  @Test
  void aMissingRequiredColumnNamesFileAndColumn() throws IOException {
    Path p = file("nodate.csv", "customer_id,amount\nA,1\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(p)).isInstanceOf(IntakeException.class)
        .hasMessageStartingWith("nodate.csv: no order_date column").hasMessageContaining("--map order_date=");
  }

  @Test
  void unknownHeadersCanBeMapped() throws IOException {
    Path p = file("m.csv", "cid,when,实收款\nA,2024-01-01,5\n", StandardCharsets.UTF_8);
    TransactionIntake.Options o = new TransactionIntake.Options(FormatSniffer.Hints.NONE,
        Map.of("customer_id", "cid", "order_date", "when", "amount", "实收款"), null, 2, dir);
    assertThat(summaries(read(p, o)).get(0).netCents()).isEqualTo(500);
  }

  @Test
  void aFileWithNoUsableRowsFailsClearly() throws IOException {
    Path p = file("bad.csv", "customer_id,order_date,amount\nA,x,1\nB,y,2\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(p)).isInstanceOf(IntakeException.class)
        .hasMessage("bad.csv: no usable rows (2 read, 2 rejected: bad_date 2)");
    assertThat(rejected).hasSize(2);
  }

  @Test
  void emptyAndUtf16FilesAreRefusedWithAdvice() throws IOException {
    Path empty = file("empty.csv", "", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(empty)).hasMessageContaining("empty.csv: the file is empty");
    Path utf16 = file("u16.csv", "\uFEFFcustomer_id,order_date,amount\n", StandardCharsets.UTF_16LE);
    assertThatThrownBy(() -> read(utf16)).hasMessageContaining("UTF-16");
    assertThatThrownBy(() -> read(dir.resolve("missing.csv"))).hasMessageContaining("file not found");
  }

  @Test
  void hostileValuesAreRejectedOrKeptVerbatimNeverExecuted() throws IOException {
    String longId = "X".repeat(300);
    String csv = "customer_id,order_date,amount\n"
        + "\"=HYPERLINK(\"\"http://evil\"\")\",2024-01-01,1\n"
        + longId + ",2024-01-01,1\n"
        + "'; DROP TABLE customers;--,2024-01-01,99999999999999\n";
    TransactionIntake.Result r = read(file("h.csv", csv, StandardCharsets.UTF_8));
    assertThat(summaries(r)).extracting(CustomerSummary::customerId).containsExactly("=HYPERLINK(\"http://evil\")");
    assertThat(rejected).extracting(Rejection::reason)
        .containsExactly(RejectReason.CUSTOMER_ID_TOO_LONG, RejectReason.AMOUNT_OUT_OF_RANGE);
  }

  @Test
  void blockBoundariesAnywhereGiveTheSameSummaries() throws IOException {
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount,note\n");
    java.util.Random rnd = new java.util.Random(7);
    for (int i = 0; i < 3000; i++) {
      sb.append("C").append(rnd.nextInt(200)).append(",2024-0").append(1 + rnd.nextInt(9)).append('-')
          .append(10 + rnd.nextInt(18)).append(',').append(rnd.nextInt(10000) / 100.0).append(',')
          .append(i % 7 == 0 ? "\"a,\"\"b\"\"\nc\"" : "plain").append('\n');
    }
    Path p = file("big.csv", sb.toString(), StandardCharsets.UTF_8);
    List<CustomerSummary> whole = summaries(read(p, TransactionIntake.Options.defaults().withTempDir(dir)));
    for (int block : new int[] {64, 100, 1000, 4097}) {
      ParallelCsv.blockSize = block;
      TransactionIntake.Result r = read(p, TransactionIntake.Options.defaults().withTempDir(dir));
      assertThat(summaries(r)).as("block %d", block).isEqualTo(whole);
      assertThat(r.quality().rowsAccepted()).isEqualTo(3000);
    }
    assertThat(rejected).isEmpty();
  }

  @Test
  void unquotedFilesSplitAnywhereKeepEveryLineNumber() throws IOException {
    // No quotes at all: block ends are found eight bytes at a time. Every 37th row is bad and must be reported at its
    // own line, whatever the block size; CRLF and LF lines mixed, rows of varying length.
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount\r\n");
    List<Long> badLines = new ArrayList<>();
    java.util.Random rnd = new java.util.Random(9);
    for (int i = 0; i < 2000; i++) {
      long line = i + 2;
      if (i % 37 == 5) {
        sb.append("C").append(i).append(",not-a-date,1");
        badLines.add(line);
      } else {
        sb.append("C").append(rnd.nextInt(150)).append("x".repeat(rnd.nextInt(9))).append(",2024-02-")
            .append(10 + rnd.nextInt(18)).append(',').append(rnd.nextInt(100_000) / 100.0);
      }
      sb.append(i % 3 == 0 ? "\r\n" : "\n");
    }
    Path p = file("plain.csv", sb.toString(), StandardCharsets.UTF_8);
    List<CustomerSummary> whole = summaries(read(p, TransactionIntake.Options.defaults().withTempDir(dir)));
    for (int block : new int[] {9, 64, 100, 1000, 4097}) {
      rejected.clear();
      ParallelCsv.blockSize = block;
      TransactionIntake.Result r = read(p, TransactionIntake.Options.defaults().withTempDir(dir));
      assertThat(summaries(r)).as("block %d", block).isEqualTo(whole);
      assertThat(rejected).extracting(Rejection::line).as("block %d", block).isEqualTo(badLines);
    }
  }

  @Test
  void freezingWithASplitKeepsTheDaysUpToIt() throws IOException {
    String csv = "customer_id,order_date,amount\nA,2024-01-01,1\nA,2024-01-05,1\nA,2024-01-10,1\nB,2024-01-07,1\n";
    strata.summary.PurchaseColumns p = read(file("s.csv", csv, StandardCharsets.UTF_8)).table()
        .freeze((int) LocalDate.of(2024, 1, 5).toEpochDay());
    // A: days 1, 5 on or before the split, the last of them the 5th; B first bought after it.
    assertThat(p.daysUpToSplit).containsExactly(2, 0);
    assertThat(p.lastDayUpToSplit).containsExactly((int) LocalDate.of(2024, 1, 5).toEpochDay(), -1);
    assertThat(p.distinctDays).containsExactly(3, 1);
  }

  @Test
  void otherDateFormsAreReadWithAPattern() throws IOException {
    String csv = "customer_id,order_date,amount\nA,3/5/2024,1\nA,12/31/2024 23:59,2\nA,2/30/2024,3\nA,2024-03-05,4\n";
    Path p = file("us.csv", csv, StandardCharsets.UTF_8);
    TransactionIntake.Options o = new TransactionIntake.Options(
        new FormatSniffer.Hints(null, null, null, "M/d/yyyy"), Map.of(), null, 2, dir);
    CustomerSummary s = summaries(read(p, o)).get(0);
    assertThat(s.purchaseDays()).containsExactly((int) LocalDate.of(2024, 3, 5).toEpochDay(),
        (int) LocalDate.of(2024, 12, 31).toEpochDay());
    // February 30th does not exist; the ISO date does not match the pattern.
    assertThat(rejected).extracting(Rejection::line).containsExactly(4L, 5L);
    assertThat(rejected).extracting(Rejection::reason).containsOnly(RejectReason.BAD_DATE);
  }

  @Test
  void aBadDatePatternIsAClearError() throws IOException {
    Path p = file("x.csv", "customer_id,order_date,amount\nA,2024-01-01,1\n", StandardCharsets.UTF_8);
    TransactionIntake.Options o = new TransactionIntake.Options(
        new FormatSniffer.Hints(null, null, null, "yyyy-MM-dd{{"), Map.of(), null, 2, dir);
    assertThatThrownBy(() -> read(p, o)).isInstanceOf(IntakeException.class)
        .hasMessageStartingWith("--date-format 'yyyy-MM-dd{{' is not a valid pattern");
  }
}
