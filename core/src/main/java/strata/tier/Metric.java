package strata.tier;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.Locale;
import strata.i18n.Labels;

/**
 * The variables a tier condition may read, one per metric Strata computes. A metric can be missing for a customer
 * (e.g. {@code recency_days} of a customer who never bought); a condition that reads a missing metric does not
 * match, and the explanation says which metric was missing. Names and meanings for people are in the labels bundles.
 */
public enum Metric {
  HAS_PURCHASE("has_purchase", SimpleType.BOOL),
  RECENCY_DAYS("recency_days", SimpleType.INT),
  FREQUENCY("frequency", SimpleType.INT),
  PURCHASE_DAYS("purchase_days", SimpleType.INT),
  MONETARY("monetary", SimpleType.DOUBLE),
  AVG_ORDER_VALUE("avg_order_value", SimpleType.DOUBLE),
  REFUND_AMOUNT("refund_amount", SimpleType.DOUBLE),
  TENURE_DAYS("tenure_days", SimpleType.INT),
  ANNUAL_VALUE("annual_value", SimpleType.DOUBLE),
  PURCHASE_RATE("purchase_rate", SimpleType.DOUBLE),
  R_SCORE("r_score", SimpleType.INT),
  F_SCORE("f_score", SimpleType.INT),
  M_SCORE("m_score", SimpleType.INT),
  RFM_SEGMENT("rfm_segment", SimpleType.STRING),
  RFM_SEGMENT11("rfm_segment11", SimpleType.STRING),
  ABC_CLASS("abc_class", SimpleType.STRING),
  LIFECYCLE_STAGE("lifecycle_stage", SimpleType.STRING),
  VALUE_QUADRANT("value_quadrant", SimpleType.STRING),
  CLV("clv", SimpleType.DOUBLE),
  P_ALIVE("p_alive", SimpleType.DOUBLE),
  CHURN_RISK("churn_risk", SimpleType.DOUBLE),
  EXPECTED_PURCHASES_90D("expected_purchases_90d", SimpleType.DOUBLE),
  DOWNGRADE_RISK("downgrade_risk", SimpleType.DOUBLE),
  COMPOSITE_SCORE("composite_score", SimpleType.DOUBLE),
  HISTORICAL_SCORE("historical_score", SimpleType.DOUBLE),
  POTENTIAL_SCORE("potential_score", SimpleType.DOUBLE),
  STRATEGIC_SCORE("strategic_score", SimpleType.DOUBLE),
  INTERACTIONS("interactions", SimpleType.INT),
  COMPLAINTS("complaints", SimpleType.INT),
  VISITS("visits", SimpleType.INT),
  DAYS_SINCE_CONTACT("days_since_contact", SimpleType.INT),
  NPS("nps", SimpleType.INT),
  CSAT("csat", SimpleType.INT),
  INDUSTRY("industry", SimpleType.STRING),
  SIZE("size", SimpleType.STRING),
  REGION("region", SimpleType.STRING),
  OWNER("owner", SimpleType.STRING),
  CHURN_PROB("churn_prob", SimpleType.DOUBLE),
  CLUSTER("cluster", SimpleType.INT);

  private final String variable;
  private final CelType type;

  Metric(String variable, CelType type) {
    this.variable = variable;
    this.type = type;
  }

  public String variable() {
    return variable;
  }

  public CelType type() {
    return type;
  }

  /** The metric's name for people, e.g. 最近购买距今天数 for recency_days ({@code metric.<variable>}). */
  public String label(Locale locale) {
    return Labels.get("metric." + variable, locale);
  }

  /** What the metric means and its unit or range, for the rule editor's help ({@code metric.<variable>.help}). */
  public String help(Locale locale) {
    return Labels.get("metric." + variable + ".help", locale);
  }

  public static Metric ofVariable(String name) {
    for (Metric m : values()) {
      if (m.variable.equals(name)) return m;
    }
    return null;
  }
}
