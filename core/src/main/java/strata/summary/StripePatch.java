package strata.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Some stripes of a table folded again from fewer of its rows (see {@link RowSpill#foldInto(SummaryTable, int,
 * RowSpill.Fingerprints, int, long)}): a run's table without its outlier amounts, which are usually a handful of rows.
 * Applied to the table's frozen columns it gives the columns that freezing the table with those stripes replaced would
 * give, customer for customer and in the same order, without a second table or a second read of the file. Freezing two
 * tables that share their other stripes held both tables' columns beside the stripes: ~300 MB more at 5M customers.
 *
 * <p>Used once: the table is frozen with the patch ({@link SummaryTable#freeze(int, StripePatch)}), which keeps the
 * first lines the merge orders by, and {@link #applyTo} then releases them.
 */
public final class StripePatch {
  private final Stripe[] replaced;
  private final boolean[] isReplaced = new boolean[SummaryTable.STRIPES];
  private int[] stripeOf;
  private PurchaseColumns columns;
  private int[] columnLines;
  private int[] tableLines;

  /** @param replaced the folded-again stripe of each replaced stripe index, null elsewhere */
  private StripePatch(Stripe[] replaced) {
    this.replaced = replaced;
  }

  /** Null when no stripe is replaced. */
  static StripePatch of(Stripe[] replaced) {
    for (Stripe s : replaced) {
      if (s != null) return new StripePatch(replaced);
    }
    return null;
  }

  /** Freezes the replaced stripes, with the table's first lines (by index of its frozen columns). */
  void frozen(IntFunction<String> categoryName, int splitDay, int[] tableFirstLines) {
    List<Stripe> stripes = new ArrayList<>();
    for (int k = 0; k < replaced.length; k++) {
      if (replaced[k] == null) continue;
      stripes.add(replaced[k]);
      isReplaced[k] = true; // also when none of its customers is left
    }
    int[][] lines = new int[1][];
    columns = PurchaseColumns.from(stripes.toArray(new Stripe[0]), categoryName, splitDay, lines);
    columnLines = lines[0];
    stripeOf = new int[columns.size];
    for (int i = 0; i < columns.size; i++) stripeOf[i] = columns.stripe(i);
    tableLines = tableFirstLines;
    java.util.Arrays.fill(replaced, null);
  }

  /**
   * The table's columns with the replaced stripes' customers taken from the patch.
   *
   * @param table the columns the table froze into with this patch
   * @throws IllegalStateException if the table was not frozen with this patch, or the patch was applied already
   */
  public PurchaseColumns applyTo(PurchaseColumns table) {
    if (tableLines == null || tableLines.length != table.size) {
      throw new IllegalStateException("the patch applies once, to the columns its table froze into");
    }
    int[] lines = tableLines;
    tableLines = null;
    return PurchaseColumns.interleave(table, lines, i -> !isReplaced[table.stripe(i)], table::stripe, columns,
        columnLines, stripeOf);
  }
}
