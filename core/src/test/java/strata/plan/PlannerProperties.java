package strata.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import strata.playbook.Channel;
import strata.playbook.ContactCaps;
import strata.tier.TierModel;

class PlannerProperties {
  static final String MODEL_YAML = """
      tiers:
        - id: key
          when: monetary > 1000.0
          service:
            cadence: {every_days: 7, channels: [phone, wechat, visit]}
            triggers:
              complaint: {within_hours: 48, channels: [phone, sms]}
              nps_detractor: {channels: [phone]}
            care:
              - {event: birthday, lead_days: 1, channels: [wechat, sms]}
              - {event: mid_autumn, lead_days: 10, type: gift, channels: [visit]}
              - {event: fixed, id: may_day, date: "05-01", channels: [email, sms]}
            caps: {all: {week: 2, month: 3}, phone: {week: 1}, sms: {month: 1}}
        - id: at_risk
          when: recency_days > 90
          service:
            owner: {policy: keep, return_to_pool: {no_contact_days: 20, warn_days: 3}}
            triggers:
              moved_down: {within_days: 7, channels: [phone, visit]}
              enter: {within_days: 7, channels: [wechat]}
              dormant: {after_days: 100, channels: [sms, email]}
            caps: {all: {week: 1}}
        - id: rest
          service:
            owner: {policy: assign, team: [amy, bob], cap: 5}
            cadence: {every_days: 5, channels: [sms, email]}
            triggers:
              large_first_order: {min_amount: 500, channels: [phone]}
            caps: {all: {month: 2}}
      """;
  static final TierModel MODEL = TierModel.parse(MODEL_YAML, "m.yaml");
  static final String[] TIERS = {"key", "at_risk", "rest"};

  record Input(List<PlanCustomer> customers, List<Contact> history, LocalDate asOf) {}

