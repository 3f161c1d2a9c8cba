package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.summary.CustomerSummary;

class RangeIntakeTest {
  @TempDir Path dir;

  static final String CSV = "customer_id,order_id,order_date,amount,category\n"
      + "A,o1,2024-01-05,10.00,toys\n"   // line 2 of the file, 1 of the range
      + "B,o2,2024-01-06,N/A,toys\n"     // 2: bad amount
      + "A,o1,2024-01-05,5.50,books\n"   // 3: same order, another line
      + "B,o3,2024-01-07,-2.00,toys\n";  // 4: a refund

  @Test
  void readsARangeWithTheIntakesRules() {
    byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
    RangeIntake intake = new RangeIntake("t.csv", bytes, FormatSniffer.Hints.NONE, Map.of(), null);
    assertThat(intake.firstDataLine(bytes)).isEqualTo(2);
    RangeIntake.Range range = intake.read(bytes, (int) intake.dataStart(), bytes.length, dir);

    assertThat(range.rejections()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(2); // counted from the range's first row
      assertThat(r.reason()).isEqualTo(RejectReason.BAD_AMOUNT);
    });
    assertThat(range.counts().read()).isEqualTo(4);
    assertThat(range.counts().accepted()).isEqualTo(3);
    List<CustomerSummary> summaries = new ArrayList<>();
    List<Integer> firstLines = new ArrayList<>();
    range.table().forEachWithFirstLine(intake.charset(), (s, line) -> {
      summaries.add(s);
      firstLines.add(line);
    });
    CustomerSummary a = summaries.get(summaries.get(0).customerId().equals("A") ? 0 : 1);
    assertThat(a.orders()).isEqualTo(1); // o1 spans two lines
    assertThat(a.lines()).isEqualTo(2);
    assertThat(a.netCents()).isEqualTo(1550);
    assertThat(firstLines).containsExactlyInAnyOrder(1, 4); // A on the range's line 1, B's first usable row on 4
    // One (fingerprint, line) pair per valid row, in the stripe of its customer: A's rows are lines 1 and 3, B's
    // valid row is line 4 (its line 2 is rejected).
    Map<String, List<Long>> linesById = new java.util.TreeMap<>();
    for (int k = 0; k < range.fingerprints().length; k++) {
      List<Long> lines = new ArrayList<>();
      for (int i = 1; i < range.fingerprints()[k].length; i += 2) lines.add(range.fingerprints()[k][i]);
      List<String> ids = new ArrayList<>();
      range.table().forEachWithFirstLine(k, intake.charset(), (s, line) -> ids.add(s.customerId()));
      if (ids.isEmpty()) assertThat(lines).as("stripe %d", k).isEmpty();
      else assertThat(ids).as("stripe %d", k).hasSize(1); // two customers: in one stripe only by a 1/512 chance
      ids.forEach(id -> linesById.put(id, lines));
    }
    assertThat(linesById).containsExactly(Map.entry("A", List.of(1L, 3L)), Map.entry("B", List.of(4L)));
  }

  @Test
  void repeatsAreEveryRowButTheFirstOfAFingerprintAndAddUpAcrossCustomers() {
    // (fingerprint, row) pairs of one set of customers, rows from two ranges: fingerprint 5 on rows 3, 1 and 9 (two
    // repeats: 3 and 9), 7 once, -2 on rows 8 and 4 (a repeat: 8), 0 on rows 6 and 5 (a repeat: 6).
    RangeIntake.Repeats one = RangeIntake.Repeats.among(new long[] {5, 3, 7, 2, -2, 8, 5, 1, 5, 9, -2, 4, 0, 6, 0, 5});
    assertThat(one.rows()).isEqualTo(4);
    assertThat(one.first()).containsExactly(3L, 6L, 8L, 9L);
    // Another set's: 11 on row 2 of range 0 and row 1 of range 2 (a repeat, the last in file order).
    RangeIntake.Repeats other = RangeIntake.Repeats.among(new long[] {11, 2L << 32 | 1, 11, 2});
    RangeIntake.Repeats both = RangeIntake.Repeats.of(List.of(other, one, RangeIntake.Repeats.among(new long[0])));
    assertThat(both.rows()).isEqualTo(5);
    assertThat(both.first()).containsExactly(3L, 6L, 8L, 9L, 2L << 32 | 1);
  }

  @Test
  void qualityIsTheWholeFileReadsWhenRangesAreAddedUp() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, CSV);
    FileQuality whole = TransactionIntake.read(file, TransactionIntake.Options.defaults().withTempDir(dir),
        r -> { }, b -> { }).quality();

    byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
    RangeIntake intake = new RangeIntake("t.csv", bytes, FormatSniffer.Hints.NONE, Map.of(), null);
    int split = CSV.indexOf("A,o1,2024-01-05,5.50");
    var first = intake.read(bytes, (int) intake.dataStart(), split, dir);
    var second = intake.read(bytes, split, bytes.length, dir);
    assertThat(intake.quality(List.of(first.counts(), second.counts()), 0, List.of())).isEqualTo(whole);
  }

  @Test
  void rangesJudgeAmountOutliersAsTheWholeFileDoes() throws Exception {
    String csv = AmountOutliersTest.fileWithTypo();
    Path file = dir.resolve("t.csv");
    Files.writeString(file, csv);
    FileQuality whole = TransactionIntake.read(file, TransactionIntake.Options.defaults().withTempDir(dir),
        r -> { }, b -> { }).quality();
    assertThat(whole.amountOutliers().rows()).isEqualTo(1);

    // Three ranges, the typo in the last: each range's histogram and largest rows add up to the file's.
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    RangeIntake intake = new RangeIntake("t.csv", bytes, FormatSniffer.Hints.NONE, Map.of(), null);
    int a = csv.indexOf("c20,");
    int b = csv.indexOf("c41,");
    List<RangeCounts> counts = List.of(intake.read(bytes, (int) intake.dataStart(), a, dir).counts(),
        intake.read(bytes, a, b, dir).counts(), intake.read(bytes, b, bytes.length, dir).counts());
    assertThat(intake.quality(counts, 0, List.of())).isEqualTo(whole);
  }

  @Test
  void aMergedIdsRowsAreSummarisedUnderItsSurvivor() {
    byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
    RangeIntake intake = new RangeIntake("t.csv", bytes, FormatSniffer.Hints.NONE, Map.of(), null, Map.of("B", "A"));
    RangeIntake.Range range = intake.read(bytes, (int) intake.dataStart(), bytes.length, dir);
    List<CustomerSummary> summaries = new ArrayList<>();
    range.table().forEachWithFirstLine(intake.charset(), (s, line) -> summaries.add(s));
    // A's order o1 (10.00 + 5.50) and B's refund o3 (-2.00; B's 'N/A' row is rejected): one customer A, two orders.
    assertThat(summaries).singleElement().satisfies(a -> {
      assertThat(a.customerId()).isEqualTo("A");
      assertThat(a.orders()).isEqualTo(2);
      assertThat(a.netCents()).isEqualTo(1350);
    });
  }

  @Test
  void aHeaderWithoutAmountIsRefused() {
    byte[] bytes = "customer_id,order_date\nA,2024-01-01\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new RangeIntake("t.csv", bytes, FormatSniffer.Hints.NONE, Map.of(), null))
        .isInstanceOf(IntakeException.class).hasMessageContaining("amount");
  }

  @Test
  void rangesWithoutUsableRowsAreRefusedWithTheirCounts() {
    byte[] bytes = "customer_id,order_date,amount\nA,2024-01-01,x\n".getBytes(StandardCharsets.UTF_8);
    RangeIntake intake = new RangeIntake("t.csv", bytes, FormatSniffer.Hints.NONE, Map.of(), null);
    var range = intake.read(bytes, (int) intake.dataStart(), bytes.length, dir);
    assertThatThrownBy(() -> intake.quality(List.of(range.counts()), 0, List.of()))
        .isInstanceOf(IntakeException.class).hasMessageContaining("no usable rows (1 read, 1 rejected: bad_amount 1)");
  }
}
