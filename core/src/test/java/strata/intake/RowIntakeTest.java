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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowIntakeTest {
  @TempDir Path dir;
  final List<Rejection> rejected = new ArrayList<>();
  final List<RowIntake.Row> rows = new ArrayList<>();

  private Path file(String name, String text, Charset cs) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, text.getBytes(cs));
    return p;
  }

  private FileQuality read(Path p, String name, FileKind kind) {
    return RowIntake.read(p, name, kind, FormatSniffer.Hints.NONE, Map.of(), rows::add, rejected::add, dir, b -> { });
  }

  @Test
  void transactionRowsGetTheSameReasonsAsTheParallelIntake() throws IOException {
    String csv = "customer_id,order_date,amount,product\n"
        + "C1,2024-01-05,¥1,280.00,茶叶\n"   // 2: four fields where the amount's comma splits it: wrong count
        + ",2024-01-05,10.00,x\n"           // 3 missing id
        + "C2,2024-02-30,5,x\n"             // 4 bad date
        + "C2,2024-01-07,N/A,x\n"           // 5 bad amount
        + "C2,2024-01-07\n"                 // 6 wrong field count
        + "C2,,5,x\n"                       // 7 missing date
        + "C2,1960-01-01,5,x\n"             // 8 out of range
        + "C2,2024-01-07,,x\n"              // 9 missing amount
        + "C3,2024年1月8日,\"¥1,234.505\",\"茶, 绿\"\n" // 10 ok, rounded half-even to 1234.50
        + "C3,2024-01-09,(12.50),x,\n";     // 11 ok: an empty extra field is tolerated
    Path p = file("upload-7.csv", csv, StandardCharsets.UTF_8);
    FileQuality q = read(p, "订单.csv", FileKind.TRANSACTIONS);
    List<Rejection> fromRows = new ArrayList<>(rejected);
    rejected.clear();
    TransactionIntake.read(p, TransactionIntake.Options.defaults().withTempDir(dir), rejected::add, b -> { });
    assertThat(fromRows).extracting(Rejection::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(fromRows).extracting(Rejection::reason).containsExactlyElementsOf(
        rejected.stream().map(Rejection::reason).toList());
    assertThat(fromRows).extracting(Rejection::detail).containsExactlyElementsOf(
        rejected.stream().map(Rejection::detail).toList());
    assertThat(fromRows).allSatisfy(r -> assertThat(r.file()).isEqualTo("订单.csv"));
    assertThat(q.rowsAccepted()).isEqualTo(2);
    assertThat(q.amountsRounded()).isEqualTo(1);
    assertThat(rows).extracting(RowIntake.Row::cents).containsExactly(123450L, -1250L);
    assertThat(rows.get(0).date()).isEqualTo(LocalDate.of(2024, 1, 8));
    assertThat(rows.get(0).get(Column.PRODUCT)).isEqualTo("茶, 绿");
    assertThat(rows.get(0).get(Column.ORDER_ID)).isEmpty();
    assertThat(rows.get(0).line()).isEqualTo(10);
  }

  @Test
  void gbkSurveysAndCustomersComeOutParsed() throws IOException {
    String csv = "客户编号,日期,NPS,CSAT,评价\nA,2024-03-01,9,,很好\nB,2024-03-02,11,,\n";
    read(file("s.csv", csv, Charset.forName("GBK")), "s.csv", FileKind.SURVEYS);
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.nps()).isEqualTo(9);
      assertThat(r.csat()).isEqualTo(-1);
      assertThat(r.get(Column.COMMENT)).isEqualTo("很好");
    });
    assertThat(rejected).extracting(Rejection::reason).containsExactly(RejectReason.BAD_SCORE);
    rows.clear();
    read(file("c.csv", "客户编号,客户名称\nC1,华丰\nC1,又一个\n", Charset.forName("GBK")), "c.csv", FileKind.CUSTOMERS);
    assertThat(rows).extracting(r -> r.profile().name()).containsExactly("华丰");
    assertThat(rejected).extracting(Rejection::reason).endsWith(RejectReason.DUPLICATE_CUSTOMER);
  }

  /** An unreadable birthday or created date keeps the customer, with the date empty, and is counted (issue 15). */
  @Test
  void unreadableProfileDatesKeepTheCustomerAndAreCounted() throws IOException {
    String csv = "客户编号,生日,建档日期\n"
        + "C1,1980-05-17,2020-01-02\n"   // 2: both read
        + "C2,1980-02-30,2020-01-02\n"   // 3: no such day
        + "C3,,\n"                      // 4: none given: nothing to warn about
        + "C4,1980-05-17,soon\n"        // 5: created unreadable
        + "C5,生日,昨天\n";              // 6: both unreadable: one customer counted once
    FileQuality q = read(file("c.csv", csv, StandardCharsets.UTF_8), "c.csv", FileKind.CUSTOMERS);
    assertThat(q.rowsAccepted()).isEqualTo(5);
    assertThat(rejected).isEmpty();
    assertThat(rows.get(0).profile().birthday()).isEqualTo(LocalDate.of(1980, 5, 17));
    assertThat(rows.get(1).profile().birthday()).isNull();
    assertThat(rows.get(1).profile().created()).isEqualTo(LocalDate.of(2020, 1, 2));
    assertThat(rows.get(3).profile().created()).isNull();
    assertThat(q.warnings()).containsExactly(strata.i18n.Note.of("quality_unreadable_profile_dates", 3L, 3L));

    rows.clear();
    FileQuality clean = read(file("ok.csv", "客户编号,生日\nC1,1980-05-17\nC2,\n", StandardCharsets.UTF_8), "ok.csv",
        FileKind.CUSTOMERS);
    assertThat(clean.warnings()).isEmpty();
  }

  @Test
  void aMissingColumnNamesTheGivenFileName() throws IOException {
    Path p = file("upload.csv", "customer_id,order_date\nA,2024-01-01\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(p, "orders.csv", FileKind.TRANSACTIONS))
        .isInstanceOf(IntakeException.class).hasMessageStartingWith("orders.csv: no amount column");
  }

  @Test
  void recordsOutsideFilesAreCheckedByTheSameRules() {
    RowIntake.Checked ok = RowIntake.check(FileKind.TRANSACTIONS,
        Map.of(Column.CUSTOMER_ID, "C1", Column.ORDER_DATE, "2024/3/5", Column.AMOUNT, "¥1,280.00"));
    assertThat(ok.row().cents()).isEqualTo(128000);
    assertThat(ok.row().date()).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(RowIntake.check(FileKind.TRANSACTIONS,
        Map.of(Column.CUSTOMER_ID, "C1", Column.ORDER_DATE, "2024/3/5", Column.AMOUNT, "abc")).reason())
        .isEqualTo(RejectReason.BAD_AMOUNT);
    assertThat(RowIntake.check(FileKind.SURVEYS,
        Map.of(Column.CUSTOMER_ID, "C1", Column.TIME, "2024-03-05", Column.CSAT, "6")).reason())
        .isEqualTo(RejectReason.BAD_SCORE);
    assertThat(RowIntake.check(FileKind.INTERACTIONS, Map.of(Column.CUSTOMER_ID, "C1")).reason())
        .isEqualTo(RejectReason.MISSING_DATE);
    String nextMonth = LocalDate.now().plusMonths(1).toString();
    assertThat(RowIntake.check(FileKind.TRANSACTIONS,
        Map.of(Column.CUSTOMER_ID, "C1", Column.ORDER_DATE, nextMonth, Column.AMOUNT, "1")).reason())
        .isEqualTo(RejectReason.FUTURE_DATE);
    assertThat(RowIntake.check(FileKind.SURVEYS,
        Map.of(Column.CUSTOMER_ID, "C1", Column.TIME, nextMonth, Column.NPS, "9")).reason())
        .isEqualTo(RejectReason.FUTURE_DATE);
  }

  @Test
  void previewListsMissingColumnsInsteadOfFailing() throws IOException {
    Path p = file("p.csv", "客户编号,下单日期,结算值\nC1,2024-01-01,12.5\nC2,2024-01-02,3\n", StandardCharsets.UTF_8);
    RowIntake.Preview pv = RowIntake.preview(p, "p.csv", FileKind.TRANSACTIONS, FormatSniffer.Hints.NONE, Map.of(), 1);
    assertThat(pv.missing()).containsExactly(Column.AMOUNT);
    assertThat(pv.rows()).containsExactly(List.of("C1", "2024-01-01", "12.5"));
    RowIntake.Preview mapped = RowIntake.preview(p, "p.csv", FileKind.TRANSACTIONS, FormatSniffer.Hints.NONE,
        Map.of("amount", "结算值"), 10);
    assertThat(mapped.missing()).isEmpty();
    assertThat(mapped.mapping().indexOf(Column.AMOUNT)).isEqualTo(2);
    assertThat(mapped.rows()).hasSize(2);
  }
}
