package strata.summary;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything Strata keeps about one customer's transactions: enough to score them, and mergeable, so that the summary
 * of two batches of transactions is the {@link #merge} of their summaries (incremental runs, parallel engines).
 *
 * @param purchaseDays distinct purchase days (epoch days), ascending
 * @param orderKeys fingerprints of distinct order ids, ascending (empty when the file has no order id column)
 * @param linesWithoutOrderId rows that had no order id: each counts as one order
 * @param netCents sum of all amounts in cents; refunds are negative
 * @param refundCents sum of the refunds' absolute amounts in cents
 * @param firstDayNetCents net amount of the first purchase day, so spend models can leave the first purchase out
 * @param categoryLines rows per product category
 */
public record CustomerSummary(
    String customerId,
    int[] purchaseDays,
    long[] orderKeys,
    long linesWithoutOrderId,
    long lines,
    long netCents,
    long refundCents,
    long firstDayNetCents,
    Map<String, Long> categoryLines) implements java.io.Serializable {

  public int firstDay() {
    return purchaseDays[0];
  }

  public int lastDay() {
    return purchaseDays[purchaseDays.length - 1];
  }

  /** Orders: distinct order ids plus rows without one. */
  public long orders() {
    return orderKeys.length + linesWithoutOrderId;
  }

  /**
   * The summary of both customers' transactions taken together.
   *
   * @throws IllegalArgumentException if the two summaries are of different customers
   */
  public CustomerSummary merge(CustomerSummary other) {
    if (!customerId.equals(other.customerId)) {
      throw new IllegalArgumentException("cannot merge summaries of " + customerId + " and " + other.customerId);
    }
    long firstDayCents;
    if (firstDay() == other.firstDay()) {
      firstDayCents = Math.addExact(firstDayNetCents, other.firstDayNetCents);
    } else {
      firstDayCents = firstDay() < other.firstDay() ? firstDayNetCents : other.firstDayNetCents;
    }
    Map<String, Long> categories = new TreeMap<>(categoryLines);
    other.categoryLines.forEach((k, v) -> categories.merge(k, v, Long::sum));
    return new CustomerSummary(
        customerId,
        union(purchaseDays, other.purchaseDays),
        union(orderKeys, other.orderKeys),
        linesWithoutOrderId + other.linesWithoutOrderId,
        lines + other.lines,
        Math.addExact(netCents, other.netCents),
        Math.addExact(refundCents, other.refundCents),
        firstDayCents,
        categories);
  }

  // Both ascending and distinct: one linear merge (the summaries of a cluster's ranges are merged by the millions, and
  // sorting the concatenation through streams was a fifth of the Spark merge's time). Written once for int[] days and
  // once for long[] order keys: primitive arrays share no code without boxing each element.
  private static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      int x = a[i];
      int y = b[j];
      out[n++] = Math.min(x, y);
      if (x <= y) i++;
      if (y <= x) j++;
    }
    while (i < a.length) out[n++] = a[i++];
    while (j < b.length) out[n++] = b[j++];
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static long[] union(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      out[n++] = Math.min(x, y);
      if (x <= y) i++;
      if (y <= x) j++;
    }
    while (i < a.length) out[n++] = a[i++];
    while (j < b.length) out[n++] = b[j++];
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  // Records compare arrays by identity; summaries are values, so compare their contents.
  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerSummary s
        && customerId.equals(s.customerId)
        && Arrays.equals(purchaseDays, s.purchaseDays)
        && Arrays.equals(orderKeys, s.orderKeys)
        && linesWithoutOrderId == s.linesWithoutOrderId
        && lines == s.lines
        && netCents == s.netCents
        && refundCents == s.refundCents
        && firstDayNetCents == s.firstDayNetCents
        && categoryLines.equals(s.categoryLines);
  }

  @Override
  public int hashCode() {
    return customerId.hashCode() * 31 + Arrays.hashCode(purchaseDays);
  }

  @Override
  public String toString() {
    return "CustomerSummary[" + customerId + ", days=" + Arrays.toString(purchaseDays) + ", orders=" + orders()
        + ", lines=" + lines + ", netCents=" + netCents + ", refundCents=" + refundCents
        + ", firstDayNetCents=" + firstDayNetCents + ", categories=" + categoryLines + "]";
  }
}
