package strata.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Where in the order stream the deliberate export defects go: after fixed fractions of the orders,
 * so they are spread through the file like real glitches, and the impossible date after the last
 * order before the month it claims.
 */
final class DirtyRows {
  enum Kind { UNPARSEABLE_AMOUNT, IMPOSSIBLE_DATE, MISSING_CUSTOMER_ID, DUPLICATE_LINE, CURRENCY_FORMATTED_AMOUNT }

  private final int[] position;
  private final Kind[] kind;
  private final int year;

  DirtyRows(TimedEvents orders, LocalDate asOf) {
    int n = orders.count();
    if (n == 0) {
      throw new IllegalStateException("no orders were simulated: too few customers for demo data");
    }
    year = asOf.getYear() - 1;
    kind = new Kind[] {
      Kind.UNPARSEABLE_AMOUNT, Kind.DUPLICATE_LINE, Kind.MISSING_CUSTOMER_ID,
      Kind.CURRENCY_FORMATTED_AMOUNT, Kind.UNPARSEABLE_AMOUNT, Kind.IMPOSSIBLE_DATE};
    position = new int[] {
      n * 15 / 100, n * 35 / 100, n / 2, n * 62 / 100, n * 80 / 100, lastOrderBeforeMarch(orders)};
  }

  /** The defects to write right after order {@code k} (in sorted order), usually none. */
  List<Kind> after(int k) {
    List<Kind> kinds = List.of();
    for (int d = 0; d < position.length; d++) {
      if (position[d] == k) {
        if (kinds.isEmpty()) {
          kinds = new ArrayList<>(2);
        }
        kinds.add(kind[d]);
      }
    }
    return kinds;
  }

  /** 30 February of the year before as-of: always inside the three-year export window. */
  String impossibleDate() {
    return year + "-02-30";
  }

  String impossibleDateOrderNumber() {
    return "SO" + year + "02300001";
  }

  private int lastOrderBeforeMarch(TimedEvents orders) {
    long march = LocalDate.of(year, 3, 1).toEpochSecond(java.time.LocalTime.MIDNIGHT, ZoneOffset.UTC);
    int last = 0;
    for (int k = 0; k < orders.count() && orders.second(k) < march; k++) {
      last = k;
    }
    return last;
  }
}
