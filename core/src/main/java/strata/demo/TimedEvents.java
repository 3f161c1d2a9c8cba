package strata.demo;

import java.util.Arrays;

/**
 * Events of one kind (orders, interactions, surveys) as parallel primitive arrays, sortable by time.
 * Exports are sorted by time, but events are simulated customer by customer; a sort of packed
 * {@code long} keys avoids one object per event.
 */
final class TimedEvents {
  /** Bits for the event index in a sort key; the time offset takes the bits above. */
  private static final int INDEX_BITS = 26;

  private final long originSecond;
  private int count;
  private int[] customer = new int[1024];
  private long[] second = new long[1024];
  /** Free per-kind payload: order value in yuan, or packed interaction attributes. */
  private double[] payload = new double[1024];

  /** @param originSecond epoch second no event precedes (the start of the export window) */
  TimedEvents(long originSecond) {
    this.originSecond = originSecond;
  }

  void add(int customerIndex, long epochSecond, double value) {
    if (count == customer.length) {
      int grown = count * 2;
      customer = Arrays.copyOf(customer, grown);
      second = Arrays.copyOf(second, grown);
      payload = Arrays.copyOf(payload, grown);
    }
    customer[count] = customerIndex;
    second[count] = epochSecond;
    payload[count] = value;
    count++;
  }

  /** Orders events by time; ties keep simulation order, so the result is deterministic. */
  void sortByTime() {
    if (count >= 1 << INDEX_BITS) {
      throw new IllegalStateException("too many events to sort (" + count + "): use fewer customers");
    }
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) {
      long offset = second[i] - originSecond;
      if (offset < 0 || offset >= 1L << (63 - INDEX_BITS)) {
        throw new IllegalStateException("event time outside the export window: " + second[i]);
      }
      keys[i] = offset << INDEX_BITS | i;
    }
    Arrays.sort(keys);
    int[] sortedCustomer = new int[count];
    long[] sortedSecond = new long[count];
    double[] sortedPayload = new double[count];
    for (int k = 0; k < count; k++) {
      int i = (int) (keys[k] & ((1L << INDEX_BITS) - 1));
      sortedCustomer[k] = customer[i];
      sortedSecond[k] = second[i];
      sortedPayload[k] = payload[i];
    }
    customer = sortedCustomer;
    second = sortedSecond;
    payload = sortedPayload;
  }

  int count() {
    return count;
  }

  int customer(int k) {
    return customer[k];
  }

  long second(int k) {
    return second[k];
  }

  double payload(int k) {
    return payload[k];
  }
}
