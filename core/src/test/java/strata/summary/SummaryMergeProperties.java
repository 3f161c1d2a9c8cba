package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import strata.intake.TransactionIntake;
import strata.testing.TempDirs;

/** The summary of A ∪ B is the merge of the summaries of A and B, whatever the split. */
class SummaryMergeProperties {
  record Tx(String customer, int day, long cents, String order, String category) {}

  @Property(tries = 60)
  void summaryOfAUnionIsMergeOfSummaries(@ForAll("batches") List<Tx> all, @ForAll("cuts") int cut) throws IOException {
    int at = all.size() * cut / 100;
    Map<String, CustomerSummary> whole = summarise(all);
    Map<String, CustomerSummary> merged = new HashMap<>(summarise(all.subList(0, at)));
    summarise(all.subList(at, all.size())).forEach((id, s) -> merged.merge(id, s, CustomerSummary::merge));
    assertThat(merged).isEqualTo(whole);
  }

  @Property(tries = 60)
  void mergeIsAssociativeAndCommutative(@ForAll("batches") List<Tx> all) throws IOException {
    int third = all.size() / 3;
    Map<String, CustomerSummary> a = summarise(all.subList(0, third));
    Map<String, CustomerSummary> b = summarise(all.subList(third, 2 * third));
    Map<String, CustomerSummary> c = summarise(all.subList(2 * third, all.size()));
    for (String id : a.keySet()) {
      if (b.containsKey(id) && c.containsKey(id)) {
        CustomerSummary left = a.get(id).merge(b.get(id)).merge(c.get(id));
        CustomerSummary right = a.get(id).merge(b.get(id).merge(c.get(id)));
        assertThat(left).isEqualTo(right);
        assertThat(a.get(id).merge(b.get(id))).isEqualTo(b.get(id).merge(a.get(id)));
      }
    }
  }

  /** The server summarises rows it holds in memory; the result must equal a file run's. */
  @Property(tries = 60)
  void rowsSummariseLikeTheirFile(@ForAll("batches") List<Tx> all) throws IOException {
    List<strata.intake.PurchaseRow> rows = all.stream()
        .map(t -> new strata.intake.PurchaseRow(t.customer, t.day, t.cents, t.order, t.category)).toList();
    assertThat(strata.intake.PurchaseRow.summarise(rows)).isEqualTo(summarise(all));
  }

  /** The server builds columns from stored summaries; they must equal the file run's frozen table. */
  @Property(tries = 60)
  void columnsOfSummariesEqualTheFrozenTable(@ForAll("batches") List<Tx> all, @ForAll("cuts") int cut)
      throws IOException {
    int splitDay = 19000 + cut / 10;
    List<CustomerSummary> summaries = new java.util.ArrayList<>();
    TransactionIntake.Result r = read(all);
    r.table().forEach(r.charset(), summaries::add);
    PurchaseColumns frozen = r.table().freeze(splitDay);
    PurchaseColumns built = SummaryTable.of(summaries).freeze(splitDay);
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < frozen.size; i++) at.put(frozen.customerId(i, r.charset()), i);
    assertThat(built.size).isEqualTo(frozen.size);
    for (int i = 0; i < built.size; i++) {
      int j = at.get(built.customerId(i, StandardCharsets.UTF_8));
      assertThat(new long[] {built.firstDay[i], built.lastDay[i], built.distinctDays[i], built.orders[i],
          built.lines[i], built.netCents[i], built.refundCents[i], built.firstDayNetCents[i],
          built.daysUpToSplit[i], built.lastDayUpToSplit[i]})
          .containsExactly(frozen.firstDay[j], frozen.lastDay[j], frozen.distinctDays[j], frozen.orders[j],
              frozen.lines[j], frozen.netCents[j], frozen.refundCents[j], frozen.firstDayNetCents[j],
              frozen.daysUpToSplit[j], frozen.lastDayUpToSplit[j]);
      assertThat(Float.floatToIntBits(share(built, i))).isEqualTo(Float.floatToIntBits(share(frozen, j)));
    }
  }

  private static Map<String, CustomerSummary> summarise(List<Tx> txs) throws IOException {
    Map<String, CustomerSummary> out = new HashMap<>();
    if (txs.isEmpty()) return out;
    TransactionIntake.Result r = read(txs);
    r.table().forEach(r.charset(), s -> out.put(s.customerId(), s));
    return out;
  }

  private static TransactionIntake.Result read(List<Tx> txs) throws IOException {
    Path dir = Files.createTempDirectory("strata-merge");
    Path file = dir.resolve("tx.csv");
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount,order_id,category\n");
    for (Tx t : txs) {
      sb.append(t.customer).append(',').append(java.time.LocalDate.ofEpochDay(t.day)).append(',')
          .append(java.math.BigDecimal.valueOf(t.cents, 2).toPlainString()).append(',')
          .append(t.order).append(',').append(t.category).append('\n');
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    try {
      return TransactionIntake.read(file, TransactionIntake.Options.defaults().withTempDir(dir),
          x -> { throw new AssertionError("unexpected rejection " + x); }, b -> { });
    } finally {
      TempDirs.delete(dir);
    }
  }

  @Provide
  Arbitrary<List<Tx>> batches() {
    Arbitrary<Tx> tx = Combinators.combine(
        Arbitraries.of("A", "B", "C", "客户D"),
        Arbitraries.integers().between(19000, 19010),
        Arbitraries.longs().between(-5_000, 100_000),
        Arbitraries.of("O1", "O2", "O3", ""),
        Arbitraries.of("tea", "cups", "")).as(Tx::new);
    return tx.list().ofMinSize(1).ofMaxSize(40);
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 100);
  }

  /** No column (a file without categories) reads as no share, as for a customer without categories. */
  private static float share(PurchaseColumns p, int i) {
    return p.topCategoryShare == null ? Float.NaN : p.topCategoryShare[i];
  }
}
