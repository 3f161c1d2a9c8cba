package strata.server.experiment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import strata.experiment.CustomerOutcome;
import strata.experiment.ExperimentText;
import strata.experiment.Experiments;
import strata.experiment.Interval;
import strata.experiment.MinimumDetectableEffect;
import strata.experiment.UpliftResult;

/** The JSON shapes of the experiments API; NaN (an empty group) becomes null, text comes in both languages. */
final class ExperimentView {
  private ExperimentView() {}

  record Text(String zh, String en) {}

  /** @param code tier_removed, holdout_removed or share_changed */
  record Ending(LocalDate asOf, OffsetDateTime at, Long run, String code, String detail, Text text) {}

  record Summary(String id, double share, List<String> tiers, List<String> scopes, int modelVersion, long startRun,
      LocalDate startedAsOf, LocalDate plannedEnd, String status, Ending ended) {}

  /** @param enrolled the viewer's customers of the tier in the start snapshot */
  record Stratum(String tier, double cutoff, long enrolled) {}

  /**
   * The smallest difference in repurchase rate the experiment detects (two-sided 5 %, power 80 %) from the
   * pre-period rate over the planned duration; null with {@code reason} when the baseline is 0 or 1 or nobody.
   */
  record Mde(String tier, long customers, Double baseline, Double mde, String reason) {}

  record Window(LocalDate preFrom, LocalDate from, LocalDate to) {}

  record Diff(double estimate, double lower, double upper, boolean excludesZero) {}

  /** @param difference null when a group is too small ({@code tooFew}) */
  record Comparison(String metric, Text label, long nTreated, long nHeldOut, Double treated, Double heldOut,
      Diff difference, Diff bootstrap, boolean tooFew) {}

  record Group(String tier, long treated, long heldOut, List<Comparison> comparisons) {}

  record Warning(String code, String tier, String detail, Double value, Text text) {}

  record Detail(Summary experiment, List<Stratum> strata, Window window, LocalDate readOn, List<Mde> mde,
      List<Group> tiers, Group overall, List<Warning> warnings) {}

  /** A customer's membership, shown on the 360° page. */
  record Membership(String experiment, String stratum, boolean heldOut, String status, LocalDate plannedEnd) {}

  static Summary summary(ExperimentStore.Stored e) {
    Ending ended = e.running() ? null : new Ending(e.endedAsOf(), e.endedAt(), e.endRun(), e.endCode(),
        e.endDetail(), text(l -> ExperimentText.ending(new Experiments.Ending(e.id(), e.endCode(), e.endDetail()), l)));
    return new Summary(e.id(), e.share(), e.tiers(), e.scopes(), e.modelVersion(), e.startRun(), e.startedAsOf(),
        e.plannedEnd(), e.running() ? "running" : "ended", ended);
  }

  static List<Stratum> strata(ExperimentStore.Stored e, List<CustomerOutcome> visible) {
    Map<String, Long> counts = new TreeMap<>();
    for (String t : e.tiers()) counts.put(t, 0L);
    for (CustomerOutcome o : visible) counts.merge(o.stratum(), 1L, Long::sum);
    List<Stratum> out = new ArrayList<>();
    counts.forEach((t, n) -> out.add(new Stratum(t, e.design().cutoff(t), n)));
    return out;
  }

  /** Per tier, then overall (tier ""). */
  static List<Mde> mde(double share, List<CustomerOutcome> visible) {
    Map<String, List<CustomerOutcome>> byTier = new TreeMap<>();
    for (CustomerOutcome o : visible) byTier.computeIfAbsent(o.stratum(), t -> new ArrayList<>()).add(o);
    List<Mde> out = new ArrayList<>();
    byTier.forEach((t, members) -> out.add(mdeOf(t, share, members)));
    out.add(mdeOf("", share, visible));
    return out;
  }

  private static Mde mdeOf(String tier, double share, List<CustomerOutcome> members) {
    return mdeOf(tier, share, members.size(), members.stream().filter(CustomerOutcome::preRepurchased).count());
  }

  /** @param bought of the {@code customers}, those who bought in the baseline window */
  static Mde mdeOf(String tier, double share, long customers, long bought) {
    if (Math.round(customers * share) < 1 || Math.round(customers * (1 - share)) < 1) {
      return new Mde(tier, customers, null, null, "too_few");
    }
    double baseline = (double) bought / customers;
    if (bought == 0 || bought == customers) return new Mde(tier, customers, baseline, null, "no_variation");
    double mde = MinimumDetectableEffect.forShare(baseline, customers, share, 0.05, 0.8);
    return new Mde(tier, customers, baseline, Double.isNaN(mde) ? null : mde, Double.isNaN(mde) ? "too_few" : null);
  }

  static Group group(UpliftResult.Group g) {
    return new Group(g.tier(), g.treated(), g.heldOut(), g.comparisons().stream().map(c -> new Comparison(
        c.metric().code(), text(l -> ExperimentText.metric(c.metric(), l)), c.nTreated(), c.nHeldOut(),
        orNull(c.treated()), orNull(c.heldOut()), diff(c.difference()), diff(c.bootstrap()), c.difference() == null))
        .toList());
  }

  static Warning warning(UpliftResult.Warning w) {
    return new Warning(w.code(), w.tier(), w.detail(), orNull(w.value()), text(l -> ExperimentText.warning(w, l)));
  }

  static Diff diff(Interval i) {
    return i == null ? null : new Diff(i.estimate(), i.lower(), i.upper(), i.excludesZero());
  }

  static Double orNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static Text text(java.util.function.Function<Locale, String> render) {
    return new Text(render.apply(Locale.SIMPLIFIED_CHINESE), render.apply(Locale.ENGLISH));
  }
}
