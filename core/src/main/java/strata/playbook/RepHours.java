package strata.playbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import strata.tier.TierModel;
import strata.tier.TierRule;

/**
 * Each rep's planned hours split by tier, beside the share of the reps' hours each tier is meant to take
 * ({@code resources.rep_hours_share}): whether a rep's open work follows the plan. A task's hours are an estimate by
 * channel and tier ({@link Resources#minutes}); tasks without a channel (the pool's reminders to the owner) take none,
 * tasks of tiers the model no longer has take {@link Resources#DEFAULT_MINUTES}.
 */
public final class RepHours {
  private RepHours() {}

  /** Open tasks of one owner, tier and channel, as a {@code GROUP BY} gives them. */
  public record Work(String owner, String tier, Channel channel, long tasks) {}

  /**
   * @param share of the rep's planned hours; null when the rep has none
   * @param target the tier's {@code rep_hours_share}; null when the tier sets none
   */
  public record TierHours(String tier, long tasks, double hours, Double share, Double target) {}

  /** @param tiers every tier of the model in its order, then tiers of tasks the model no longer has, by id */
  public record Rep(String owner, long tasks, double hours, List<TierHours> tiers) {}

  /** @return one line per owner, by owner */
  public static List<Rep> of(TierModel model, List<Work> work) {
    Map<String, Resources> resources = new HashMap<>();
    for (TierRule rule : model.tiers()) resources.put(rule.id(), rule.service().resources());
    Map<String, Map<String, double[]>> byOwner = new TreeMap<>(); // owner -> tier -> {tasks, minutes}
    for (Work w : work) {
      double[] t = byOwner.computeIfAbsent(w.owner(), k -> new TreeMap<>()).computeIfAbsent(w.tier(), k -> new double[2]);
      t[0] += w.tasks();
      if (w.channel() != null) {
        t[1] += (double) resources.getOrDefault(w.tier(), Resources.NONE).minutes(w.channel()) * w.tasks();
      }
    }
    List<Rep> reps = new ArrayList<>();
    byOwner.forEach((owner, tiers) -> {
      double minutes = tiers.values().stream().mapToDouble(t -> t[1]).sum();
      long tasks = (long) tiers.values().stream().mapToDouble(t -> t[0]).sum();
      List<TierHours> lines = new ArrayList<>();
      for (TierRule rule : model.tiers()) lines.add(line(rule.id(), tiers.remove(rule.id()), minutes,
          rule.service().resources().repHoursShare()));
      tiers.forEach((tier, t) -> lines.add(line(tier, t, minutes, null)));
      reps.add(new Rep(owner, tasks, minutes / 60, List.copyOf(lines)));
    });
    return List.copyOf(reps);
  }

  private static TierHours line(String tier, double[] t, double repMinutes, Double target) {
    double tasks = t == null ? 0 : t[0];
    double minutes = t == null ? 0 : t[1];
    return new TierHours(tier, (long) tasks, minutes / 60, repMinutes > 0 ? minutes / repMinutes : null, target);
  }
}
