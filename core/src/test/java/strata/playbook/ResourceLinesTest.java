package strata.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.tier.TierModel;

class ResourceLinesTest {
  static final TierModel MODEL = TierModel.parse("""
      tiers:
        - id: big
          when: monetary >= 1000.0
          service:
            resources: {gift_value: 33.35, discount_ceiling: 0.15, rep_hours_share: 0.6}
        - id: mid
          when: monetary >= 100.0
        - id: small
          service:
            resources: {gift_value: 12.5, rep_hours_share: 0.3}
      """, "m.yaml");

  @Test
  void multipliesEachTiersGiftValueByItsCustomersInModelOrder() {
    List<ResourceLines.Line> lines = ResourceLines.of(MODEL, Map.of("small", 3L, "big", 3L, "gone", 9L));
    // 3 x 33.35 = 100.05 exactly (in binary floating point 100.04999...); 3 x 12.5 = 37.50; mid budgets nothing.
    assertThat(lines).containsExactly(
        new ResourceLines.Line("big", 3, 33.35, new BigDecimal("100.05"), 0.15, 0.6),
        new ResourceLines.Line("mid", 0, null, null, null, null),
        new ResourceLines.Line("small", 3, 12.5, new BigDecimal("37.50"), null, 0.3));
  }

  @Test
  void aTierWithoutCustomersHasAZeroBudget() {
    assertThat(ResourceLines.of(MODEL, Map.of()).get(0).giftBudget()).isEqualTo(new BigDecimal("0.00"));
  }
}