  static Input input(long seed) {
    Random r = new Random(seed);
    LocalDate asOf = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(800));
    List<PlanCustomer> customers = new ArrayList<>();
    List<Contact> history = new ArrayList<>();
    int n = 1 + r.nextInt(30);
    for (int i = 0; i < n; i++) {
      String id = "c" + i;
      String tier = TIERS[r.nextInt(3)];
      Set<Channel> noConsent = EnumSet.noneOf(Channel.class);
      for (Channel ch : Channel.values()) if (r.nextInt(6) == 0) noConsent.add(ch);
      customers.add(new PlanCustomer(id, tier, r.nextBoolean() ? TIERS[r.nextInt(3)] : null,
          r.nextBoolean() ? asOf.minusDays(30) : null, r.nextInt(3) == 0 ? "" : "rep" + r.nextInt(3), "active",
          maybe(r, asOf, 300), maybe(r, asOf, 40), r.nextInt(1000), maybe(r, asOf, 40), r.nextBoolean() ? r.nextInt(11) : null,
          maybe(r, asOf, 40), maybe(r, asOf, 20000), maybe(r, asOf, 2000), r.nextInt(5) > 0, r.nextBoolean(),
          r.nextInt(10) == 0, noConsent));
      int contacts = r.nextInt(6);
      for (int k = 0; k < contacts; k++) {
        history.add(new Contact(id, asOf.minusDays(r.nextInt(40)), Channel.values()[r.nextInt(5)], null));
      }
    }
    return new Input(customers, history, asOf);
  }

  private static LocalDate maybe(Random r, LocalDate asOf, int days) {
    return r.nextBoolean() ? asOf.minusDays(r.nextInt(days)) : null;
  }

  static Plan plan(Input in, List<PlannedTask> open) {
    return new Planner(MODEL, PlanOptions.DEFAULT).plan(in.customers(), in.history(), open, in.asOf());
  }

  @Property(tries = 300)
  void noCapIsExceededWherePlannedTouchesLand(@ForAll long seed) {
    Input in = input(seed);
    Plan plan = plan(in, List.of());
    Map<String, String> tierOf = new HashMap<>();
    in.customers().forEach(c -> tierOf.put(c.id(), c.tier()));
    Map<String, Integer> counts = new HashMap<>();
    Set<String> plannedPeriods = new HashSet<>();
    in.history().stream().filter(k -> !k.day().isAfter(in.asOf()))
        .forEach(k -> count(counts, k.customerId(), k.channel(), k.day(), null));
    for (PlannedTask t : plan.tasks()) {
      if (t.status() == PlannedTask.Status.OPEN && t.channel() != null) {
        count(counts, t.customerId(), t.channel(), t.due(), plannedPeriods);
      }
    }
    for (String period : plannedPeriods) {
      String[] p = period.split("@");
      ContactCaps caps = MODEL.tiers().stream().filter(t -> t.id().equals(tierOf.get(p[0]))).findFirst().get()
          .service().caps();
      ContactCaps.Limit limit = p[1].equals("all") ? caps.all() : caps.limit(Channel.of(p[1]));
      int max = p[2].startsWith("w") ? limit.week() : limit.month();
      if (max > 0) assertThat(counts.get(period)).as(period).isLessThanOrEqualTo(max);
    }
  }

  private static void count(Map<String, Integer> counts, String customer, Channel ch, LocalDate day, Set<String> planned) {
    String week = "w" + day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String month = "m" + day.getYear() + "-" + day.getMonthValue();
    for (String scope : new String[] {ch.code(), "all"}) {
      for (String period : new String[] {week, month}) {
        String key = customer + "@" + scope + "@" + period;
        counts.merge(key, 1, Integer::sum);
        if (planned != null) planned.add(key);
      }
    }
  }

  @Property(tries = 300)
  void noTwoTasksShareAKeyAndEveryTaskIsExplained(@ForAll long seed) {
    Input in = input(seed);
    Plan plan = plan(in, List.of());
    Map<String, String> tierOf = new HashMap<>();
    in.customers().forEach(c -> tierOf.put(c.id(), c.tier()));
    Set<String> keys = new HashSet<>();
    for (PlannedTask t : plan.tasks()) {
      assertThat(keys.add(t.key())).as("duplicate %s", t.key()).isTrue();
      assertThat(t.key()).startsWith(t.customerId() + "|" + t.trigger().code() + "|");
      assertThat(t.why().tier()).isEqualTo(tierOf.get(t.customerId()));
      assertThat(t.why().trigger()).isEqualTo(t.trigger());
      assertThat(t.why().values()).isNotEmpty();
      assertThat(PlanText.reason(t, Locale.ENGLISH)).startsWith(t.why().tier() + ": ");
      assertThat(t.status() == PlannedTask.Status.SUPPRESSED).isEqualTo(t.stoppedBy() != null);
      assertThat(t.due()).isAfterOrEqualTo(in.asOf());
    }
  }

  @Property(tries = 200)
  void sameInputSamePlanWhateverTheOrder(@ForAll long seed) {
    Input in = input(seed);
    List<PlanCustomer> shuffled = new ArrayList<>(in.customers());
    Collections.shuffle(shuffled, new Random(seed));
    List<Contact> history = new ArrayList<>(in.history());
    Collections.shuffle(history, new Random(seed + 1));
    assertThat(plan(new Input(shuffled, history, in.asOf()), List.of())).isEqualTo(plan(in, List.of()));
  }

  @Property(tries = 200)
  void replanningWithThePlanCreatesNothingAndChangesNothing(@ForAll long seed) {
    Input in = input(seed);
    Plan first = plan(in, List.of());
    Plan again = plan(in, first.tasks());
    assertThat(again.tasks()).noneMatch(PlannedTask::created);
    assertThat(again.tasks()).extracting(PlannedTask::key, PlannedTask::status, PlannedTask::channel)
        .containsExactlyElementsOf(first.tasks().stream()
            .map(t -> org.assertj.core.groups.Tuple.tuple(t.key(), t.status(), t.channel())).toList());
  }
}
