package strata.summary;

import java.util.Arrays;

/**
 * Orders of row indices by the rows' values, equal values keeping the rows' order, on primitive arrays: each key is
 * first turned into its rank among the distinct values, then (rank, position) is packed into one long and the longs
 * are sorted. Sorting boxed Integer indices with a comparator cost an object and a pointer chase per comparison.
 */
public final class RowOrder {
  private RowOrder() {}

  /** Row indices in ascending order of {@code keys} as {@link String#compareTo} orders them, ties by index. */
  public static int[] byText(String[] keys) {
    String[] distinct = Arrays.stream(keys).sorted().distinct().toArray(String[]::new);
    int[] rank = new int[keys.length];
    for (int i = 0; i < keys.length; i++) rank[i] = Arrays.binarySearch(distinct, keys[i]);
    return stable(identity(keys.length), rank);
  }

  /**
   * Row indices in lexicographic order of {@code rows} (first column, then the next, as {@link Double#compare}
   * orders them), ties by index.
   *
   * @param rows one array of equal length per row
   */
  public static int[] lexicographic(double[][] rows) {
    int n = rows.length;
    int[] order = identity(n);
    if (n == 0) return order;
    // Least significant column first: each pass is stable, so earlier columns break the ties of later ones.
    for (int j = rows[0].length - 1; j >= 0; j--) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) column[i] = rows[i][j];
      order = stable(order, ranks(column));
    }
    return order;
  }

  /** Per value its rank among the distinct values, in {@link Double#compare} order (that of Arrays.sort). */
  private static int[] ranks(double[] values) {
    double[] distinct = values.clone();
    Arrays.sort(distinct);
    int m = 0;
    for (int k = 0; k < distinct.length; k++) {
      if (m == 0 || Double.compare(distinct[m - 1], distinct[k]) != 0) distinct[m++] = distinct[k];
    }
    int[] rank = new int[values.length];
    for (int i = 0; i < values.length; i++) rank[i] = Arrays.binarySearch(distinct, 0, m, values[i]);
    return rank;
  }

  /** {@code order} re-sorted by {@code rank} of each row (ranks non-negative), equal ranks keeping their place. */
  private static int[] stable(int[] order, int[] rank) {
    long[] packed = new long[order.length];
    for (int k = 0; k < order.length; k++) packed[k] = (long) rank[order[k]] << 32 | k;
    Arrays.sort(packed);
    int[] out = new int[order.length];
    for (int k = 0; k < order.length; k++) out[k] = order[(int) packed[k]];
    return out;
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    return order;
  }
}
