package strata.playbook;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

/**
 * Most touches of one customer per calendar week (Monday to Sunday) and calendar month, per channel and across
 * all channels, and the hours in which no message may be sent.
 *
 * @param quietFrom start of the quiet hours, or null for none; {@code quietTo} their end (may be the next morning)
 */
public record ContactCaps(Map<Channel, Limit> perChannel, Limit all, LocalTime quietFrom, LocalTime quietTo) {
  public static final ContactCaps NONE = new ContactCaps(Map.of(), Limit.NONE, null, null);

  /** At most {@code week} and {@code month} touches; 0 or less means no limit for that period. */
  public record Limit(int week, int month) {
    public static final Limit NONE = new Limit(0, 0);
  }

  public Limit limit(Channel channel) {
    return perChannel.getOrDefault(channel, Limit.NONE);
  }

  /**
   * The first moment at or after {@code at} outside the quiet hours, in the same wall-clock time as {@code at}:
   * {@code at} itself when it is outside them (or there are none), else the end of the window it falls in. The start
   * is quiet, the end is not: with 21:00-08:00, 21:00 and 07:59 wait until 08:00, 08:00 does not.
   */
  public LocalDateTime sendableFrom(LocalDateTime at) {
    if (quietFrom == null) return at;
    LocalTime t = at.toLocalTime();
    if (quietFrom.isBefore(quietTo)) { // within one day, e.g. 12:00-14:00
      return !t.isBefore(quietFrom) && t.isBefore(quietTo) ? at.toLocalDate().atTime(quietTo) : at;
    }
    // Across midnight, e.g. 21:00-08:00: the evening waits for the next morning, the early morning for this one.
    if (!t.isBefore(quietFrom)) return at.toLocalDate().plusDays(1).atTime(quietTo);
    if (t.isBefore(quietTo)) return at.toLocalDate().atTime(quietTo);
    return at;
  }
}
