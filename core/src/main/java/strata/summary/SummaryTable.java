package strata.summary;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Per-customer summaries built in one streaming pass over transactions, safe to fill from several threads.
 *
 * <p>Memory grows with customers and their distinct purchase days, never with rows. The table is split into 256
 * stripes by id hash, each behind its own lock, so two intake threads rarely wait for each other and no resize ever
 * copies the whole table at once.
 */
public final class SummaryTable {
  private static final int STRIPES = 256;
  private static final int GROUP = 16;
  @SuppressWarnings("unused")
  private long sink;
  private final Stripe[] stripes = new Stripe[STRIPES];
  private final Map<String, Integer> categoryIndex = new ConcurrentHashMap<>();
  private final List<String> categoryNames = new ArrayList<>();

  /**
   * @param withOrderIds rows carry order ids: orders are counted as distinct ids (an order may span several rows)
   * @param withCategories rows carry a product category: lines per category are kept
   */
  public SummaryTable(boolean withOrderIds, boolean withCategories) {
    for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe(withOrderIds, withCategories);
  }

  /**
   * Folds a block's rows into their customers' summaries, taking each stripe's lock once. Several threads may call
   * this at once.
   */
  public void addAll(RowBatch batch) {
    int n = batch.size;
    int[] count = new int[STRIPES + 1];
    for (int i = 0; i < n; i++) count[(batch.hash[i] >>> 24) + 1]++;
    for (int k = 0; k < STRIPES; k++) count[k + 1] += count[k];
    int[] order = new int[n];
    int[] next = java.util.Arrays.copyOf(count, STRIPES);
    for (int i = 0; i < n; i++) order[next[batch.hash[i] >>> 24]++] = i;
    for (int k = 0; k < STRIPES; k++) {
      if (count[k] == count[k + 1]) continue;
      Stripe s = stripes[k];
      synchronized (s) {
        long touched = 0;
        for (int j = count[k]; j < count[k + 1]; j += GROUP) {
          int end = Math.min(j + GROUP, count[k + 1]);
          // Group prefetching: each row costs a chain of cache misses (hash slot, then record, then day list). Touching
          // a group's slots, then their records, then their lists lets the misses of the group overlap; the adds
          // that follow find everything in cache. Measured: see bench/README.md.
          for (int q = j; q < end; q++) touched += s.touchSlot(batch.hash[order[q]]);
          for (int q = j; q < end; q++) touched += s.touchRecord(batch.hash[order[q]]);
          for (int q = j; q < end; q++) touched += s.touchDays(batch.hash[order[q]]);
          for (int q = j; q < end; q++) {
            int i = order[q];
            int flags = batch.flags[i];
            s.add(batch.ids, batch.idFrom[i], batch.idLen[i], batch.hash[i], batch.line[i], batch.day[i],
                batch.cents[i], batch.orderKey[i], flags < 0, (flags & Integer.MAX_VALUE) - 1);
          }
        }
        sink = touched; // keeps the touching loads from being optimised away
      }
    }
  }

  /** Index of a category name, assigned on first use. */
  public int category(String name) {
    Integer known = categoryIndex.get(name);
    if (known != null) return known;
    synchronized (categoryNames) {
      return categoryIndex.computeIfAbsent(name, k -> {
        categoryNames.add(k);
        return categoryNames.size() - 1;
      });
    }
  }

  String categoryName(int index) {
    synchronized (categoryNames) {
      return categoryNames.get(index);
    }
  }

  /** A well-mixed 32-bit hash of id bytes (FNV-1a with a final avalanche). */
  public static int hash(byte[] b, int from, int len) {
    int h = 0x811C9DC5;
    for (int i = from; i < from + len; i++) {
      h = (h ^ (b[i] & 0xFF)) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }

  public long customers() {
    long n = 0;
    for (Stripe s : stripes) n += s.size;
    return n;
  }

  /** Calls {@code action} with every customer's summary (not thread-safe against concurrent {@link #add}). */
  public void forEach(Charset idCharset, Consumer<CustomerSummary> action) {
    for (Stripe s : stripes) {
      for (int c = 0; c < s.size; c++) action.accept(summary(s, c, idCharset));
    }
  }

  private CustomerSummary summary(Stripe s, int c, Charset idCharset) {
    String id = new String(s.idBytes, s.idStart(c), s.idLength(c), idCharset);
    Map<String, Long> categories = new TreeMap<>();
    if (s.categories != null) {
      for (long entry : s.categories.keys(c)) {
        categories.put(categoryName((int) (entry >>> KeyLists.COUNT_BITS)), entry & ((1L << KeyLists.COUNT_BITS) - 1));
      }
    }
    return new CustomerSummary(
        id,
        s.days(c),
        s.orderKeys == null ? new long[0] : s.orderKeys.keys(c),
        s.linesWithoutOrderId(c),
        s.lines(c),
        s.netCents(c),
        s.refundCents(c),
        s.firstDayCents(c),
        categories);
  }

  /**
   * Moves the summaries into columns ordered by first appearance in the input, releasing the table as it goes.
   * The table must not be used afterwards.
   */
  public PurchaseColumns freeze() {
    return PurchaseColumns.from(stripes, this::categoryName, -1);
  }

  /**
   * As {@link #freeze()}, also keeping per customer the purchase days up to {@code splitDay} and the last of them,
   * which a calibration/holdout split of the CLV models needs.
   */
  public PurchaseColumns freeze(int splitDay) {
    return PurchaseColumns.from(stripes, this::categoryName, splitDay);
  }
}
