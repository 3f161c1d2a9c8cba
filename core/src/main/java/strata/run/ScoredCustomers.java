package strata.run;

import java.nio.charset.Charset;
import strata.abc.AbcClassifier;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.lifecycle.LifecycleStage;
import strata.rfm.ClassicSegment;
import strata.rfm.RfmScores;
import strata.rfm.RfmSegment11;
import strata.summary.PurchaseColumns;
import strata.tier.Metric;
import strata.tier.MetricSource;
import strata.value.CompositeScores;
import strata.value.Quadrant;

/**
 * Every metric and score of every customer of a run, as columns. Customers 0..purchasers-1 are the buyers in order
 * of first appearance in the transactions file; the rest are prospects from the customers file who never bought.
 */
public final class ScoredCustomers implements MetricSource {
  public final int size;
  public final int purchasers;
  public final int asOfDay;
  public final PurchaseColumns purchases;
  public final Charset idCharset;
  /** Prospects' ids, index {@code i - purchasers}. */
  public final String[] prospectIds;
  /** Profiles by customer index, null where the customers file does not list the customer (or there is none). */
  public final CustomerProfile[] profiles;
  /** Engagement by customer index, null where there is none. */
  public final Engagement[] engagements;
  public final RfmScores rfm;
  public final byte[] classicSegment;
  public final byte[] segment11;
  public final byte[] abc;
  public final byte[] lifecycle;
  public final CompositeScores composite;
  public final byte[] quadrant;
  /** CLV model predictions for buyers (NaN where the models could not be fitted) and the fits. */
  public final ClvStage.Result clv;
  public byte[] tier;
  /** {@link Metric#DOWNGRADE_RISK} by customer index, NaN where unknown; null without a tier history. */
  float[] downgradeRisk;
  /** Churn prediction per buyer, null when the run did not compute it (opt-in, see {@link ScoringRun}). */
  public strata.churn.ChurnResult churn;
  /** Behavioural clusters of the buyers, null when the run did not compute them. */
  public strata.cluster.ClusterAnalysis.Result clusters;
  /** Product preference of the buyers, null when the run did not compute it. */
  public strata.product.ProductPreferences products;

  ScoredCustomers(int asOfDay, PurchaseColumns purchases, Charset idCharset, String[] prospectIds,
      CustomerProfile[] profiles, Engagement[] engagements, RfmScores rfm, byte[] classicSegment, byte[] segment11,
      byte[] abc, byte[] lifecycle, CompositeScores composite, byte[] quadrant, ClvStage.Result clv) {
    this.purchasers = purchases.size;
    this.size = purchasers + prospectIds.length;
    this.asOfDay = asOfDay;
    this.purchases = purchases;
    this.idCharset = idCharset;
    this.prospectIds = prospectIds;
    this.profiles = profiles;
    this.engagements = engagements;
    this.rfm = rfm;
    this.classicSegment = classicSegment;
    this.segment11 = segment11;
    this.abc = abc;
    this.lifecycle = lifecycle;
    this.composite = composite;
    this.quadrant = quadrant;
    this.clv = clv;
  }

  /** A CLV prediction of customer i, or NaN (prospects, or no model). */
  public float prediction(float[] values, int i) {
    return i < purchasers ? values[i] : Float.NaN;
  }

  public String customerId(int i) {
    return i < purchasers ? purchases.customerId(i, idCharset) : prospectIds[i - purchasers];
  }

  public boolean bought(int i) {
    return i < purchasers;
  }

  public int recencyDays(int i) {
    return asOfDay - purchases.lastDay[i];
  }

  public int tenureDays(int i) {
    return asOfDay - purchases.firstDay[i];
  }

  /** Net spend in currency units (exact cents are in {@link PurchaseColumns#netCents}). */
  public double monetary(int i) {
    return purchases.netCents[i] / 100.0;
  }

  public double annualValue(int i) {
    return monetary(i) * 365.0 / Math.max(90, tenureDays(i));
  }

  public double purchaseRate(int i) {
    return purchases.distinctDays[i] * 365.0 / Math.max(30, tenureDays(i));
  }

  public LifecycleStage stage(int i) {
    return LifecycleStage.ofOrdinal(lifecycle[i]);
  }

