package strata.value;

import java.util.List;

/**
 * Composite value scores, one index per customer. All scores are on 0..100 (percentile ranks
 * × 100, weighted), so a customer's 62.5 means "better than about 62.5% of customers".
 *
 * <p>NaN appears only where data is missing, and the mask says so: a component is NaN (and its
 * bit set, see {@link Component#bit()}) when none of its inputs is known for the customer; the
 * composite {@code score} is then re-weighted over the components present, and is NaN only when
 * every component with a positive weight is missing.
 *
 * @param score weighted mean of the present components
 * @param missingMask per customer: bit 0 historical, bit 1 potential, bit 2 strategic missing
 * @param absentInputs inputs named in the config but not given at all, so missing for everyone
 */
public record CompositeScores(
    float[] score,
    float[] historical,
    float[] potential,
    float[] strategic,
    byte[] missingMask,
    List<String> absentInputs) implements java.io.Serializable {

  public CompositeScores {
    absentInputs = List.copyOf(absentInputs);
  }

  /** The scores of one component. */
  public float[] component(Component component) {
    return switch (component) {
      case HISTORICAL -> historical;
      case POTENTIAL -> potential;
      case STRATEGIC -> strategic;
    };
  }

  /** Whether {@code component} is missing for customer {@code i}. */
  public boolean isMissing(int i, Component component) {
    return (missingMask[i] & component.bit()) != 0;
  }
}
