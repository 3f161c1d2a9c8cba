package strata.experiment;

import java.util.Map;
import strata.playbook.Holdout;

/**
 * The planner's view of the running experiments: the stored designs and each enrolled customer's stratum (its tier
 * when it joined). A customer not yet enrolled is assigned by its current tier; an experiment without a stored
 * design uses {@link HoldoutDesign#unstratified}, which needs no memory between runs (the CLI).
 *
 * @param designs by experiment id
 * @param strata experiment id to customer id to stratum
 */
public record Holdouts(Map<String, HoldoutDesign> designs, Map<String, Map<String, String>> strata) {
  /** No stored experiments: every holdout is assigned by hash and share alone. */
  public static final Holdouts UNSTORED = new Holdouts(Map.of(), Map.of());

  public Holdouts {
    designs = Map.copyOf(designs);
    strata = Map.copyOf(strata);
  }

  /** @return true when the customer is in the control group of {@code holdout}'s experiment */
  public boolean heldOut(Holdout holdout, String customerId, String tier) {
    HoldoutDesign design = designs.get(holdout.experiment());
    if (design == null) design = HoldoutDesign.unstratified(holdout.experiment(), holdout.share());
    String stratum = strata.getOrDefault(holdout.experiment(), Map.of()).getOrDefault(customerId, tier);
    return design.assign(customerId, stratum).heldOut();
  }
}
