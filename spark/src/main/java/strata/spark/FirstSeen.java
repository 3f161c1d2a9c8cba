package strata.spark;

import java.io.Serializable;
import strata.summary.CustomerSummary;

/**
 * A customer's summary and where the customer first appeared ({@code range << 32 | line in range}), so the merged
 * customers can be put in the order of the file, as the single-machine engine has them.
 */
record FirstSeen(long firstRow, CustomerSummary summary) implements Serializable {

  /** Core's merge of the two summaries (one customer seen in two ranges). */
  FirstSeen merge(FirstSeen other) {
    return new FirstSeen(Math.min(firstRow, other.firstRow), summary.merge(other.summary));
  }

  /**
   * The summary without its order-id fingerprints, counted instead (scoring needs the number of orders only): once
   * every range is merged, the distinct ids are known, and the driver need not hold them.
   */
  FirstSeen withOrdersCounted() {
    CustomerSummary s = summary;
    return new FirstSeen(firstRow, new CustomerSummary(s.customerId(), s.purchaseDays(), new long[0], s.orders(),
        s.lines(), s.netCents(), s.refundCents(), s.firstDayNetCents(), s.categoryLines()));
  }

  /**
   * Sent as one byte array ({@link SummaryWire}), as the sort into file order shuffles every customer: Java
   * serialization walks the summary's fields, id, arrays and map by reflection, an object each.
   */
  private Object writeReplace() {
    return new Wire(SummaryWire.write(java.util.List.of(this)));
  }

  /** A {@link FirstSeen} as the shuffle carries it. */
  private record Wire(byte[] bytes) implements Serializable {
    private Object readResolve() {
      return SummaryWire.read(bytes).get(0);
    }
  }
}
