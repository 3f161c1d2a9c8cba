package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import strata.intake.PurchaseRow;
import strata.intake.TransactionIntake;

/**
 * A file's rows that went through temporary files summarise exactly like the same rows handed over as
 * {@link PurchaseRow}s (the server's entry), for ids of every length the intake accepts.
 */
class RowSpillTest {
  @TempDir Path temp;

  @AfterEach
  void restore() {
    SpillWriter.bufferSize = 32 << 10;
    RowSpill.maxHeld = 1 << 20;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void spilledPartitionsGiveTheSummariesOfRowsKeptInMemory(boolean withOrders) throws IOException {
    SpillWriter.bufferSize = 48; // every partition goes to disk, mostly one row per chunk
    RowSpill.maxHeld = 100; // the walk-in customer's partition is listed and checked for duplicates in parts
    SplittableRandom random = new SplittableRandom(3);
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < 600; c++) {
      int len = c % 50 == 0 ? 200 + random.nextInt(57) : 1 + random.nextInt(20);
      StringBuilder id = new StringBuilder(c % 7 == 0 ? "客户" : "C");
      while (id.toString().getBytes(StandardCharsets.UTF_8).length < len) id.append((char) ('a' + random.nextInt(26)));
      ids.add(id.toString());
    }
    List<PurchaseRow> rows = new ArrayList<>();
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount" + (withOrders ? ",order_id" : "")
        + ",category\n");
    for (int i = 0; i < 5000; i++) {
      // A shared id for walk-in buyers (散客) with 40 % of the rows, as in many point-of-sale exports.
      String id = random.nextInt(5) < 2 ? "散客" : ids.get(random.nextInt(ids.size()));
      int day = 18000 + random.nextInt(2000);
      long cents = random.nextInt(10) == 0 ? -random.nextInt(5000) : random.nextInt(1_000_000);
      String order = withOrders ? "O" + random.nextInt(3000) : "";
      String category = new String[] {"tea", "cups", "", "茶具"}[random.nextInt(4)];
      rows.add(new PurchaseRow(id, day, cents, order, category));
      csv.append(id).append(',').append(java.time.LocalDate.ofEpochDay(day)).append(',')
          .append(java.math.BigDecimal.valueOf(cents, 2).toPlainString())
          .append(withOrders ? "," + order : "").append(',').append(category).append('\n');
    }
    Path file = temp.resolve("tx.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    Path spillDir = Files.createDirectory(temp.resolve("spill"));

    TransactionIntake.Result r = TransactionIntake.read(file,
        TransactionIntake.Options.defaults().withTempDir(spillDir),
        x -> { throw new AssertionError("unexpected rejection " + x); }, b -> { });
    Map<String, CustomerSummary> fromFile = new HashMap<>();
    r.table().forEach(r.charset(), s -> fromFile.put(s.customerId(), s));

    assertThat(fromFile).isEqualTo(PurchaseRow.summarise(rows));
    try (var left = Files.list(spillDir)) {
      assertThat(left).as("temporary files are removed").isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void duplicatesAreFoundAcrossSpilledPartitionsIncludingRowsAfterTheAsOfDate() throws IOException {
    SpillWriter.bufferSize = 64;
    RowSpill.maxHeld = 50;
    SplittableRandom random = new SplittableRandom(8);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      if (i > 0 && random.nextInt(8) == 0) {
        lines.add(lines.get(random.nextInt(lines.size()))); // an exact repeat of an earlier row
      } else {
        int customer = random.nextInt(3) == 0 ? 0 : random.nextInt(300); // customer C0 has a third of the rows
        lines.add("C" + customer + "," + java.time.LocalDate.ofEpochDay(19000 + random.nextInt(400)) + ","
            + random.nextInt(10_000) / 100.0);
      }
    }
    // Independent count: the rows whose text was seen before, by line number (the header is line 1).
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Long> repeats = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!seen.add(lines.get(i))) repeats.add(i + 2L);
    }
    Path file = temp.resolve("dups.csv");
    Files.writeString(file, "customer_id,order_date,amount\n" + String.join("\n", lines) + "\n");
    // An as-of date inside the span: rows after it are outside the run but still checked.
    TransactionIntake.Result r = TransactionIntake.read(file,
        TransactionIntake.Options.defaults().withTempDir(temp).withAsOf(java.time.LocalDate.ofEpochDay(19200)),
        x -> { throw new AssertionError("unexpected rejection " + x); }, b -> { });

    assertThat(r.quality().duplicateRows()).isEqualTo(repeats.size());
    assertThat(r.quality().duplicateLines()).isEqualTo(repeats.subList(0, 100));
    assertThat(r.quality().rowsAfterAsOf()).isPositive();
  }

  /** Stripes frozen as they are built (the command's run) give the columns of a table frozen after intake. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void freezingEachStripeAsItIsBuiltGivesTheSameColumns(boolean withOrders) throws IOException {
    SpillWriter.bufferSize = 64;
    RowSpill.maxHeld = 100;
    SplittableRandom random = new SplittableRandom(21);
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount" + (withOrders ? ",order_id" : "")
        + ",category\n");
    for (int i = 0; i < 6000; i++) {
      String id = random.nextInt(4) == 0 ? "散客" : "C" + random.nextInt(900);
      csv.append(id).append(',').append(java.time.LocalDate.ofEpochDay(19000 + random.nextInt(700))).append(',')
          .append(random.nextInt(100_000) / 100.0).append(withOrders ? ",O" + random.nextInt(4000) : "")
          .append(',').append(new String[] {"tea", "", "茶具"}[random.nextInt(3)]).append('\n');
    }
    Path file = temp.resolve("tx.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    TransactionIntake.Options options = TransactionIntake.Options.defaults().withTempDir(temp);
    java.util.function.Consumer<strata.intake.Rejection> none = x -> { throw new AssertionError(x.toString()); };
    int[] seen = new int[2];
    TransactionIntake.Result early = TransactionIntake.read(file, options, none, b -> { }, p -> { }, (first, last) -> {
      seen[0] = first;
      seen[1] = last;
      return (first + last) / 2;
    });
    TransactionIntake.Result late = TransactionIntake.read(file, options, none, b -> { });

    assertThat(seen).containsExactly(late.firstDay(), late.lastDay());
    int split = (late.firstDay() + late.lastDay()) / 2;
    PurchaseColumns a = early.table().freeze(split);
    PurchaseColumns b = late.table().freeze(split);
    assertThat(a.size).isGreaterThan(800); // of the 901 ids, nearly all drawn
    assertThat(a).usingRecursiveComparison().withComparatorForType(Float::compare, Float.class) // NaN equals NaN
        .isEqualTo(b); // every column, ids included
    assertThat(java.util.Arrays.stream(a.daysUpToSplit).filter(d -> d > 0).count()).as("days both sides of the split")
        .isLessThan(a.size).isGreaterThan(a.size / 2);
    TransactionIntake.Result again = TransactionIntake.read(file, options, none, x -> { }, p -> { }, (f, l) -> split);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> again.table().freeze(split + 1))
        .as("columns at another split day than the stripes were frozen at").isInstanceOf(IllegalStateException.class);
  }
}
