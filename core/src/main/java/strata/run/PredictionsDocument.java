package strata.run;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import strata.churn.ChurnResult;
import strata.churn.Evaluation;
import strata.cluster.Cluster;
import strata.cluster.ClusterAnalysis;

/**
 * The churn classifier's held-out figures and the clusters of a run, for {@code quality.json}: codes and numbers, with
 * any text in English as in the rest of that document. Why something was not computed is in its {@code notes}.
 */
public final class PredictionsDocument {
  private PredictionsDocument() {}

  /** {@code churn_prob_from} (classifier, baseline or none), both predictors' figures and the features used. */
  static Map<String, Object> churn(ChurnResult churn) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("churn_prob_from", churn.source().name().toLowerCase(Locale.ROOT));
    doc.put("classifier", json(churn.classifier()));
    doc.put("baseline", json(churn.baseline()));
    doc.put("features", churn.features());
    return doc;
  }

  /** k, the silhouette that chose it (null when the model fixed k) and each cluster. */
  static Map<String, Object> clusters(ClusterAnalysis.Result clusters) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("k", clusters.clusters().size());
    doc.put("silhouette", rounded(clusters.silhouette(), 4));
    doc.put("clusters", clusters.clusters().stream().map(c -> cluster(c, true)).toList());
    return doc;
  }

  /**
   * Each cluster as codes and figures without text, for an edge that renders the description in its reader's
   * language from {@code frequency}, {@code order_size} and {@code recency} (the server's API).
   */
  public static java.util.List<Map<String, Object>> clusterFigures(ClusterAnalysis.Result clusters) {
    return clusters.clusters().stream().map(c -> cluster(c, false)).toList();
  }

  private static Map<String, Object> cluster(Cluster c, boolean withDescription) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", c.id());
    if (withDescription) doc.put("description", c.describe(Locale.ENGLISH));
    doc.put("customers", c.customers());
    doc.put("revenue", BigDecimal.valueOf(c.revenueCents(), 2));
    doc.put("recency_days", rounded(c.recencyDays(), 1));
    doc.put("purchase_days", rounded(c.purchaseDays(), 2));
    doc.put("avg_order_value", rounded(c.avgOrderValue(), 2));
    doc.put("frequency", code(c.frequency()));
    doc.put("order_size", code(c.orderSize()));
    doc.put("recency", code(c.recency()));
    return doc;
  }

  private static Map<String, Object> json(Evaluation e) {
    return e == null ? null : e.toJson();
  }

  private static String code(Cluster.Level level) {
    return level.name().toLowerCase(Locale.ROOT);
  }

  /** Null for NaN: JSON has no NaN. */
  private static BigDecimal rounded(double v, int decimals) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP) : null;
  }
}
