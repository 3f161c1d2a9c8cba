package strata.bench.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import strata.plan.Contact;
import strata.plan.PlanCustomer;
import strata.plan.PlannedTask;
import strata.plan.Planner;
import strata.playbook.Channel;

/**
 * Seeded planner inputs for N customers of the default model: tiers in Pareto-like shares, a tier move for one in ten,
 * owners from a team of 200 (the pool for low value), purchase, complaint, NPS, birthday and created dates, missing
 * phones and emails, do-not-contact and withheld consent; interactions of the last 120 days; and the open tasks and
 * completed tasks of the plan made a week before, so re-planning keeps, cancels and skips as it does in production.
 */
record PlanInputs(List<PlanCustomer> customers, List<Contact> history, List<PlannedTask> open, LocalDate asOf) {
  static final LocalDate AS_OF = LocalDate.of(2026, 9, 10); // 中秋 2026-09-25 falls in the lead times
  static final String[] TIERS = {"high_value", "at_risk", "potential", "low_value"};
  private static final double[] TIER_SHARES = {0.05, 0.10, 0.25, 0.60};
  private static final String[] STAGES = {"active", "dormant", "active", "churned"};
  private static final Channel[] CHANNELS = Channel.values();
  private static final int REPS = 200;

  /** Customers and interactions only; the previous week's plan is added by {@link #withPreviousPlan}. */
  static PlanInputs generate(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<PlanCustomer> customers = new ArrayList<>(n);
    List<Contact> history = new ArrayList<>(n * 2);
    for (int i = 0; i < n; i++) {
      String id = String.format("C%08d", i);
      int tier = pick(random.nextDouble());
      PlanCustomer c = customer(id, tier, random);
      customers.add(c);
      // Busier tiers are touched more: about 4, 3, 2 and 0.5 interactions in 120 days.
      double mean = new double[] {4, 3, 2, 0.5}[tier];
      for (int k = poisson(mean, random); k > 0; k--) {
        history.add(new Contact(id, AS_OF.minusDays(1 + random.nextInt(120)), CHANNELS[random.nextInt(CHANNELS.length)],
            null));
      }
    }
    return new PlanInputs(customers, history, List.of(), AS_OF);
  }

  /**
   * Adds the plan made a week earlier for the same customers from the interactions known then: 60 % of its open tasks
   * due before as-of are completed (a contact with the task's key), the rest stay open or suppressed.
   */
  PlanInputs withPreviousPlan(Planner planner, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    LocalDate before = asOf.minusDays(7);
    List<Contact> earlier = history.stream().filter(k -> k.day().isBefore(before)).toList();
    List<PlannedTask> previous = planner.plan(customers, earlier, List.of(), before).tasks();
    List<Contact> all = new ArrayList<>(history);
    List<PlannedTask> open = new ArrayList<>();
    for (PlannedTask t : previous) {
      if (t.status() == PlannedTask.Status.OPEN && t.due().isBefore(asOf) && random.nextDouble() < 0.6) {
        all.add(new Contact(t.customerId(), t.due(), t.channel(), t.key()));
      } else if (t.status() == PlannedTask.Status.OPEN || t.status() == PlannedTask.Status.SUPPRESSED) {
        open.add(t);
      }
    }
    return new PlanInputs(customers, all, open, asOf);
  }

  private static PlanCustomer customer(String id, int tier, SplittableRandom r) {
    String previousTier = r.nextDouble() < 0.1 ? TIERS[r.nextInt(TIERS.length)] : TIERS[tier];
    String owner = tier == 3 || (tier == 2 && r.nextDouble() < 0.2) ? "" : String.format("rep%03d", r.nextInt(REPS));
    LocalDate created = AS_OF.minusDays(30 + r.nextInt(3650));
    LocalDate firstOrder = r.nextDouble() < 0.9 ? created.plusDays(r.nextInt(30)) : null;
    LocalDate lastPurchase = null;
    if (firstOrder != null) {
      long span = Math.max(1, AS_OF.toEpochDay() - firstOrder.toEpochDay());
      lastPurchase = firstOrder.plusDays(r.nextLong(span));
    }
    // Lognormal first orders, median ≈ 400: about 0.6 % reach the potential tier's 5,000 for a thank-you call.
    double firstAmount = firstOrder == null ? 0 : Math.round(Math.exp(6 + r.nextGaussian()));
    LocalDate complaint = r.nextDouble() < 0.02 ? AS_OF.minusDays(r.nextInt(40)) : null;
    boolean answered = r.nextDouble() < 0.10;
    Integer nps = answered ? r.nextInt(11) : null;
    LocalDate npsDate = answered ? AS_OF.minusDays(r.nextInt(60)) : null;
    LocalDate birthday =
        r.nextDouble() < 0.7 ? LocalDate.of(1950 + r.nextInt(56), 1, 1).plusDays(r.nextInt(365)) : null;
    Set<Channel> noConsent = r.nextDouble() < 0.05 ? EnumSet.of(Channel.SMS) : Set.of();
    return new PlanCustomer(id, TIERS[tier], previousTier, AS_OF.minusDays(30), owner, STAGES[tier], lastPurchase,
        firstOrder, firstAmount, complaint, nps, npsDate, birthday, created, r.nextDouble() < 0.9, r.nextDouble() < 0.6,
        r.nextDouble() < 0.01, noConsent);
  }

  private static int pick(double u) {
    for (int t = 0; t < TIER_SHARES.length - 1; t++) {
      if (u < TIER_SHARES[t]) return t;
      u -= TIER_SHARES[t];
    }
    return TIER_SHARES.length - 1;
  }

  private static int poisson(double mean, SplittableRandom r) {
    double limit = Math.exp(-mean);
    double p = r.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= r.nextDouble();
      k++;
    }
    return k;
  }
}
