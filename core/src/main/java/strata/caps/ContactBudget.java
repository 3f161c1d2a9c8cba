package strata.caps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import strata.playbook.Channel;
import strata.playbook.ContactCaps;

/**
 * The touches of one customer counted per calendar week (Monday to Sunday) and calendar month, per channel and in
 * all, against a tier's caps. Past contacts and planned touches count alike. Not thread-safe: one per customer.
 */
public final class ContactBudget {
  private final ContactCaps caps;
  private final PeriodCounts counts = new PeriodCounts();

  public ContactBudget(ContactCaps caps) {
    this.caps = caps;
  }

  /** @return the first cap a touch on {@code day} by {@code channel} would exceed, or empty if it fits */
  public Optional<CapHit> check(Channel channel, LocalDate day) {
    ContactCaps.Limit own = caps.limit(channel);
    if (own.week() > 0 && count(channel, week(day)) >= own.week()) return Optional.of(new CapHit(channel, "week", own.week()));
    if (own.month() > 0 && count(channel, month(day)) >= own.month()) {
      return Optional.of(new CapHit(channel, "month", own.month()));
    }
    ContactCaps.Limit all = caps.all();
    if (all.week() > 0 && count(null, week(day)) >= all.week()) return Optional.of(new CapHit(null, "week", all.week()));
    if (all.month() > 0 && count(null, month(day)) >= all.month()) return Optional.of(new CapHit(null, "month", all.month()));
    return Optional.empty();
  }

  /** One cap on a day: the touches counted in its week or month and how many more fit. */
  public record Left(CapHit cap, int used, int left) {}

  /**
   * Every cap of the tier on a day, per channel (in channel order) then across channels, week before month.
   *
   * @return what is used and left of each; left is 0, never negative, when past contacts went over
   */
  public List<Left> left(LocalDate day) {
    List<Left> out = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      if (caps.perChannel().containsKey(channel)) add(out, channel, caps.limit(channel), day);
    }
    add(out, null, caps.all(), day);
    return out;
  }

  private void add(List<Left> out, Channel channel, ContactCaps.Limit limit, LocalDate day) {
    if (limit.week() > 0) {
      int used = count(channel, week(day));
      out.add(new Left(new CapHit(channel, "week", limit.week()), used, Math.max(0, limit.week() - used)));
    }
    if (limit.month() > 0) {
      int used = count(channel, month(day));
      out.add(new Left(new CapHit(channel, "month", limit.month()), used, Math.max(0, limit.month() - used)));
    }
  }

  /** Counts a touch, whether or not it fits (a past contact over the cap still used the budget). */
  public void record(Channel channel, LocalDate day) {
    long week = week(day);
    long month = month(day);
    counts.add(key(channel, week));
    counts.add(key(null, week));
    counts.add(key(channel, month));
    counts.add(key(null, month));
  }

  private int count(Channel channel, long period) {
    return counts.get(key(channel, period));
  }

  // A period and a channel (or all) packed in a long: the planner checks and records a few touches for each of a
  // million customers, and keys built as strings were a third of all it allocated (JFR, bench "Planning 1M customers").
  private static long key(Channel channel, long period) {
    return period * 8 + (channel == null ? 7 : channel.ordinal());
  }

  /** Monday-to-Sunday weeks since the epoch (1970-01-01 was a Thursday), odd numbers in the key. */
  private static long week(LocalDate day) {
    return Math.floorDiv(day.toEpochDay() + 3, 7) * 2 + 1;
  }

  /** Calendar months since year 0, even numbers in the key. */
  private static long month(LocalDate day) {
    return (day.getYear() * 12L + day.getMonthValue() - 1) * 2;
  }
}
