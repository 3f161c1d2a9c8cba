package strata.playbook;

import java.time.MonthDay;
import java.util.List;
import java.util.Locale;

/**
 * A date in the care calendar: a task {@code leadDays} before each occurrence.
 *
 * @param id the event's name in task keys and output: the kind's code, or the id given to a fixed date
 * @param fixedDate the month and day of a {@link Kind#FIXED} event, else null
 */
public record CareEvent(String id, Kind kind, MonthDay fixedDate, int leadDays, List<Channel> channels,
    TaskType type, Purpose purpose) {

  public enum Kind {
    BIRTHDAY, ANNIVERSARY, SPRING_FESTIVAL, DRAGON_BOAT, MID_AUTUMN, FIXED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind of(String code) {
      for (Kind k : values()) {
        if (k.code().equals(code)) return k;
      }
      return null;
    }
  }
}
