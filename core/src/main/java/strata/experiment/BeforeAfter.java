package strata.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import strata.experiment.UpliftResult.Metric;
import strata.experiment.UpliftResult.Warning;
import strata.tier.TierModel;
import strata.tier.TierRule;

/**
 * Before/after of a new model version (its rules or its playbooks) without a control group: the customers in tiers
 * the change touched against those in tiers it left as they were, each compared over equal windows before and after
 * the change with {@link DifferenceInDifferences}. Weaker evidence than a holdout, and every result says so
 * ({@link DifferenceInDifferences#EVIDENCE}).
 */
public final class BeforeAfter {
  private BeforeAfter() {}

  /** One customer of the snapshot that published the change; revenue in money, per window. */
  public record Customer(String id, boolean touched, double revenueBefore, double revenueAfter, boolean boughtBefore,
      boolean boughtAfter) {}

  /**
   * @param touchedBefore, touchedAfter, untouchedBefore, untouchedAfter each group's mean per window (a share for
   *     repurchase, money for revenue; NaN for an empty group)
   * @param difference the touched group's change minus the untouched group's, or null when a group has fewer than
   *     the minimum customers
   */
  public record Comparison(Metric metric, long touched, long untouched, double touchedBefore, double touchedAfter,
      double untouchedBefore, double untouchedAfter, Interval difference) {}

  /**
   * @param warnings {@code too_few} (detail = the metric) and {@code after_incomplete} (detail = the after window's
   *     planned last day: the after window is still running, so it is shorter than the before window)
   */
  public record Result(String evidence, List<Comparison> comparisons, List<Warning> warnings) {}

  /** Repurchase (bought in the window) and revenue per customer, touched against untouched. */
  public static Result analyse(List<Customer> customers, int minPerGroup, double confidence, String plannedAfterEnd,
      boolean afterComplete) {
    List<Customer> touched = customers.stream().filter(Customer::touched).toList();
    List<Customer> untouched = customers.stream().filter(c -> !c.touched()).toList();
    List<Warning> warnings = new ArrayList<>();
    if (!afterComplete) warnings.add(new Warning("after_incomplete", "", plannedAfterEnd, Double.NaN));
    List<Comparison> out = new ArrayList<>();
    out.add(compare(Metric.REPURCHASE_RATE, touched, untouched, c -> c.boughtBefore() ? 1.0 : 0.0,
        c -> c.boughtAfter() ? 1.0 : 0.0, minPerGroup, confidence, warnings));
    out.add(compare(Metric.REVENUE_PER_CUSTOMER, touched, untouched, Customer::revenueBefore, Customer::revenueAfter,
        minPerGroup, confidence, warnings));
    return new Result(DifferenceInDifferences.EVIDENCE, out, warnings);
  }

  private static Comparison compare(Metric metric, List<Customer> touched, List<Customer> untouched,
      Function<Customer, Double> before, Function<Customer, Double> after, int minPerGroup, double confidence,
      List<Warning> warnings) {
    double[] tb = values(touched, before);
    double[] ta = values(touched, after);
    double[] ub = values(untouched, before);
    double[] ua = values(untouched, after);
    Interval difference = null;
    if (Math.min(touched.size(), untouched.size()) < Math.max(2, minPerGroup)) {
      warnings.add(new Warning("too_few", "", metric.code(), Double.NaN));
    } else {
      difference = DifferenceInDifferences.of(tb, ta, ub, ua, confidence);
    }
    return new Comparison(metric, touched.size(), untouched.size(), mean(tb), mean(ta), mean(ub), mean(ua),
        difference);
  }

  /**
   * The tiers of the new model that the change touched: new ones, and those whose condition or service playbook
   * differs from the same tier's in the old model. Names and descriptions are not a change in how customers are
   * treated.
   */
  public static Set<String> touchedTiers(TierModel before, TierModel after) {
    Map<String, TierRule> old = before.tiers().stream().collect(Collectors.toMap(TierRule::id, t -> t));
    Set<String> out = new LinkedHashSet<>();
    for (TierRule t : after.tiers()) {
      TierRule o = old.get(t.id());
      if (o == null || !o.condition().strip().equals(t.condition().strip()) || !Objects.equals(o.service(), t.service())) {
        out.add(t.id());
      }
    }
    return out;
  }

  private static double[] values(List<Customer> customers, Function<Customer, Double> value) {
    return customers.stream().mapToDouble(value::apply).toArray();
  }

  private static double mean(double[] v) {
    if (v.length == 0) return Double.NaN;
    double sum = 0;
    for (double x : v) sum += x;
    return sum / v.length;
  }
}
