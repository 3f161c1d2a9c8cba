package strata.tier;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;

/**
 * The variables a tier condition may read, one per metric Strata computes. A metric can be missing for a customer
 * (e.g. {@code recency_days} of a customer who never bought); a condition that reads a missing metric does not
 * match, and the explanation says which metric was missing.
 */
public enum Metric {
  HAS_PURCHASE("has_purchase", SimpleType.BOOL, "whether the customer bought anything"),
  RECENCY_DAYS("recency_days", SimpleType.INT, "days from the last purchase to the as-of date"),
  FREQUENCY("frequency", SimpleType.INT, "number of orders"),
  PURCHASE_DAYS("purchase_days", SimpleType.INT, "number of distinct purchase days"),
  MONETARY("monetary", SimpleType.DOUBLE, "net spend (refunds subtracted), currency units"),
  AVG_ORDER_VALUE("avg_order_value", SimpleType.DOUBLE, "monetary / frequency"),
  REFUND_AMOUNT("refund_amount", SimpleType.DOUBLE, "total refunded, currency units"),
  TENURE_DAYS("tenure_days", SimpleType.INT, "days from the first purchase to the as-of date"),
  ANNUAL_VALUE("annual_value", SimpleType.DOUBLE, "monetary per 365 days of tenure (tenure counted as at least 90 days)"),
  PURCHASE_RATE("purchase_rate", SimpleType.DOUBLE, "purchase days per 365 days of tenure (at least 30 days)"),
  R_SCORE("r_score", SimpleType.INT, "recency score 1-5 (5 = most recent)"),
  F_SCORE("f_score", SimpleType.INT, "frequency score 1-5"),
  M_SCORE("m_score", SimpleType.INT, "monetary score 1-5"),
  RFM_SEGMENT("rfm_segment", SimpleType.STRING, "classic 8-segment code, e.g. important_value"),
  RFM_SEGMENT11("rfm_segment11", SimpleType.STRING, "11-segment code, e.g. champions"),
  ABC_CLASS("abc_class", SimpleType.STRING, "A, B or C (Pareto share of revenue)"),
  LIFECYCLE_STAGE("lifecycle_stage", SimpleType.STRING, "potential, new, active, dormant or churned"),
  VALUE_QUADRANT("value_quadrant", SimpleType.STRING, "star, cash_cow, rising, maintain or unknown"),
  CLV("clv", SimpleType.DOUBLE, "predicted value of the next 12 months (BG/NBD + Gamma-Gamma), currency units"),
  P_ALIVE("p_alive", SimpleType.DOUBLE, "probability the customer is still active (BG/NBD), 0-1"),
  CHURN_RISK("churn_risk", SimpleType.DOUBLE, "1 - p_alive"),
  EXPECTED_PURCHASES_90D("expected_purchases_90d", SimpleType.DOUBLE, "expected purchase days in the next 90 days"),
  DOWNGRADE_RISK("downgrade_risk", SimpleType.DOUBLE,
      "probability of moving to a lower tier next period from the tier of the previous snapshot (strata.forecast), 0-1; "
          + "missing without a tier history"),
  COMPOSITE_SCORE("composite_score", SimpleType.DOUBLE, "weighted value score 0-100"),
  HISTORICAL_SCORE("historical_score", SimpleType.DOUBLE, "historical component 0-100"),
  POTENTIAL_SCORE("potential_score", SimpleType.DOUBLE, "potential component 0-100"),
  STRATEGIC_SCORE("strategic_score", SimpleType.DOUBLE, "strategic component 0-100"),
  INTERACTIONS("interactions", SimpleType.INT, "number of interactions"),
  COMPLAINTS("complaints", SimpleType.INT, "number of complaints"),
  VISITS("visits", SimpleType.INT, "number of visits"),
  DAYS_SINCE_CONTACT("days_since_contact", SimpleType.INT, "days from the latest interaction to the as-of date"),
  NPS("nps", SimpleType.INT, "latest NPS answer 0-10"),
  CSAT("csat", SimpleType.INT, "latest CSAT answer 1-5"),
  INDUSTRY("industry", SimpleType.STRING, "industry from the customers file"),
  SIZE("size", SimpleType.STRING, "company size from the customers file"),
  REGION("region", SimpleType.STRING, "region from the customers file"),
  OWNER("owner", SimpleType.STRING, "account owner from the customers file"),
  CHURN_PROB("churn_prob", SimpleType.DOUBLE,
      "probability of no purchase in the next 90 days (churn classifier, or BG/NBD when it wins), 0-1"),
  CLUSTER("cluster", SimpleType.INT, "behavioural cluster 1..k (k-means++ on recency, purchase days, order value)"),
  TOP_CATEGORY("top_category", SimpleType.STRING,
      "product category with the largest share of spend (of rows when product preference was not computed)"),
  TOP_CATEGORY_SHARE("top_category_share", SimpleType.DOUBLE, "that category's share of the customer's spend, 0-1"),
  NEXT_PRODUCT("next_product", SimpleType.STRING,
      "next-best product (or category) from co-purchases, one the customer has not bought");

  private final String variable;
  private final CelType type;
  private final String description;

  Metric(String variable, CelType type, String description) {
    this.variable = variable;
    this.type = type;
    this.description = description;
  }

  public String variable() {
    return variable;
  }

  public CelType type() {
    return type;
  }

  public String description() {
    return description;
  }

  public static Metric ofVariable(String name) {
    for (Metric m : values()) {
      if (m.variable.equals(name)) return m;
    }
    return null;
  }
}
