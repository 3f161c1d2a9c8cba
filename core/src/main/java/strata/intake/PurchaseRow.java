package strata.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import strata.summary.CustomerSummary;
import strata.summary.RowSpill;
import strata.summary.SpillWriter;
import strata.summary.SummaryTable;

/**
 * One accepted purchase row, for callers that hold rows rather than files (the server's batch API and imports).
 *
 * @param day epoch day, 0..65535 (1970-01-01..2149-06-06, the range intake accepts)
 * @param orderId "" when the row has none (it then counts as an order of its own)
 * @param category "" when unknown
 */
public record PurchaseRow(String customerId, int day, long cents, String orderId, String category) {

  /**
   * Summaries of the rows, by customer id, built the way a file's rows are (through a {@link RowSpill} folded into a
   * {@link SummaryTable}), so both agree exactly; order ids are fingerprinted from their UTF-8 bytes. Rows wait in
   * memory, or in the JVM's temporary directory beyond about 16 MiB of them.
   *
   * @throws IllegalArgumentException for a day outside 0..65535
   */
  public static Map<String, CustomerSummary> summarise(List<PurchaseRow> rows) {
    boolean withOrders = rows.stream().anyMatch(r -> !r.orderId.isEmpty());
    boolean withCategories = rows.stream().anyMatch(r -> !r.category.isEmpty());
    SummaryTable table = new SummaryTable(withOrders, withCategories);
    try (RowSpill spill = new RowSpill(Path.of(System.getProperty("java.io.tmpdir")), withOrders)) {
      SpillWriter writer = spill.writer();
      int line = 0;
      for (PurchaseRow r : rows) {
        if (r.day < 0 || r.day > 0xFFFF) {
          throw new IllegalArgumentException(r.customerId + ": purchase day " + r.day + " is outside 1970-01-01.."
              + "2149-06-06");
        }
        byte[] id = r.customerId.getBytes(StandardCharsets.UTF_8);
        byte[] order = r.orderId.getBytes(StandardCharsets.UTF_8);
        int category = withCategories && !r.category.isEmpty() ? table.category(r.category) : -1;
        writer.add(id, 0, id.length, ++line, r.day, r.cents, DuplicateFinder.fingerprint(order, 0, order.length),
            !r.orderId.isEmpty(), category, 0, false);
      }
      spill.foldInto(table, 1, (partition, pairs, n, last) -> { }, RowSpill.OPEN);
    }
    Map<String, CustomerSummary> out = new HashMap<>();
    table.forEach(StandardCharsets.UTF_8, s -> out.put(s.customerId(), s));
    return out;
  }
}
