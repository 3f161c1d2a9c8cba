package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.intake.FormatSniffer;
import strata.intake.PurchaseRow;
import strata.intake.RangeIntake;
import strata.intake.TransactionIntake;

/**
 * The same rows reach the same summaries and columns through every caller's entry: a file (the CLI), rows held in
 * memory (the server's imports) and ranges of a file (Spark's tasks), each checked against totals kept here in plain
 * maps, not by the summary code.
 */
class OneWayInTest {
  @TempDir Path temp;

  /** What the test knows of a customer's rows, added up row by row. */
  private static final class Expected {
    long lines;
    long net;
    long refund;
    final TreeSet<Integer> days = new TreeSet<>();
    final Map<Integer, Long> netByDay = new HashMap<>();
    final java.util.Set<String> orderIds = new java.util.HashSet<>();
    long withoutOrderId;
    final Map<String, Long> categories = new TreeMap<>();

    void add(int day, long cents, String order, String category) {
      lines++;
      net += cents;
      if (cents < 0) refund -= cents;
      days.add(day);
      netByDay.merge(day, cents, Long::sum);
      if (order.isEmpty()) withoutOrderId++;
      else orderIds.add(order);
      if (!category.isEmpty()) categories.merge(category, 1L, Long::sum);
    }

    /** first day, last day, distinct days, orders, lines, net, refunds, first day's net */
    long[] facts() {
      return new long[] {days.first(), days.last(), days.size(), orderIds.size() + withoutOrderId, lines, net, refund,
          netByDay.get(days.first())};
    }

    int daysUpTo(int split) {
      return days.headSet(split, true).size();
    }

    int lastDayUpTo(int split) {
      Integer d = days.floor(split);
      return d == null ? -1 : d;
    }

    /** The most frequent category, ties to the first name in order; null without categories. */
    String topCategory() {
      String best = null;
      for (Map.Entry<String, Long> e : categories.entrySet()) {
        if (best == null || e.getValue() > categories.get(best)) best = e.getKey();
      }
      return best;
    }
  }

  private static long[] facts(CustomerSummary s) {
    return new long[] {s.firstDay(), s.lastDay(), s.purchaseDays().length, s.orders(), s.lines(), s.netCents(),
        s.refundCents(), s.firstDayNetCents()};
  }

  private static long[] facts(PurchaseColumns p, int i) {
    return new long[] {p.firstDay[i], p.lastDay[i], p.distinctDays[i], p.orders[i], p.lines[i], p.netCents[i],
        p.refundCents[i], p.firstDayNetCents[i]};
  }

  @Test
  void aFileRowsInMemoryAndRangesOfTheFileGiveTheSameSummariesAndColumns() throws IOException {
    SplittableRandom random = new SplittableRandom(19);
    LocalDate asOf = LocalDate.of(2024, 6, 30);
    int asOfDay = (int) asOf.toEpochDay();
    int split = asOfDay - 180;
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount,order_id,category\n");
    List<PurchaseRow> inRun = new ArrayList<>();
    Map<String, Expected> expected = new LinkedHashMap<>(); // in order of first appearance
    for (int row = 0; row < 20_000; row++) {
      String id = random.nextInt(3) == 0 ? "散客" : (random.nextBoolean() ? "C" : "客户") + random.nextInt(2_000);
      int day = asOfDay - 900 + random.nextInt(1_000); // about a tenth after the as-of date
      long cents = random.nextInt(12) == 0 ? -random.nextInt(5_000) : random.nextInt(500_000);
      String order = random.nextInt(4) == 0 ? "" : "O" + random.nextInt(8_000);
      String category = new String[] {"", "tea", "cups", "茶具"}[random.nextInt(4)];
      csv.append(id).append(',').append(LocalDate.ofEpochDay(day)).append(',')
          .append(BigDecimal.valueOf(cents, 2).toPlainString()).append(',').append(order).append(',')
          .append(category).append('\n');
      if (day > asOfDay) continue; // outside the run, in every engine
      inRun.add(new PurchaseRow(id, day, cents, order, category));
      expected.computeIfAbsent(id, k -> new Expected()).add(day, cents, order, category);
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    Path file = temp.resolve("tx.csv");
    Files.write(file, bytes);

    // The CLI's entry: the file.
    TransactionIntake.Result fromFile = TransactionIntake.read(file,
        TransactionIntake.Options.defaults().withTempDir(temp).withAsOf(asOf),
        r -> { throw new AssertionError("unexpected rejection " + r); }, b -> { });
    Map<String, CustomerSummary> fileSummaries = new HashMap<>();
    fromFile.table().forEach(fromFile.charset(), s -> fileSummaries.put(s.customerId(), s));
    // The server's entry: rows held in memory.
    Map<String, CustomerSummary> rowSummaries = PurchaseRow.summarise(inRun);
    // Spark's entry: two ranges of the file, merged by customer.
    Map<String, CustomerSummary> rangeSummaries = ranges(bytes, asOf);

    for (Map<String, CustomerSummary> summaries : List.of(fileSummaries, rowSummaries, rangeSummaries)) {
      assertThat(summaries.keySet()).isEqualTo(expected.keySet());
      expected.forEach((id, e) -> {
        assertThat(facts(summaries.get(id))).as(id).containsExactly(e.facts());
        assertThat(summaries.get(id).categoryLines()).as(id).isEqualTo(e.categories);
      });
    }

    // Columns: the file's table frozen, and the server's stored summaries (listed in order of first appearance).
    PurchaseColumns fileColumns = fromFile.table().freeze(split);
    List<CustomerSummary> stored = expected.keySet().stream().map(rowSummaries::get).toList();
    PurchaseColumns storedColumns = SummaryTable.of(stored).freeze(split);
    for (PurchaseColumns columns : List.of(fileColumns, storedColumns)) {
      assertThat(columns.size).isEqualTo(expected.size());
      int i = 0;
      for (Map.Entry<String, Expected> entry : expected.entrySet()) {
        Expected e = entry.getValue();
        assertThat(columns.customerId(i, StandardCharsets.UTF_8)).isEqualTo(entry.getKey());
        assertThat(facts(columns, i)).as(entry.getKey()).containsExactly(e.facts());
        assertThat(columns.daysUpToSplit[i]).isEqualTo(e.daysUpTo(split));
        assertThat(columns.lastDayUpToSplit[i]).isEqualTo(e.lastDayUpTo(split));
        assertThat(columns.topCategory[i]).isEqualTo(e.topCategory());
        i++;
      }
    }
  }

  private Map<String, CustomerSummary> ranges(byte[] bytes, LocalDate asOf) {
    RangeIntake intake = new RangeIntake("tx.csv", bytes, FormatSniffer.Hints.NONE, Map.of(), asOf);
    int start = (int) intake.dataStart();
    int middle = start + (bytes.length - start) / 2;
    while (bytes[middle - 1] != '\n') middle++;
    Map<String, CustomerSummary> merged = new HashMap<>();
    for (int[] range : new int[][] {{start, middle}, {middle, bytes.length}}) {
      intake.read(bytes, range[0], range[1], temp).table()
          .forEach(intake.charset(), s -> merged.merge(s.customerId(), s, CustomerSummary::merge));
    }
    return merged;
  }
}
