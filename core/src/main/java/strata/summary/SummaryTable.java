package strata.summary;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Per-customer summaries of transaction rows. Rows come in one way, through a {@link RowSpill} folded into the table
 * (files, ranges of a file on a cluster, the server's stored purchases alike); summaries kept elsewhere come in through
 * {@link #of}. Out go {@link CustomerSummary} values ({@link #forEach}) or frozen {@link PurchaseColumns}
 * ({@link #freeze}).
 *
 * <p>Memory grows with customers and their distinct purchase days, never with rows. The table is split into 512
 * stripes by id hash, each built by one thread at a time, so no resize ever copies the whole table at once.
 */
public final class SummaryTable {
  /**
   * One stripe per intake partition ({@link RowSpill}): enough that the part of the table being built stays in cache
   * up to ~5M customers, few enough that pass 1 scatters its rows over few buffers. 512 was ~10 % faster than 1024 at
   * 100M rows / 5M customers (pass 1 shorter), 256 slower (pass 2 longer); the A/B is in bench/README.md, stop 12.
   */
  static final int STRIPE_BITS = 9;
  public static final int STRIPES = 1 << STRIPE_BITS;
  private final Stripe[] stripes = new Stripe[STRIPES];
  private final boolean withOrderIds;
  private final boolean withCategories;
  private final Map<String, Integer> categoryIndex = new ConcurrentHashMap<>();
  private final List<String> categoryNames = new ArrayList<>();

  /**
   * @param withOrderIds rows carry order ids: orders are counted as distinct ids (an order may span several rows)
   * @param withCategories rows carry a product category: lines per category are kept
   */
  public SummaryTable(boolean withOrderIds, boolean withCategories) {
    this.withOrderIds = withOrderIds;
    this.withCategories = withCategories;
    for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe(withOrderIds, withCategories);
  }

  /** A stripe for this table's rows, outside it. */
  Stripe emptyStripe() {
    return new Stripe(withOrderIds, withCategories);
  }

  /**
   * A table of summaries kept elsewhere (the server's stored ones, a cluster's merged ones), customer i of the list
   * counting as first seen on line i + 1, so {@link #freeze} keeps the list's order. Ids are stored as UTF-8. A
   * customer listed twice has its summaries merged.
   *
   * @throws IllegalArgumentException if a summary has no purchase day, or one outside the days a table holds
   */
  public static SummaryTable of(List<CustomerSummary> summaries) {
    boolean withOrderIds = false;
    boolean withCategories = false;
    for (CustomerSummary s : summaries) {
      if (s.purchaseDays().length == 0) throw new IllegalArgumentException(s.customerId() + ": no purchase days");
      if (s.firstDay() < 0 || s.lastDay() > 0xFFFF) {
        throw new IllegalArgumentException(s.customerId() + ": purchase days outside 1970-01-01..2149-06-06");
      }
      // Orders differ from lines only where order ids were read (a cluster's summaries carry them counted, not listed).
      withOrderIds |= s.orderKeys().length > 0 || s.linesWithoutOrderId() != s.lines();
      withCategories |= !s.categoryLines().isEmpty();
    }
    SummaryTable table = new SummaryTable(withOrderIds, withCategories);
    int[] stripeOf = new int[summaries.size()];
    byte[][] ids = new byte[summaries.size()][];
    int[] start = new int[STRIPES + 1];
    int[] idBytes = new int[STRIPES];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = summaries.get(i).customerId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      stripeOf[i] = stripeOf(hash(ids[i], 0, ids[i].length));
      start[stripeOf[i] + 1]++;
      idBytes[stripeOf[i]] += ids[i].length;
    }
    for (int k = 0; k < STRIPES; k++) start[k + 1] += start[k];
    int[] order = new int[ids.length]; // stripe k's summaries are order[start[k]] … order[start[k + 1] - 1]
    int[] next = java.util.Arrays.copyOf(start, STRIPES);
    for (int i = 0; i < ids.length; i++) order[next[stripeOf[i]]++] = i;
    ThreadLocal<DayKeys> keys = ThreadLocal.withInitial(DayKeys::new);
    java.util.stream.IntStream.range(0, STRIPES).parallel().forEach(k -> {
      Stripe stripe = table.stripes[k];
      // Sized once: grown customer by customer, 1M stored summaries spent a sixth of their time copying the stripes'
      // arrays (a run's profile, bench/README.md "A full run at 1M customers: the columns").
      stripe.expect(start[k + 1] - start[k], idBytes[k]);
      DayKeys days = keys.get();
      for (int j = start[k]; j < start[k + 1]; j++) {
        CustomerSummary s = summaries.get(order[j]);
        stripe.addSummary(ids[order[j]], order[j] + 1, s, table.categoryIndexes(s), days);
      }
      stripe.listDays(days);
      stripe.trim();
    });
    return table;
  }

  private static final int[] NO_CATEGORIES = new int[0];

  /**
   * The index of each of a summary's categories, in the order of its map. A loop, not a stream: a stream per summary
   * was a quarter of the time 1M stored summaries took to become a table (bench/README.md, "A full run at 1M
   * customers: the columns").
   */
  private int[] categoryIndexes(CustomerSummary s) {
    if (s.categoryLines().isEmpty()) return NO_CATEGORIES;
    int[] out = new int[s.categoryLines().size()];
    int k = 0;
    for (String name : s.categoryLines().keySet()) out[k++] = category(name);
    return out;
  }

  static int stripeOf(int hash) {
    return hash >>> (32 - STRIPE_BITS);
  }

  Stripe stripe(int k) {
    return stripes[k];
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

  /**
   * A well-mixed 32-bit hash of id bytes: eight bytes at a time, each word multiplied in, then murmur3's finaliser.
   * Every row is hashed twice (to choose its partition, then its slot), and a byte at a time (FNV-1a) it was 3 % of a
   * 100M-row run's CPU.
   */
  public static int hash(byte[] b, int from, int len) {
    long h = 0x9E3779B97F4A7C15L ^ len;
    int i = from;
    int end = from + len;
    for (; i + 8 <= end; i += 8) h = (h ^ (long) SpillWriter.LONG.get(b, i)) * 0xFF51AFD7ED558CCDL;
    if (i < end) {
      long tail = 0;
      for (int shift = 0; i < end; i++, shift += 8) tail |= (b[i] & 0xFFL) << shift;
      h = (h ^ tail) * 0xFF51AFD7ED558CCDL;
    }
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  public long customers() {
    long n = 0;
    for (Stripe s : stripes) n += s.size;
    return n;
  }

  /** Calls {@code action} with every customer's summary (not while rows are being folded in). */
  public void forEach(Charset idCharset, Consumer<CustomerSummary> action) {
    for (Stripe s : stripes) {
      for (int c = 0; c < s.size; c++) action.accept(summary(s, c, idCharset));
    }
  }

  /** A customer's summary and the line (of the rows added) where the customer first appeared. */
  public interface FirstSeenConsumer {
    void accept(CustomerSummary summary, int firstLine);
  }

  /** As {@link #forEach}, with the line where each customer first appeared, to order customers from several tables. */
  public void forEachWithFirstLine(Charset idCharset, FirstSeenConsumer action) {
    for (int k = 0; k < STRIPES; k++) forEachWithFirstLine(k, idCharset, action);
  }

  /**
   * As above, the customers of stripe {@code k} only: the stripe of a customer depends on its id alone, so tables
   * built apart (ranges of a file) hold a customer, and its {@link RowSpill} partition's rows, in the same stripe.
   */
  public void forEachWithFirstLine(int k, Charset idCharset, FirstSeenConsumer action) {
    Stripe s = stripes[k];
    for (int c = 0; c < s.size; c++) action.accept(summary(s, c, idCharset), s.firstLine(c));
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

  /**
   * As {@link #freeze(int)}, making {@code patch} (some of this table's stripes folded again, null for none) ready to
   * apply to the columns returned ({@link StripePatch#applyTo}).
   */
  public PurchaseColumns freeze(int splitDay, StripePatch patch) {
    if (patch == null) return freeze(splitDay);
    int[][] lines = new int[1][];
    PurchaseColumns columns = PurchaseColumns.from(stripes, this::categoryName, splitDay, lines);
    patch.frozen(this::categoryName, splitDay, lines[0]);
    return columns;
  }
}
