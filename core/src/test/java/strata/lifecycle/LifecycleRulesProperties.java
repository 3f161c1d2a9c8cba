package strata.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LifecycleRulesProperties {
  private static final int AS_OF = 2000;

  /** Valid random customers: (first, last, distinct) with distinct 0..5 fitting between the dates. */
  private static int[][] customers(long seed, int n) {
    Random random = new Random(seed);
    int[][] c = new int[3][n];
    for (int i = 0; i < n; i++) {
      int first = random.nextInt(AS_OF + 1);
      int last = random.nextBoolean() ? first : first + random.nextInt(AS_OF - first + 1);
      int span = last - first;
      // One purchase day needs first == last; k days need a span of at least k - 1 days.
      int distinct = span == 0 ? 1 : 2 + random.nextInt(Math.min(span, 4));
      c[0][i] = first;
      c[1][i] = last;
      c[2][i] = random.nextInt(5) == 0 ? 0 : distinct;
    }
    return c;
  }

  @Property
  void onlyNonBuyersArePotential(@ForAll long seed, @ForAll @IntRange(max = 60) int n) {
    int[][] c = customers(seed, n);
    byte[] stages = LifecycleRules.classify(c[0], c[1], c[2], AS_OF, LifecycleConfig.defaults());
    for (int i = 0; i < n; i++) {
      assertThat(stages[i] == LifecycleStage.POTENTIAL.ordinal()).isEqualTo(c[2][i] == 0);
    }
  }

  @Property
  void shufflingCustomersShufflesTheirStages(@ForAll long seed, @ForAll @IntRange(max = 60) int n) {
    int[][] c = customers(seed, n);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed + 1));
    int[][] s = new int[3][n];
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < n; i++) {
        s[k][i] = c[k][order.get(i)];
      }
    }
    byte[] stages = LifecycleRules.classify(c[0], c[1], c[2], AS_OF, LifecycleConfig.defaults());
    byte[] shuffled = LifecycleRules.classify(s[0], s[1], s[2], AS_OF, LifecycleConfig.defaults());
    for (int i = 0; i < n; i++) {
      assertThat(shuffled[i]).isEqualTo(stages[order.get(i)]);
    }
  }

  @Property
  void waitingLongerNeverMakesAnOldCustomerMoreActive(
      @ForAll @IntRange(min = 2, max = 20) int distinct,
      @ForAll @IntRange(min = 0, max = 800) int gapTimesDistinct,
      @ForAll @IntRange(min = 0, max = 1500) int recency) {
    // One repeat customer whose first purchase is long ago; as-of moves one day later.
    int first = 0;
    int last = Math.max(distinct - 1, gapTimesDistinct);
    int asOf = Math.max(last + recency, 91);
    LifecycleConfig config = LifecycleConfig.defaults();
    byte now = LifecycleRules.classify(new int[] {first}, new int[] {last}, new int[] {distinct}, asOf, config)[0];
    byte later = LifecycleRules.classify(new int[] {first}, new int[] {last}, new int[] {distinct}, asOf + 1, config)[0];
    // ACTIVE < DORMANT < CHURNED in ordinal order.
    assertThat(later).isGreaterThanOrEqualTo(now);
  }
}
