package strata.product;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import strata.i18n.Labels;

/** Product preference as text for files and reports: short lists and the reason for a recommendation. */
public final class ProductText {
  /** Items listed per customer in customers.csv. */
  public static final int LISTED = 3;

  private ProductText() {}

  /** E.g. "customers who buy A4纸 also buy 墨盒: lift 3.2, 120 customers", in the locale's language. */
  public static String reason(Recommendation r, Locale locale) {
    return MessageFormat.format(Labels.get("product.reason", locale).replace("'", "''"), r.because(), r.item(),
        String.format(Locale.ROOT, "%.1f", r.lift()), Long.toString(r.customers()));
  }

  /** The first {@link #LISTED} items by spend with their share, e.g. "办公用品:0.62|耗材:0.30". */
  public static String shares(ItemTally tally) {
    StringBuilder sb = new StringBuilder();
    for (ItemTally.Item item : listed(tally)) {
      long total = tally.totalCents();
      if (sb.length() > 0) sb.append('|');
      // Exact in cents, rounded half up: a double's %.3f may round a true ...5 down.
      sb.append(item.name()).append(':').append(total <= 0 ? "" : java.math.BigDecimal.valueOf(item.cents())
          .divide(java.math.BigDecimal.valueOf(total), 3, java.math.RoundingMode.HALF_UP).toPlainString());
    }
    return sb.toString();
  }

  /** The same items with their last purchase date, e.g. "办公用品:2024-03-01|耗材:2024-01-12". */
  public static String lastPurchases(ItemTally tally) {
    StringBuilder sb = new StringBuilder();
    for (ItemTally.Item item : listed(tally)) {
      if (sb.length() > 0) sb.append('|');
      sb.append(item.name()).append(':').append(LocalDate.ofEpochDay(item.lastDay()));
    }
    return sb.toString();
  }

  /** Items with a positive spend, largest first, at most {@link #LISTED}. */
  private static List<ItemTally.Item> listed(ItemTally tally) {
    return tally.bySpend().stream().filter(i -> i.cents() > 0).limit(LISTED).toList();
  }
}
