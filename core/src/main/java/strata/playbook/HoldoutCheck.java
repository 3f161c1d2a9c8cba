package strata.playbook;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule across a model's tiers: one experiment may span tiers (its groups are then stratified by tier) but has
 * one share and one duration, and a tier uses it once: a customer cannot be held out of a trigger by the experiment that already
 * holds it out of the playbook.
 */
public final class HoldoutCheck {
  private HoldoutCheck() {}

  /**
   * @param tierIndex the offending tier's position
   * @param code a {@link strata.tier.TierModelError} code; {@code args} name the key (service.holdout.experiment)
   */
  public record Conflict(int tierIndex, String code, Map<String, String> args) {}

  /** @param plans the tiers' service plans in model order @return the first conflict, or null */
  public static Conflict acrossTiers(List<ServicePlan> plans) {
    Map<String, Holdout> seen = new HashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      Set<String> inTier = new HashSet<>();
      for (Map.Entry<String, Holdout> e : plans.get(i).holdouts().entrySet()) {
        Holdout h = e.getValue();
        String key = "service." + e.getKey() + ".experiment";
        if (!inTier.add(h.experiment())) {
          return new Conflict(i, "experiment_twice_in_tier", Map.of("key", key, "value", h.experiment()));
        }
        Holdout before = seen.putIfAbsent(h.experiment(), h);
        if (before != null && before.share() != h.share()) {
          return new Conflict(i, "experiment_share_differs", Map.of("key", key, "value", h.experiment(),
              "share", String.valueOf(h.share()), "other", String.valueOf(before.share())));
        }
        if (before != null && !java.util.Objects.equals(before.days(), h.days())) {
          return new Conflict(i, "experiment_days_differs", Map.of("key", "service." + e.getKey() + ".days",
              "value", h.experiment(), "days", shown(h.days()), "other", shown(before.days())));
        }
      }
    }
    return null;
  }

  /** A holdout without days: runs the server's default, shown as a dash in the message. */
  private static String shown(Integer days) {
    return days == null ? "—" : days.toString();
  }
}
