package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Frozen columns list customers by the line where each first appeared, whatever order the rows reached the stripes
 * in. The expected order is a stable sort of the customers by (first line, stripe, index in the stripe), tracked here
 * row by row.
 */
class FirstAppearanceOrderProperties {
  /** A customer as the test sees it: where its rows went and the smallest line among them. */
  private static final class Customer {
    final String id;
    final int stripe;
    int local = -1;
    int firstLine = Integer.MAX_VALUE;

    Customer(String id) {
      this.id = id;
      byte[] b = id.getBytes(StandardCharsets.UTF_8);
      stripe = SummaryTable.stripeOf(SummaryTable.hash(b, 0, b.length));
    }
  }

  @Property(tries = 200)
  void customersComeInOrderOfTheirFirstLine(
      @ForAll @IntRange(min = 1, max = 3000) int customers,
      @ForAll @IntRange(min = 1, max = 3) int rowsPerCustomer,
      @ForAll boolean nearTheEndOfTheIntRange,
      @ForAll long seed) {
    // Near the end, the file runs past line 2^31 - 1: those lines read as Integer.MAX_VALUE (as TransactionRows
    // clamps them), so several customers can share it.
    long firstLine = nearTheEndOfTheIntRange ? Integer.MAX_VALUE - customers : 2;
    assertOrder(customers, rowsPerCustomer, firstLine, new Random(seed));
  }

  @Example
  void aSingleCustomer() {
    assertOrder(1, 1, 2, new Random(1));
    assertOrder(1, 3, Integer.MAX_VALUE, new Random(2));
  }

  private static void assertOrder(int customers, int rowsPerCustomer, long firstLine, Random random) {
    List<Customer> all = new ArrayList<>();
    for (int c = 0; c < customers; c++) all.add(new Customer("C" + c));
    // Row j of the file is at line firstLine + j; every customer owns at least one row.
    List<Customer> owners = new ArrayList<>(all);
    for (int j = customers; j < customers * rowsPerCustomer; j++) owners.add(all.get(random.nextInt(customers)));
    Collections.shuffle(owners, random);
    List<Integer> rows = new ArrayList<>();
    for (int j = 0; j < owners.size(); j++) rows.add(j);
    Collections.shuffle(rows, random); // intake threads fold blocks in any order
    int[] inStripe = new int[SummaryTable.STRIPES];
    SummaryTable table = new SummaryTable(false, false);
    RowSpill spill = new RowSpill(Path.of(System.getProperty("java.io.tmpdir")), false);
    SpillWriter writer = spill.writer(); // one writer: each partition takes its rows in the order written
    for (int j : rows) {
      Customer c = owners.get(j);
      int line = (int) Math.min(firstLine + j, Integer.MAX_VALUE);
      if (c.local < 0) c.local = inStripe[c.stripe]++;
      c.firstLine = Math.min(c.firstLine, line);
      byte[] id = c.id.getBytes(StandardCharsets.UTF_8);
      writer.add(id, 0, id.length, line, 19000, 100, 0, false, -1, 0, false);
    }
    try (spill) {
      spill.foldInto(table, 1, (partition, pairs, n, last) -> { }, RowSpill.OPEN);
    }
    PurchaseColumns columns = table.freeze();

    all.sort(Comparator.<Customer>comparingInt(c -> c.firstLine)
        .thenComparingInt(c -> c.stripe).thenComparingInt(c -> c.local));
    List<String> listed = new ArrayList<>();
    for (int i = 0; i < columns.size; i++) listed.add(columns.customerId(i, StandardCharsets.UTF_8));
    assertThat(listed).containsExactlyElementsOf(all.stream().map(c -> c.id).toList());
  }
}
