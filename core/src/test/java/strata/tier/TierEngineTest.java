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
    // The tiers have no names, so their ids stand in; metric names come from the labels bundles.
    assertThat(engine.explain(0, 0, SOURCE, false)).isEqualTo("vip: recency score (R) is 5, net spend is 150");
    assertThat(engine.explain(0, 0, SOURCE, true)).isEqualTo("vip：近度评分 (R)为5，消费金额为150");
    assertThat(engine.explain(1, 1, SOURCE, false)).isEqualTo("quiet: days since last purchase is 200");
    assertThat(engine.explain(3, 2, SOURCE, false))
        .isEqualTo("rest: no earlier tier's condition held; not checked: vip (missing recency score (R)); "
            + "not checked: quiet (missing days since last purchase)");
    assertThat(engine.explain(3, 2, SOURCE, true))
        .isEqualTo("rest：未满足前面任何分级条件；未判定vip（缺少近度评分 (R)）；未判定quiet（缺少最近购买距今天数）");
  }

  @Test
  void reasonsAreDataWithTheRuleTheValuesReadAndTheRulesNotChecked() {
    TierEngine engine = new TierEngine(MODEL);
    TierReason vip = engine.reason(0, 0, SOURCE);
    assertThat(vip.rule().id()).isEqualTo("vip");
    assertThat(vip.index()).isZero();
    assertThat(vip.reads()).containsExactly(new TierReason.Read(Metric.R_SCORE, 5L),
        new TierReason.Read(Metric.MONETARY, 150.0));
    assertThat(vip.notChecked()).isEmpty();
    assertThat(vip.json()).isEqualTo("{\"tier\":\"vip\",\"rule\":0,\"reads\":{\"r_score\":5,\"monetary\":150},"
        + "\"not_checked\":{}}");
    TierReason rest = engine.reason(3, 2, SOURCE);
    assertThat(rest.catchAll()).isTrue();
    assertThat(rest.notChecked()).extracting(n -> n.rule().id(), TierReason.NotChecked::index,
        TierReason.NotChecked::missing).containsExactly(
            org.assertj.core.groups.Tuple.tuple("vip", 0, Metric.R_SCORE),
            org.assertj.core.groups.Tuple.tuple("quiet", 1, Metric.RECENCY_DAYS));
    assertThat(rest.json()).isEqualTo("{\"tier\":\"rest\",\"rule\":2,\"reads\":{},"
        + "\"not_checked\":{\"vip\":\"r_score\",\"quiet\":\"recency_days\"}}");
    // Asked about a rule whose metric is missing (customer 3 has no r_score): the value reads as missing / null.
    assertThat(engine.explain(3, 0, SOURCE, false)).isEqualTo("vip: recency score (R) is missing, net spend is 10");
    assertThat(engine.reason(3, 0, SOURCE).json()).contains("\"reads\":{\"r_score\":null,\"monetary\":10}");
  }

  @Test
  void namedTiersAndCodedValuesReadAsWords() {
    TierModel model = TierModel.parse("""
        tiers:
          - id: high_value
            name: {zh: 高价值客户, en: High value}
            when: abc_class == 'A' && lifecycle_stage in ['new', 'active'] && has_purchase && industry != 'x'
              && avg_order_value > 1.0 && p_alive > 0.0
          - id: rest
        """, "t.yaml");
    MetricSource source = (i, m) -> switch (m) {
      case ABC_CLASS -> "A";
      case LIFECYCLE_STAGE -> "active";
      case HAS_PURCHASE -> true;
      case INDUSTRY -> "零售 \"连锁\"\n";
      case AVG_ORDER_VALUE -> 1234.5;
      case P_ALIVE -> Double.NaN;
      default -> null;
    };
    TierReason reason = new TierEngine(model).reason(0, 0, source);
    assertThat(reason.text(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("高价值客户：ABC 分类为A，生命周期阶段为活跃客户，"
        + "是否购买过为是，行业为零售 \"连锁\"\n，平均订单金额为1234.50，仍活跃概率为NaN");
    assertThat(reason.text(java.util.Locale.ENGLISH)).isEqualTo("High value: ABC class is A, lifecycle stage is Active, "
        + "has purchased is yes, industry is 零售 \"连锁\"\n, average order value is 1234.50, "
        + "probability still active is NaN");
    // Other languages get English, the base bundle.
    assertThat(reason.text(java.util.Locale.FRENCH)).isEqualTo(reason.text(java.util.Locale.ENGLISH));
    assertThat(reason.json()).isEqualTo("{\"tier\":\"high_value\",\"rule\":0,\"reads\":{"
        + "\"abc_class\":\"A\",\"lifecycle_stage\":\"active\",\"has_purchase\":true,"
        + "\"industry\":\"零售 \\\"连锁\\\"\\n\",\"avg_order_value\":1234.5,\"p_alive\":\"NaN\"},"
        + "\"not_checked\":{}}");
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
    TierEngine.Explainer explainer = engine.explainer(src);
    for (int i = 0; i < n; i++) {
      assertThat(explainer.reason(i, tiers[i])).as("customer %d", i).isEqualTo(engine.reason(i, tiers[i], src));
    }
  }
}
