package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.identity.CandidatePair;
import strata.identity.DuplicateCandidates;
import strata.identity.IdentityReport;
import strata.identity.MatchReason;

class QualityDocumentTest {
  private static final IdentityReport REPORT = new IdentityReport(
      List.of(new CandidatePair("C1", "C2", 0.5, List.of(MatchReason.SAME_NAME), "Li Lei", "Li Lei")),
      List.of(new DuplicateCandidates.CommonKey(MatchReason.SAME_PHONE, 40, List.of("C3", "C4"))),
      List.of(), false, Map.of("c5", "C5"), 0, List.of());

  @Test
  @SuppressWarnings("unchecked")
  void identityExamplesKeepTheirKeysInOneOrder() {
    // Written in this order, as duplicates.csv's columns; Map.of's order changed with every JVM start.
    Map<String, Object> doc = QualityDocument.identity(REPORT);
    Map<String, Object> pair = ((List<Map<String, Object>>) doc.get("duplicate_examples")).get(0);
    Map<String, Object> key = ((List<Map<String, Object>>) doc.get("common_keys")).get(0);
    Map<String, Object> merged = ((List<Map<String, Object>>) doc.get("merged_examples")).get(0);
    assertThat(pair).containsExactly(Map.entry("id_a", "C1"), Map.entry("id_b", "C2"), Map.entry("score", 0.5),
        Map.entry("reasons", "same_name"));
    assertThat(key.keySet()).containsExactly("reason", "customers", "example_ids");
    assertThat(merged).containsExactly(Map.entry("id", "c5"), Map.entry("merged_into", "C5"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void churnFiguresOfBothPredictorsAndWhereChurnProbComesFrom() {
    var bins = List.of(new strata.churn.BinaryMetrics.Bin(0.3, 0.4, 2, 0.35, 0.5));
    var classifier = new strata.churn.Evaluation(4, 2, 0.75, 0.8333333, 0.19, 2.0, bins,
        new strata.churn.Evaluation.Calibration(new strata.churn.PlattScaling(-0.5, 0.1, 3), 0.21, bins));
    var baseline = new strata.churn.Evaluation(4, 2, 0.5, 0.5, 0.25, 1.0, bins, null);
    Map<String, Object> won = PredictionsDocument.churn(new strata.churn.ChurnResult(classifier, baseline, true,
        new float[0], new int[0], new float[0], List.of("recency_days"), List.of()));
    assertThat(won.keySet()).containsExactly("churn_prob_from", "classifier", "baseline", "features");
    assertThat(won.get("churn_prob_from")).isEqualTo("classifier");
    assertThat((Map<String, Object>) won.get("classifier")).containsEntry("auc", 0.75).containsEntry("pr_auc", 0.8333)
        .containsEntry("brier", 0.19).containsEntry("top_decile_lift", 2.0).containsEntry("customers", 4);
    // The Brier score and reliability of the probabilities before calibration, beside how they were calibrated.
    assertThat((Map<String, Object>) ((Map<String, Object>) won.get("classifier")).get("calibration"))
        .containsEntry("method", "platt").containsEntry("a", -0.5).containsEntry("b", 0.1).containsEntry("customers", 3)
        .containsEntry("brier_before", 0.21).containsKey("reliability_before");
    assertThat((Map<String, Object>) won.get("baseline")).containsEntry("auc", 0.5).doesNotContainKey("calibration");
    Map<String, Object> lost = PredictionsDocument.churn(new strata.churn.ChurnResult(classifier, baseline, false,
        new float[0], new int[0], new float[0], List.of(), List.of()));
    assertThat(lost.get("churn_prob_from")).isEqualTo("baseline");
    Map<String, Object> none = PredictionsDocument.churn(new strata.churn.ChurnResult(null, baseline, false,
        new float[0], new int[0], new float[0], List.of(), List.of()));
    assertThat(none.get("churn_prob_from")).isEqualTo("none");
    assertThat(none.get("classifier")).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void clustersWithDescriptionSizeRevenueAndCentre() {
    var frequent = new strata.cluster.Cluster(1, 3, 15_005, 12.35, 9.255, 45.6, strata.cluster.Cluster.Level.HIGH,
        strata.cluster.Cluster.Level.LOW, strata.cluster.Cluster.Level.LOW);
    var empty = new strata.cluster.Cluster(2, 0, 0, Double.NaN, Double.NaN, Double.NaN,
        strata.cluster.Cluster.Level.MID, strata.cluster.Cluster.Level.MID, strata.cluster.Cluster.Level.MID);
    Map<String, Object> doc = PredictionsDocument.clusters(
        new strata.cluster.ClusterAnalysis.Result(new int[3], List.of(frequent, empty), 0.45678, List.of()));
    assertThat(doc.get("k")).isEqualTo(2);
    assertThat(doc.get("silhouette")).hasToString("0.4568");
    Map<String, Object> first = ((List<Map<String, Object>>) doc.get("clusters")).get(0);
    assertThat(first.keySet()).containsExactly("id", "description", "customers", "revenue", "recency_days",
        "purchase_days", "avg_order_value", "frequency", "order_size", "recency");
    assertThat(first.get("description")).isEqualTo("frequent small orders, recent");
    assertThat(first.get("revenue")).hasToString("150.05");
    // Half up from the decimal shown: 12.35 -> 12.4, 9.255 -> 9.26 (the doubles nearest print as these decimals).
    assertThat(first.get("recency_days")).hasToString("12.4");
    assertThat(first.get("purchase_days")).hasToString("9.26");
    assertThat(first.get("avg_order_value")).hasToString("45.60");
    assertThat(first).containsEntry("frequency", "high").containsEntry("order_size", "low")
        .containsEntry("recency", "low");
    Map<String, Object> second = ((List<Map<String, Object>>) doc.get("clusters")).get(1);
    assertThat(second.get("recency_days")).isNull();
    assertThat(second.get("revenue")).hasToString("0.00");
    var fixed = new strata.cluster.ClusterAnalysis.Result(new int[3], List.of(frequent), Double.NaN, List.of());
    assertThat(PredictionsDocument.clusters(fixed).get("silhouette")).isNull();
  }
}