  @Override
  public Object value(int i, Metric metric) {
    boolean b = i < purchasers;
    Engagement e = engagements == null ? null : engagements[i];
    CustomerProfile p = profiles == null ? null : profiles[i];
    return switch (metric) {
      case HAS_PURCHASE -> b;
      case RECENCY_DAYS -> b ? (Object) (long) recencyDays(i) : null;
      case FREQUENCY -> b ? purchases.orders[i] : 0L;
      case PURCHASE_DAYS -> b ? (long) purchases.distinctDays[i] : 0L;
      case MONETARY -> b ? monetary(i) : 0.0;
      case AVG_ORDER_VALUE -> b && purchases.orders[i] > 0 ? monetary(i) / purchases.orders[i] : null;
      case REFUND_AMOUNT -> b ? purchases.refundCents[i] / 100.0 : 0.0;
      case TENURE_DAYS -> b ? (Object) (long) tenureDays(i) : null;
      case ANNUAL_VALUE -> b ? annualValue(i) : 0.0;
      case PURCHASE_RATE -> b ? purchaseRate(i) : 0.0;
      case R_SCORE -> b ? (Object) (long) rfm.r()[i] : null;
      case F_SCORE -> b ? (Object) (long) rfm.f()[i] : null;
      case M_SCORE -> b ? (Object) (long) rfm.m()[i] : null;
      case RFM_SEGMENT -> b ? ClassicSegment.ofOrdinal(classicSegment[i]).code() : null;
      case RFM_SEGMENT11 -> b ? RfmSegment11.ofOrdinal(segment11[i]).code() : null;
      case ABC_CLASS -> b ? AbcClassifier.code(abc[i]) : null;
      case LIFECYCLE_STAGE -> stage(i).code();
      case VALUE_QUADRANT -> Quadrant.ofOrdinal(quadrant[i]).code();
      case CLV -> present(prediction(clv.clv(), i));
      case P_ALIVE -> present(prediction(clv.pAlive(), i));
      case CHURN_RISK -> Float.isNaN(prediction(clv.pAlive(), i)) ? null : 1.0 - clv.pAlive()[i];
      case EXPECTED_PURCHASES_90D -> present(prediction(clv.expected90(), i));
      case DOWNGRADE_RISK -> downgradeRisk == null ? null : present(downgradeRisk[i]);
      case COMPOSITE_SCORE -> present(composite.score()[i]);
      case HISTORICAL_SCORE -> present(composite.historical()[i]);
      case POTENTIAL_SCORE -> present(composite.potential()[i]);
      case STRATEGIC_SCORE -> present(composite.strategic()[i]);
      case INTERACTIONS -> e == null ? 0L : e.interactions();
      case COMPLAINTS -> e == null ? 0L : e.complaints();
      case VISITS -> e == null ? 0L : e.visits();
      case DAYS_SINCE_CONTACT -> e == null || e.lastContactDay() < 0 ? null : (Object) (long) (asOfDay - e.lastContactDay());
      case NPS -> e == null || e.nps() < 0 ? null : (Object) (long) e.nps();
      case CSAT -> e == null || e.csat() < 0 ? null : (Object) (long) e.csat();
      case INDUSTRY -> p == null ? "" : p.industry();
      case SIZE -> p == null ? "" : p.size();
      case REGION -> p == null ? "" : p.region();
      case OWNER -> p == null ? "" : p.owner();
      case CHURN_PROB -> b && churn != null ? present(churn.churnProb()[i]) : null;
      case CLUSTER -> b && clusters != null && clusters.cluster()[i] > 0 ? (Object) (long) clusters.cluster()[i] : null;
      case TOP_CATEGORY -> b ? topCategory(i) : null;
      case TOP_CATEGORY_SHARE -> b ? topCategoryShare(i) : null;
      case NEXT_PRODUCT -> b && products != null && products.next()[i] != null ? products.next()[i].item() : null;
    };
  }

  /** By spend when product preference was computed, else the category with most rows; null when unknown. */
  public String topCategory(int i) {
    if (products != null) {
      var top = products.topCategory(i);
      return top == null ? null : top.name();
    }
    return purchases.topCategory == null ? null : purchases.topCategory[i];
  }

  /** The share of {@link #topCategory}, or null. */
  public Double topCategoryShare(int i) {
    double share = products != null ? products.topCategoryShare(i)
        : purchases.topCategoryShare == null ? Double.NaN : purchases.topCategoryShare[i];
    return Double.isNaN(share) ? null : share;
  }

  private static Object present(float v) {
    return Float.isNaN(v) ? null : (double) v;
  }
}
