package strata.playbook;

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
}
