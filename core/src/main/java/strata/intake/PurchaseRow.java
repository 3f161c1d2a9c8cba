package strata.intake;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import strata.summary.CustomerSummary;
import strata.summary.RowBatch;
import strata.summary.SummaryTable;

/**
 * One accepted purchase row, for callers that hold rows rather than files (the server's batch API and imports).
 *
 * @param orderId "" when the row has none (it then counts as an order of its own)
 * @param category "" when unknown
 */
public record PurchaseRow(String customerId, int day, long cents, String orderId, String category) {

  /**
   * Summaries of the rows, by customer id, built by the same table as a file run so both agree exactly (order ids
   * are fingerprinted from their UTF-8 bytes).
   */
  public static Map<String, CustomerSummary> summarise(List<PurchaseRow> rows) {
    boolean withOrders = rows.stream().anyMatch(r -> !r.orderId.isEmpty());
    boolean withCategories = rows.stream().anyMatch(r -> !r.category.isEmpty());
    SummaryTable table = new SummaryTable(withOrders, withCategories);
    RowBatch batch = new RowBatch();
    int line = 0;
    for (PurchaseRow r : rows) {
      byte[] id = r.customerId.getBytes(StandardCharsets.UTF_8);
      byte[] order = r.orderId.getBytes(StandardCharsets.UTF_8);
      int category = withCategories && !r.category.isEmpty() ? table.category(r.category) : -1;
      batch.add(id, 0, id.length, ++line, r.day, r.cents, DuplicateFinder.fingerprint(order, 0, order.length),
          !r.orderId.isEmpty(), category);
    }
    table.addAll(batch);
    Map<String, CustomerSummary> out = new HashMap<>();
    table.forEach(StandardCharsets.UTF_8, s -> out.put(s.customerId(), s));
    return out;
  }
}
