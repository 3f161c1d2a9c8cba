package strata.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TierEngineTest {
  static final TierModel MODEL = TierModel.parse("""
      tiers:
        - id: vip
          when: r_score >= 4 && monetary > 100.0
        - id: quiet
          when: recency_days > 180
        - id: rest
      """, "t.yaml");

  /** Customers as plain arrays; recency is missing for customer 3 (a prospect). */
  static final long[] R = {5, 4, 2, 1, 3};
  static final double[] M = {150.0, 100.0, 500.0, 10.0, 0.0};
  static final Long[] RECENCY = {10L, 200L, 400L, null, 30L};

  static final MetricSource SOURCE = (i, metric) -> switch (metric) {
    case R_SCORE -> i == 3 ? null : R[i];
    case MONETARY -> M[i];
    case RECENCY_DAYS -> RECENCY[i];
    default -> null;
  };

  @Test
  void firstMatchingRuleWins() {
    // By hand: 0 vip (5>=4, 150>100); 1 not vip (100 is not > 100), quiet (200>180); 2 quiet; 3 rest (r_score
    // missing, recency missing); 4 rest.
    byte[] tiers = new TierEngine(MODEL).assign(5, SOURCE, 2);
    assertThat(tiers).containsExactly(0, 1, 1, 2, 2);
  }

  @Test
  void explanationsNameTheRuleTheValuesAndSkippedRules() {
    TierEngine engine = new TierEngine(MODEL);
    assertThat(engine.explain(0, 0, SOURCE, false)).isEqualTo("vip: r_score=5, monetary=150");
    assertThat(engine.explain(1, 1, SOURCE, false)).isEqualTo("quiet: recency_days=200");
    assertThat(engine.explain(3, 2, SOURCE, false))
        .isEqualTo("rest: no earlier tier's condition held; not checked vip (missing r_score); "
            + "not checked quiet (missing recency_days)");
    assertThat(engine.explain(3, 2, SOURCE, true)).contains("未判定 vip（缺少 r_score）");
  }

  @Test
  void memoisedResultsEqualDirectJavaEvaluation() {
    // Many customers with few distinct score values (cache hits) and near-unique spends (cache overflow).
    int n = 120_000;
    Random rnd = new Random(1);
    long[] r = new long[n];
    double[] m = new double[n];
    long[] rec = new long[n];
    for (int i = 0; i < n; i++) {
      r[i] = 1 + rnd.nextInt(5);
      m[i] = rnd.nextInt(100_000) / 100.0;
      rec[i] = rnd.nextInt(400);
    }
    MetricSource src = (i, metric) -> switch (metric) {
      case R_SCORE -> r[i];
      case MONETARY -> m[i];
      case RECENCY_DAYS -> rec[i];
      default -> null;
    };
    byte[] tiers = new TierEngine(MODEL).assign(n, src, 2);
    for (int i = 0; i < n; i++) {
      int expected = r[i] >= 4 && m[i] > 100.0 ? 0 : rec[i] > 180 ? 1 : 2;
      assertThat(tiers[i]).as("customer %d", i).isEqualTo((byte) expected);
    }
  }

  @Test
  void memoisedExplanationsEqualDirectOnes() {
    // Repeating scores and recencies with some missing (cache hits), spends near-unique: vip explanations quote the
    // spend, so their combinations overflow the memo and are built directly after CACHE_LIMIT of them.
    int n = TierEngine.CACHE_LIMIT * 2;
    Random rnd = new Random(2);
    Long[] r = new Long[n];
    double[] m = new double[n];
    Long[] rec = new Long[n];
    for (int i = 0; i < n; i++) {
      r[i] = rnd.nextInt(10) == 0 ? null : 1L + rnd.nextInt(5);
      m[i] = rnd.nextInt(10_000_000) / 100.0;
      rec[i] = rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(400);
    }
    MetricSource src = (i, metric) -> switch (metric) {
      case R_SCORE -> r[i];
      case MONETARY -> m[i];
      case RECENCY_DAYS -> rec[i];
      default -> null;
    };
    TierEngine engine = new TierEngine(MODEL);
    byte[] tiers = engine.assign(n, src, 1);
    for (boolean chinese : new boolean[] {false, true}) {
      TierEngine.Explainer explainer = engine.explainer(src, chinese);
      for (int i = 0; i < n; i++) {
        assertThat(explainer.explain(i, tiers[i])).as("customer %d", i)
            .isEqualTo(engine.explain(i, tiers[i], src, chinese));
      }
    }
  }
}
