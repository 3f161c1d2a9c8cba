package strata.asof;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The one as-of policy of every engine (the command line, the server's runs and dry runs, Spark):
 * <ul>
 *   <li>A run scores the data as of one day. Unless asked for another, that is the day after the latest purchase:
 *       the same data gives the same tiers whenever it is scored (a file from 1998 is scored as of 1998, not as of
 *       today), and a live system's latest purchase is yesterday or today.
 *   <li>Rows dated after the run's as-of day are valid but outside the run: they are counted, never scored, and never
 *       move the as-of day.
 *   <li>Rows dated more than {@value #FUTURE_TOLERANCE_DAYS} day after today (by the machine's clock) cannot be
 *       true and are rejected as {@code future_date}: one mistyped year must not move anybody's as-of day.
 * </ul>
 */
public final class AsOfPolicy {
  /** A day of tolerance: the machine and the people who wrote the data may be in different time zones. */
  public static final int FUTURE_TOLERANCE_DAYS = 1;

  private AsOfPolicy() {}

  /** The latest epoch day a row may carry today. */
  public static int latestAcceptedDay() {
    return latestAcceptedDay(Clock.systemDefaultZone());
  }

  public static int latestAcceptedDay(Clock clock) {
    return (int) LocalDate.now(clock).toEpochDay() + FUTURE_TOLERANCE_DAYS;
  }

  /**
   * The as-of day of a run.
   *
   * @param requested the day asked for, or null for the default
   * @param lastPurchaseDay epoch day of the latest stored or read purchase, or {@link Integer#MIN_VALUE} if none
   */
  public static LocalDate resolve(LocalDate requested, int lastPurchaseDay, Clock clock) {
    if (requested != null) return requested;
    if (lastPurchaseDay == Integer.MIN_VALUE) return LocalDate.now(clock);
    // Rows stored before future dates were refused may still lie beyond; they stay after the as-of day.
    return LocalDate.ofEpochDay(Math.min((long) lastPurchaseDay, latestAcceptedDay(clock)) + 1);
  }

  public static LocalDate resolve(LocalDate requested, int lastPurchaseDay) {
    return resolve(requested, lastPurchaseDay, Clock.systemDefaultZone());
  }
}
