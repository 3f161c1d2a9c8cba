package strata.playbook;

import java.util.List;

/**
 * Who serves a tier's customers.
 *
 * @param team reps to assign among ({@link Mode#ASSIGN} only), in the order ties are broken
 * @param capPerRep most customers a rep may hold (their whole book, every tier); 0 = no cap
 * @param poolReturn when an owned customer goes back to the pool (公海), or null for never
 */
public record OwnerPolicy(Mode mode, List<String> team, int capPerRep, PoolReturn poolReturn) {
  public static final OwnerPolicy KEEP = new OwnerPolicy(Mode.KEEP, List.of(), 0, null);

  public enum Mode {
    /** the current owner; customers without one stay in the pool */
    KEEP,
    /** the current owner if in the team, else the team member with the smallest book under the cap */
    ASSIGN,
    /** served from the pool: no owner */
    POOL
  }

  /**
   * A customer whose owner logged no contact for {@code noContactDays} days, or who bought nothing for
   * {@code noPurchaseDays} days, returns to the pool; the owner is warned {@code warnDays} before. 0 = rule off.
   */
  public record PoolReturn(int noContactDays, int noPurchaseDays, int warnDays) {}
}
