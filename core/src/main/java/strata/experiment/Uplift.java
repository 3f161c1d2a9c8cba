package strata.experiment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import strata.experiment.UpliftResult.Comparison;
import strata.experiment.UpliftResult.Group;
import strata.experiment.UpliftResult.Metric;
import strata.experiment.UpliftResult.Warning;

/**
 * Treated against held out, per tier and over all tiers: the entry point of an experiment's result. A pure function
 * of the outcomes and dates; the server supplies both and stores what it returns. The overall row pools the tiers,
 * which is fair because every tier holds out the same share ({@link HoldoutDesign}).
 */
public final class Uplift {
  private Uplift() {}

  /**
   * @param plannedEnd the experiment's planned last day
   * @param readOn the day the result is read (the server's today); before the planned end the result carries a
   *     {@code peeking} warning: an interval watched until it excludes zero is wrong more often than it says
   */
  public static UpliftResult analyse(List<CustomerOutcome> outcomes, LocalDate plannedEnd, LocalDate readOn,
      UpliftOptions options) {
    List<Warning> warnings = new ArrayList<>();
    if (readOn.isBefore(plannedEnd)) warnings.add(new Warning("peeking", "", plannedEnd.toString(), Double.NaN));
    Map<String, List<CustomerOutcome>> byTier = new TreeMap<>();
    for (CustomerOutcome o : outcomes) byTier.computeIfAbsent(o.stratum(), t -> new ArrayList<>()).add(o);
    List<Group> tiers = new ArrayList<>();
    byTier.forEach((tier, members) -> tiers.add(group(tier, members, options, warnings)));
    Group overall = group("", outcomes, options, warnings);
    return new UpliftResult(List.copyOf(tiers), overall, List.copyOf(warnings));
  }

  private static Group group(String tier, List<CustomerOutcome> members, UpliftOptions options, List<Warning> warnings) {
    List<CustomerOutcome> treated = members.stream().filter(o -> !o.heldOut()).toList();
    List<CustomerOutcome> held = members.stream().filter(CustomerOutcome::heldOut).toList();
    List<Comparison> comparisons = new ArrayList<>();
    comparisons.add(share(Metric.REPURCHASE_RATE, treated, held, o -> true, CustomerOutcome::repurchased, options));
    comparisons.add(share(Metric.RETENTION, treated, held, o -> o.retained() != null,
        o -> Boolean.TRUE.equals(o.retained()), options));
    comparisons.add(share(Metric.MIGRATION_UP, treated, held, o -> true, o -> o.migration() > 0, options));
    comparisons.add(share(Metric.MIGRATION_DOWN, treated, held, o -> true, o -> o.migration() < 0, options));
    comparisons.add(revenue(tier, treated, held, options));
    comparisons.add(nps(treated, held, options));
    for (Comparison c : comparisons) {
      if (c.difference() == null) warnings.add(new Warning("too_few", tier, c.metric().code(), Double.NaN));
    }
    if (treated.size() >= options.minPerGroup() && held.size() >= options.minPerGroup()) {
      balance(tier, "pre_revenue", values(treated, CustomerOutcome::preRevenue), values(held, CustomerOutcome::preRevenue), warnings);
      balance(tier, "pre_repurchase_rate", values(treated, o -> o.preRepurchased() ? 1 : 0),
          values(held, o -> o.preRepurchased() ? 1 : 0), warnings);
    }
    return new Group(tier, treated.size(), held.size(), List.copyOf(comparisons));
  }

  private static Comparison share(Metric metric, List<CustomerOutcome> treated, List<CustomerOutcome> held,
      Predicate<CustomerOutcome> counted, Predicate<CustomerOutcome> yes, UpliftOptions options) {
    long n1 = treated.stream().filter(counted).count();
    long x1 = treated.stream().filter(counted).filter(yes).count();
    long n2 = held.stream().filter(counted).count();
    long x2 = held.stream().filter(counted).filter(yes).count();
    Interval d = enough(n1, n2, options) ? NewcombeDifference.of(x1, n1, x2, n2, options.confidence()) : null;
    return new Comparison(metric, n1, n2, rate(x1, n1), rate(x2, n2), d, null);
  }

  private static Comparison revenue(String tier, List<CustomerOutcome> treated, List<CustomerOutcome> held,
      UpliftOptions options) {
    double[] a = values(treated, CustomerOutcome::revenue);
    double[] b = values(held, CustomerOutcome::revenue);
    Interval welch = null;
    Interval bootstrap = null;
    if (enough(a.length, b.length, options)) {
      welch = WelchT.of(Moments.of(a), Moments.of(b), options.confidence());
      // One stream per tier, derived from the stored seed, so adding a tier does not change another tier's interval.
      bootstrap = PercentileBootstrap.meanDifference(a, b, options.resamples(), options.seed() + tier.hashCode(),
          options.confidence());
    }
    return new Comparison(Metric.REVENUE_PER_CUSTOMER, a.length, b.length, mean(a), mean(b), welch, bootstrap);
  }

  private static Comparison nps(List<CustomerOutcome> treated, List<CustomerOutcome> held, UpliftOptions options) {
    int[] a = treated.stream().filter(o -> o.nps() != null).mapToInt(CustomerOutcome::nps).toArray();
    int[] b = held.stream().filter(o -> o.nps() != null).mapToInt(CustomerOutcome::nps).toArray();
    Interval d = enough(a.length, b.length, options) ? NpsDifference.of(a, b, options.confidence()) : null;
    return new Comparison(Metric.NPS, a.length, b.length, a.length == 0 ? Double.NaN : NpsDifference.nps(a),
        b.length == 0 ? Double.NaN : NpsDifference.nps(b), d, null);
  }

  private static void balance(String tier, String kpi, double[] treated, double[] held, List<Warning> warnings) {
    double smd = Balance.standardizedMeanDifference(Moments.of(treated), Moments.of(held));
    if (Math.abs(smd) > Balance.THRESHOLD) warnings.add(new Warning("unbalanced", tier, kpi, smd));
  }

  private static boolean enough(long n1, long n2, UpliftOptions options) {
    return n1 >= options.minPerGroup() && n2 >= options.minPerGroup();
  }

  private static double rate(long x, long n) {
    return n == 0 ? Double.NaN : (double) x / n;
  }

  private static double mean(double[] values) {
    return values.length == 0 ? Double.NaN : Moments.of(values).mean();
  }

  private static double[] values(List<CustomerOutcome> group, java.util.function.ToDoubleFunction<CustomerOutcome> f) {
    return group.stream().mapToDouble(f).toArray();
  }
}
