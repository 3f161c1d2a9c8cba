package strata.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import strata.playbook.Holdout;
import strata.tier.TierModel;
import strata.tier.TierRule;

/**
 * The experiments a tier model declares with {@code holdout:}, and which of them a new model version ends: what the
 * server stores and starts ({@link HoldoutDesign#start}) when a model is published.
 */
public final class Experiments {
  private Experiments() {}

  /**
   * @param tiers the tiers whose playbook holds customers out (the strata)
   * @param scopes where each holdout is declared: {@code tier/holdout} or {@code tier/triggers.moved_down.holdout}
   * @param days the planned duration ({@code holdout.days}); null for the server's default
   */
  public record Experiment(String id, double share, List<String> tiers, List<String> scopes, Integer days) {}

  /**
   * Why an experiment ends with a new model version: {@code tier_removed} (detail = the tier), {@code holdout_removed}
   * (no tier declares it any more), {@code share_changed} (detail = old and new share; a new share is a new
   * experiment, so give it a new id). A changed {@code days} ends nothing: the planned end is fixed when the
   * experiment starts, so nobody stretches an experiment after peeking at it.
   */
  public record Ending(String experiment, String code, String detail) {}

  /** @return the model's experiments by id, in id order */
  public static List<Experiment> in(TierModel model) {
    Map<String, Holdout> holdouts = new TreeMap<>();
    Map<String, List<String>> tiers = new LinkedHashMap<>();
    Map<String, List<String>> scopes = new LinkedHashMap<>();
    for (TierRule t : model.tiers()) {
      t.service().holdouts().forEach((key, h) -> {
        holdouts.putIfAbsent(h.experiment(), h);
        List<String> inTiers = tiers.computeIfAbsent(h.experiment(), k -> new ArrayList<>());
        if (!inTiers.contains(t.id())) inTiers.add(t.id());
        scopes.computeIfAbsent(h.experiment(), k -> new ArrayList<>()).add(t.id() + "/" + key);
      });
    }
    List<Experiment> out = new ArrayList<>();
    holdouts.forEach((id, h) -> out.add(new Experiment(id, h.share(), List.copyOf(tiers.get(id)),
        List.copyOf(scopes.get(id)), h.days())));
    return List.copyOf(out);
  }

  /** @return the experiments of {@code previous} that {@code next} ends, each with its reason, in id order */
  public static List<Ending> endedBy(TierModel previous, TierModel next) {
    Map<String, Experiment> after = new TreeMap<>();
    for (Experiment e : in(next)) after.put(e.id(), e);
    List<String> nextTiers = next.tiers().stream().map(TierRule::id).toList();
    List<Ending> endings = new ArrayList<>();
    for (Experiment e : in(previous)) {
      String removed = e.tiers().stream().filter(t -> !nextTiers.contains(t)).findFirst().orElse(null);
      Experiment now = after.get(e.id());
      if (removed != null) {
        endings.add(new Ending(e.id(), "tier_removed", removed));
      } else if (now == null) {
        endings.add(new Ending(e.id(), "holdout_removed", ""));
      } else if (now.share() != e.share()) {
        endings.add(new Ending(e.id(), "share_changed", e.share() + ">" + now.share()));
      }
    }
    return List.copyOf(endings);
  }
}
