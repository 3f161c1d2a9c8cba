package strata.summary;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The frozen summaries of all purchasing customers as parallel primitive arrays, index i being the i-th customer in
 * order of first appearance in the transactions file. This is what the scoring methods read; a {@link SummaryTable}
 * builds it ({@link SummaryTable#freeze}), whether its rows came from a file or its summaries from a store.
 */
public final class PurchaseColumns implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  public final int size;
  private final byte[] idBytes;
  private final int[] idStart;
  public final int[] firstDay;
  public final int[] lastDay;
  public final int[] distinctDays;
  public final long[] orders;
  public final long[] lines;
  public final long[] netCents;
  public final long[] refundCents;
  public final long[] firstDayNetCents;
  /** Most frequent category of each customer, null when categories are unknown. */
  public final String[] topCategory;
  /** Share of the customer's rows in {@link #topCategory}; NaN when the customer has none; null without categories. */
  public final float[] topCategoryShare;
  /** Epoch day of the calibration/holdout split, or -1 when there is none. */
  public final int splitDay;
  /** Distinct purchase days on or before {@link #splitDay}; null without a split. */
  public final int[] daysUpToSplit;
  /** Last purchase day on or before {@link #splitDay} (-1 if none); null without a split. */
  public final int[] lastDayUpToSplit;

  /** @param ordersAreLines orders are counted as rows (no order ids): {@link #orders} is then {@link #lines} */
  private PurchaseColumns(int size, byte[] idBytes, int[] idStart, boolean withCategories, int splitDay,
      boolean ordersAreLines) {
    this.size = size;
    this.idBytes = idBytes;
    this.idStart = idStart;
    firstDay = new int[size];
    lastDay = new int[size];
    distinctDays = new int[size];
    lines = new long[size];
    orders = ordersAreLines ? lines : new long[size]; // one array less at millions of customers
    netCents = new long[size];
    refundCents = new long[size];
    firstDayNetCents = new long[size];
    topCategory = withCategories ? new String[size] : null;
    topCategoryShare = withCategories ? new float[size] : null;
    this.splitDay = splitDay;
    daysUpToSplit = splitDay < 0 ? null : new int[size];
    lastDayUpToSplit = splitDay < 0 ? null : new int[size];
  }

  public String customerId(int i, Charset charset) {
    return new String(idBytes, idStart[i], idStart[i + 1] - idStart[i], charset);
  }

  /** The ids alone, sharing these columns' arrays: for a caller that keeps ids beyond the other columns. */
  public Ids ids() {
    return new Ids(idBytes, idStart, size);
  }

  /** Customer ids by index, as {@link PurchaseColumns} holds them. */
  public record Ids(byte[] bytes, int[] start, int size) {
    public String get(int i, Charset charset) {
      return new String(bytes, start[i], start[i + 1] - start[i], charset);
    }
  }

  static PurchaseColumns from(Stripe[] stripes, IntFunction<String> categoryName, int splitDay) {
    return from(stripes, categoryName, splitDay, null);
  }

  /**
   * @param firstLines null, or receives the line where each customer first appeared, by index (for a
   *     {@link StripePatch})
   */
  static PurchaseColumns from(Stripe[] stripes, IntFunction<String> categoryName, int splitDay, int[][] firstLines) {
    long total = 0;
    long idTotal = 0;
    for (Stripe s : stripes) {
      total += s.size;
      idTotal += s.idBytesUsed();
    }
    if (total > Integer.MAX_VALUE - 16 || idTotal > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("more than 2^31 customers or id bytes: use the cluster engine");
    }
    int n = (int) total;
    // Stripes are independent: frozen and copied in parallel, as this phase otherwise kept one core of two idle.
    java.util.stream.IntStream.range(0, stripes.length).parallel().forEach(si -> stripes[si].freeze(splitDay));
    int[][] position = positions(stripes, n);
    int[] idStart = new int[n + 1];
    for (int si = 0; si < stripes.length; si++) {
      Stripe s = stripes[si];
      for (int c = 0; c < s.size; c++) idStart[position[si][c] + 1] = s.idLength(c);
    }
    for (int i = 0; i < n; i++) idStart[i + 1] += idStart[i];
    boolean withCategories = stripes.length > 0 && stripes[0].categories != null;
    boolean ordersAreLines = stripes.length > 0 && !stripes[0].withOrderIds();
    PurchaseColumns out = new PurchaseColumns(n, new byte[(int) idTotal], idStart, withCategories, splitDay,
        ordersAreLines);
    int[] lines = firstLines == null ? null : new int[n];
    if (firstLines != null) firstLines[0] = lines;
    java.util.stream.IntStream.range(0, stripes.length).parallel().forEach(si -> {
      if (lines != null) {
        for (int c = 0; c < stripes[si].size; c++) lines[position[si][c]] = stripes[si].firstLine(c);
      }
      out.copy(stripes[si], position[si], categoryName); // stripes write disjoint positions
      stripes[si] = null; // release as we go: peak memory stays near one table, not two
      position[si] = null;
    });
    return out;
  }

  /**
   * The buyers at {@code rows}, in that order: a part of a run's buyers (see {@code strata.run.PartScoring}), with
   * the run's split day.
   */
  public PurchaseColumns select(int[] rows) {
    int n = rows.length;
    int[] start = new int[n + 1];
    for (int k = 0; k < n; k++) start[k + 1] = start[k] + idStart[rows[k] + 1] - idStart[rows[k]];
    PurchaseColumns out = new PurchaseColumns(n, new byte[start[n]], start, topCategory != null, splitDay,
        orders == lines);
    for (int k = 0; k < n; k++) out.set(k, this, rows[k]);
    return out;
  }

  /**
   * The customers of {@code a} for which {@code keepA} holds and all of {@code b}'s, in order of the line where each
   * first appeared (ties, from line 2^31 − 1 on, by stripe as {@link #positions} orders them): the columns that
   * freezing a table with some stripes replaced gives, from the table's columns and the replaced stripes' (see
   * {@link StripePatch}).
   *
   * @param aLines and {@code bLines}: each customer's first line, by index, ascending
   * @param aStripe the stripe of each of {@code a}'s customers (only read on a tie)
   */
  static PurchaseColumns interleave(PurchaseColumns a, int[] aLines, java.util.function.IntPredicate keepA,
      java.util.function.IntUnaryOperator aStripe, PurchaseColumns b, int[] bLines, int[] bStripe) {
    boolean[] kept = new boolean[a.size];
    int n = b.size;
    for (int i = 0; i < a.size; i++) if (kept[i] = keepA.test(i)) n++;
    int[] from = new int[n]; // a's customer i as i, b's customer j as ~j
    int i = 0;
    int j = 0;
    for (int k = 0; k < n; k++) {
      while (i < a.size && !kept[i]) i++;
      boolean takeA = j == b.size || i < a.size && (aLines[i] < bLines[j]
          || aLines[i] == bLines[j] && aStripe.applyAsInt(i) < bStripe[j]);
      from[k] = takeA ? i++ : ~j++;
    }
    int[] start = new int[n + 1];
    for (int k = 0; k < n; k++) {
      PurchaseColumns src = from[k] >= 0 ? a : b;
      int at = from[k] >= 0 ? from[k] : ~from[k];
      start[k + 1] = start[k] + src.idStart[at + 1] - src.idStart[at];
    }
    PurchaseColumns out = new PurchaseColumns(n, new byte[start[n]], start, a.topCategory != null, a.splitDay,
        a.orders == a.lines);
    for (int k = 0; k < n; k++) {
      PurchaseColumns src = from[k] >= 0 ? a : b;
      out.set(k, src, from[k] >= 0 ? from[k] : ~from[k]);
    }
    return out;
  }

  /** Customer {@code k} is {@code src}'s customer {@code i}; the ids' starts are set. */
  private void set(int k, PurchaseColumns src, int i) {
    System.arraycopy(src.idBytes, src.idStart[i], idBytes, idStart[k], idStart[k + 1] - idStart[k]);
    firstDay[k] = src.firstDay[i];
    lastDay[k] = src.lastDay[i];
    distinctDays[k] = src.distinctDays[i];
    lines[k] = src.lines[i];
    orders[k] = src.orders[i];
    netCents[k] = src.netCents[i];
    refundCents[k] = src.refundCents[i];
    firstDayNetCents[k] = src.firstDayNetCents[i];
    if (topCategory != null) {
      topCategory[k] = src.topCategory[i];
      topCategoryShare[k] = src.topCategoryShare[i];
    }
    if (daysUpToSplit != null) {
      daysUpToSplit[k] = src.daysUpToSplit[i];
      lastDayUpToSplit[k] = src.lastDayUpToSplit[i];
    }
  }

  /** The stripe customer {@code i}'s id hashes to. */
  int stripe(int i) {
    return SummaryTable.stripeOf(SummaryTable.hash(idBytes, idStart[i], idStart[i + 1] - idStart[i]));
  }

  /**
   * Final index of every (stripe, local) customer: ascending by the line where the customer first appeared. Lines from
   * 2^31 − 1 on all read as {@link Integer#MAX_VALUE}; customers sharing it stay in stripe, then local, order, as the
   * lines are listed in that order and {@link IntRanks} keeps equal keys in place.
   *
   * <p>Peak cost 12 bytes per customer (the first lines and two int arrays inside {@link IntRanks}), then 8 while the
   * ranks are split by stripe: what the packed long keys and the result cost when this was a sort.
   */
  private static int[][] positions(Stripe[] stripes, int n) {
    int[] rank = IntRanks.of(firstLines(stripes, n));
    int[][] position = new int[stripes.length][];
    int from = 0;
    for (int si = 0; si < stripes.length; si++) {
      position[si] = Arrays.copyOfRange(rank, from, from + stripes[si].size);
      from += stripes[si].size;
    }
    return position;
  }

  /** The first line of every customer, stripe by stripe. */
  private static int[] firstLines(Stripe[] stripes, int n) {
    int[] lines = new int[n];
    int k = 0;
    for (Stripe s : stripes) {
      for (int c = 0; c < s.size; c++) lines[k++] = s.firstLine(c);
    }
    return lines;
  }

  private void copy(Stripe s, int[] position, IntFunction<String> categoryName) {
    for (int c = 0; c < s.size; c++) {
      int i = position[c];
      System.arraycopy(s.idBytes, s.idStart(c), idBytes, idStart[i], s.idLength(c));
      firstDay[i] = s.firstDay(c);
      lastDay[i] = s.lastDay(c);
      distinctDays[i] = s.distinctDays(c);
      orders[i] = s.orders(c);
      lines[i] = s.lines(c);
      netCents[i] = s.netCents(c);
      refundCents[i] = s.refundCents(c);
      firstDayNetCents[i] = s.firstDayCents(c);
      if (topCategoryShare != null) topCategoryShare[i] = Float.NaN;
      if (daysUpToSplit != null) {
        daysUpToSplit[i] = s.daysUpToSplit(c);
        lastDayUpToSplit[i] = s.lastDayUpToSplit(c);
      }
      if (s.categories != null && s.categories.count(c) > 0) {
        // Ties go to the first name in order: category numbers follow the order in which intake threads
        // met them, so "first number wins" gave different top categories from run to run and engine to engine.
        long bestCount = 0;
        String best = null;
        for (long entry : s.categories.keys(c)) {
          long count = entry & COUNT_MASK;
          String name = categoryName.apply((int) (entry >>> KeyLists.COUNT_BITS));
          if (count > bestCount || count == bestCount && name.compareTo(best) < 0) {
            bestCount = count;
            best = name;
          }
        }
        topCategory[i] = best;
        topCategoryShare[i] = (float) (bestCount / (double) s.lines(c));
      }
    }
  }

  private static final long COUNT_MASK = (1L << KeyLists.COUNT_BITS) - 1;
}
