package strata.demo;

import java.time.LocalDate;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Simulated orders (one event per order, payload = order value in yuan) and each customer's order
 * count and first and last order time, which interactions and surveys depend on.
 */
final class Purchases {
  private static final int DAY = 86_400;
  /** B2B orders arrive in office hours, peaking mid-morning and mid-afternoon (hours 9..17). */
  private static final double[] OFFICE_HOURS = {0.8, 1.4, 1.2, 0.5, 0.7, 1.2, 1.3, 1.0, 0.6};
  /** Individuals order from 8:00 to 23:59, most in the evening. */
  private static final double[] PRIVATE_HOURS = {
    0.3, 0.5, 0.6, 0.7, 0.8, 0.8, 0.6, 0.6, 0.7, 0.8, 0.9, 1.0, 1.3, 1.6, 1.5, 0.9};

  final TimedEvents orders;
  final int[] orderCount;
  /** Epoch second of the first and last order inside the export window; 0 when none. */
  final long[] firstOrder;
  final long[] lastOrder;

  private Purchases(Population people) {
    orders = new TimedEvents(people.windowStartDay * DAY);
    orderCount = new int[people.size];
    firstOrder = new long[people.size];
    lastOrder = new long[people.size];
  }

  static Purchases simulate(Population people, RandomDataGenerator rng) {
    Purchases p = new Purchases(people);
    for (int i = 0; i < people.size; i++) {
      if (people.cohort[i] != Cohort.PROSPECT) {
        p.simulateCustomer(people, i, rng);
      }
    }
    p.orders.sortByTime();
    return p;
  }

  /**
   * Buy-till-you-die: the first order soon after the account is created, then a seasonal Poisson
   * process at the customer's rate, with a chance of leaving for good after each order.
   */
  private void simulateCustomer(Population people, int i, RandomDataGenerator rng) {
    double day = people.createdDay[i] + Math.min(14, rng.nextExponential(4));
    boolean business = !people.individual[i];
    double meanGapAtPeak = 365.0 / (people.rate[i] * Season.MAX_FACTOR);
    while (day < people.endDay[i]) {
      emit(people, i, (long) day, rng);
      if (rng.nextDouble() < people.dropout[i]) {
        return;
      }
      do {
        day += rng.nextExponential(meanGapAtPeak);
      } while (day < people.endDay[i]
          && rng.nextDouble() * Season.MAX_FACTOR >= Season.factor((long) day, business));
    }
  }

  /**
   * Plants the demo experiment's effect ({@link DemoExperiment}): a customer whose last order before its start lies
   * {@value DemoExperiment#LAPSED_DAYS} to {@value DemoExperiment#GONE_DAYS} days before it and who is not held out
   * orders again within seven weeks with chance {@value DemoExperiment#EXTRA_RETURN}. Its own random stream leaves
   * the rest of the data as it was.
   */
  void plantWinBack(Population people, RandomDataGenerator rng) {
    long start = DemoExperiment.start(LocalDate.ofEpochDay(people.asOfDay)).toEpochDay();
    long[] lastBefore = new long[people.size];
    for (int k = 0; k < orders.count(); k++) {
      int i = orders.customer(k);
      if (orders.second(k) < start * DAY) lastBefore[i] = Math.max(lastBefore[i], orders.second(k));
    }
    for (int i = 0; i < people.size; i++) {
      boolean lapsed = lastBefore[i] >= (start - DemoExperiment.GONE_DAYS) * DAY
          && lastBefore[i] < (start - DemoExperiment.LAPSED_DAYS) * DAY;
      if (!lapsed || !DemoExperiment.treated(Population.customerId(i))) continue;
      if (rng.nextDouble() < DemoExperiment.EXTRA_RETURN) emit(people, i, start + 3 + rng.nextInt(46), rng);
    }
    orders.sortByTime();
  }

  private void emit(Population people, int i, long day, RandomDataGenerator rng) {
    if (day < people.windowStartDay) {
      return;
    }
    double value = Math.exp(people.spendLog[i] + 0.5 * rng.nextGaussian());
    long second = day * DAY + timeOfDay(!people.individual[i], rng);
    orders.add(i, second, value);
    if (orderCount[i] == 0) {
      firstOrder[i] = second;
    }
    lastOrder[i] = Math.max(lastOrder[i], second);
    orderCount[i]++;
  }

  static int timeOfDay(boolean business, RandomDataGenerator rng) {
    int hour = business
        ? 9 + Names.pickWeighted(rng, OFFICE_HOURS)
        : 8 + Names.pickWeighted(rng, PRIVATE_HOURS);
    return hour * 3600 + rng.nextInt(3600);
  }
}
