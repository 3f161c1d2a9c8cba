package strata.playbook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import strata.tier.TierModel;
import strata.tier.TierRule;

/** A model's budget lines ({@link Resources}) over the customers of each tier, as owners and managers read them. */
public final class ResourceLines {
  private ResourceLines() {}

  /**
   * @param giftValue per customer per year, null when the tier budgets none
   * @param giftBudget {@code giftValue} times {@code customers}, rounded half up to cents; null with no gift value
   */
  public record Line(String tier, long customers, Double giftValue, BigDecimal giftBudget, Double discountCeiling,
      Double repHoursShare) {}

  /**
   * @param customers by tier id; a tier absent has none
   * @return one line per tier of the model, in its order. The discount ceiling and the share of the reps' hours are
   *     the tier's as written: they are the team's plan, not sums over customers.
   */
  public static List<Line> of(TierModel model, Map<String, Long> customers) {
    List<Line> lines = new ArrayList<>();
    for (TierRule t : model.tiers()) {
      Resources r = t.service().resources();
      long n = customers.getOrDefault(t.id(), 0L);
      // BigDecimal from the value as written (0.1 stays 0.1), so 3 customers at 33.35 are 100.05, not 100.04999.
      BigDecimal budget = r.giftValue() == null ? null
          : BigDecimal.valueOf(r.giftValue()).multiply(BigDecimal.valueOf(n)).setScale(2, RoundingMode.HALF_UP);
      lines.add(new Line(t.id(), n, r.giftValue(), budget, r.discountCeiling(), r.repHoursShare()));
    }
    return List.copyOf(lines);
  }
}
