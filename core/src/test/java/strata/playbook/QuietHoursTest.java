package strata.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
  private static final ContactCaps NIGHT =
      new ContactCaps(Map.of(), ContactCaps.Limit.NONE, LocalTime.of(21, 0), LocalTime.of(8, 0));
  private static final ContactCaps LUNCH =
      new ContactCaps(Map.of(), ContactCaps.Limit.NONE, LocalTime.of(12, 0), LocalTime.of(14, 0));

  private static LocalDateTime at(String text) {
    return LocalDateTime.parse(text);
  }

  @Test
  void anEveningSendWaitsForTheNextMorning() {
    assertThat(NIGHT.sendableFrom(at("2026-03-10T22:30"))).isEqualTo(at("2026-03-11T08:00"));
    assertThat(NIGHT.sendableFrom(at("2026-03-10T21:00"))).as("the start is quiet").isEqualTo(at("2026-03-11T08:00"));
    // The last evening of a month and of a year roll over like any other.
    assertThat(NIGHT.sendableFrom(at("2026-12-31T23:59"))).isEqualTo(at("2027-01-01T08:00"));
  }

  @Test
  void anEarlyMorningSendWaitsForThisMorning() {
    assertThat(NIGHT.sendableFrom(at("2026-03-11T06:10"))).isEqualTo(at("2026-03-11T08:00"));
    assertThat(NIGHT.sendableFrom(at("2026-03-11T00:00"))).isEqualTo(at("2026-03-11T08:00"));
  }

  @Test
  void daytimeSendsGoAtOnce() {
    assertThat(NIGHT.sendableFrom(at("2026-03-11T08:00"))).as("the end is not quiet").isEqualTo(at("2026-03-11T08:00"));
    assertThat(NIGHT.sendableFrom(at("2026-03-11T20:59:59"))).isEqualTo(at("2026-03-11T20:59:59"));
    assertThat(ContactCaps.NONE.sendableFrom(at("2026-03-10T23:00"))).isEqualTo(at("2026-03-10T23:00"));
  }

  @Test
  void aWindowWithinOneDayEndsTheSameDay() {
    assertThat(LUNCH.sendableFrom(at("2026-03-11T12:30"))).isEqualTo(at("2026-03-11T14:00"));
    assertThat(LUNCH.sendableFrom(at("2026-03-11T11:59"))).isEqualTo(at("2026-03-11T11:59"));
    assertThat(LUNCH.sendableFrom(at("2026-03-11T14:00"))).isEqualTo(at("2026-03-11T14:00"));
    assertThat(LUNCH.sendableFrom(at("2026-03-11T22:30"))).isEqualTo(at("2026-03-11T22:30"));
  }
}
