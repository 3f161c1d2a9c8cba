package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.summary.CustomerSummary;

/**
 * A transactions file's exact duplicates and its rows after the as-of date, worked by hand: the same answers whether
 * the file is read whole (the command line) or in ranges (a cluster's tasks).
 */
class ExactDuplicatesTest {
  @TempDir Path temp;

  // Line 4 and 7 repeat line 2, line 6 repeats line 3, line 9 repeats line 8 (both after the as-of date). Line 5 has
  // the same values as line 2 written otherwise (10.0): not the same bytes, so not a repeat.
  private static final String CSV = """
      customer_id,order_date,amount
      A,2024-01-01,10.00
      B,2024-01-02,5.00
      A,2024-01-01,10.00
      A,2024-01-01,10.0
      B,2024-01-02,5.00
      A,2024-01-01,10.00
      C,2024-03-01,1.00
      C,2024-03-01,1.00
      """;
  private static final LocalDate AS_OF = LocalDate.of(2024, 2, 1);

  @Test
  void repeatsAreFoundByContentAndRowsAfterTheAsOfAreCountedNotSummarised() throws Exception {
    Path file = temp.resolve("tx.csv");
    Files.writeString(file, CSV, StandardCharsets.UTF_8);

    TransactionIntake.Result r = TransactionIntake.read(file,
        TransactionIntake.Options.defaults().withTempDir(temp).withAsOf(AS_OF),
        x -> { throw new AssertionError("unexpected rejection " + x); }, b -> { });

    assertThat(r.quality().duplicateRows()).isEqualTo(4);
    assertThat(r.quality().duplicateLines()).containsExactly(4L, 6L, 7L, 9L);
    assertThat(r.quality().rowsAfterAsOf()).isEqualTo(2);
    assertThat(r.firstDay()).isEqualTo(19_723); // 2024-01-01
    assertThat(r.lastDay()).as("C's rows of 2024-03-01 do not move it").isEqualTo(19_724); // 2024-01-02
    Map<String, CustomerSummary> byId = new HashMap<>();
    r.table().forEach(r.charset(), s -> byId.put(s.customerId(), s));
    assertThat(byId).containsOnlyKeys("A", "B"); // repeats are reported, not dropped; C bought after the as-of date
    assertThat(byId.get("A").lines()).isEqualTo(4);
    assertThat(byId.get("A").netCents()).isEqualTo(4000);
    assertThat(byId.get("B").lines()).isEqualTo(2);
  }

  @Test
  void rangesReadApartGiveTheFingerprintsAndCountsOfTheWholeFile() {
    byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
    RangeIntake intake = new RangeIntake("tx.csv", bytes, FormatSniffer.Hints.NONE, Map.of(), AS_OF);
    int cut = CSV.indexOf("A,2024-01-01,10.0\n"); // line 5 starts the second range
    RangeIntake.Range first = intake.read(bytes, (int) intake.dataStart(), cut, temp);
    RangeIntake.Range second = intake.read(bytes, cut, bytes.length, temp);

    // A range counts its lines from 1 at its first row: file line 2 is the first range's line 1 (add 1), file line 5
    // the second's (add 4).
    long[] pairs = new long[first.fingerprints().length + second.fingerprints().length];
    for (int i = 0; i < first.fingerprints().length; i += 2) {
      pairs[i] = first.fingerprints()[i];
      pairs[i + 1] = first.fingerprints()[i + 1] + 1;
    }
    for (int i = 0; i < second.fingerprints().length; i += 2) {
      pairs[first.fingerprints().length + i] = second.fingerprints()[i];
      pairs[first.fingerprints().length + i + 1] = second.fingerprints()[i + 1] + 4;
    }
    DuplicateFinder.Duplicates d;
    try (DuplicateFinder finder = new DuplicateFinder(temp)) {
      finder.add(pairs, pairs.length / 2);
      d = finder.finish(RangeIntake.DUPLICATE_LINES);
    }
    assertThat(pairs).hasSize(2 * 8); // every valid row, the two after the as-of date included
    assertThat(d.rows()).isEqualTo(4);
    assertThat(d.lines()).containsExactly(4L, 6L, 7L, 9L);
    FileQuality q = intake.quality(List.of(first.counts(), second.counts()), d.rows(), d.lines());
    assertThat(q.rowsAfterAsOf()).isEqualTo(2);
    assertThat(second.counts().maxDay()).isEqualTo(19_724); // B's 2024-01-02 on line 6, not C's later rows
  }
}
