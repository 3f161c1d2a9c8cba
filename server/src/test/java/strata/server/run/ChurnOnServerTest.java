package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static strata.server.testing.TierHistory.runToEnd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import strata.cluster.Cluster;
import strata.demo.DemoDataGenerator;
import strata.i18n.Labels;
import strata.demo.DemoOptions;
import strata.run.Predictions;
import strata.run.Progress;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.run.ScoredCustomers;
import strata.run.ScoringRun;
import strata.server.intake.Uploads;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.tier.Metric;
import strata.tier.TierModel;
import tools.jackson.databind.JsonNode;

/**
 * The server predicts churn from what it stores as a file run does from its files read again: the demo's data
 * imported and run as of its last quarter end gives every buyer the churn_prob, reasons and cluster that
 * {@code strata score --churn --clusters} gives for the same files (the same core code, fed by another reader: the
 * server loads its data as of the classifier's cut-off where the file run re-reads the files).
 */
@TestPropertySource(properties = {"strata.runs.churn=true", "strata.runs.clusters=true",
    "strata.runs.after-import=false"})
class ChurnOnServerTest extends ServerTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @TempDir
  Path dir;

  @Test
  void everyBuyerGetsTheFileRunsChurnProbabilityReasonsAndCluster() throws IOException {
    DemoDataGenerator.write(dir, DemoOptions.defaults());
    Api admin = admin();
    Map<String, String> kinds = Map.of(DemoDataGenerator.CUSTOMERS_FILE, "customers",
        DemoDataGenerator.ORDERS_FILE, "transactions", DemoDataGenerator.INTERACTIONS_FILE, "interactions",
        DemoDataGenerator.SURVEYS_FILE, "surveys");
    for (String file : List.of(DemoDataGenerator.CUSTOMERS_FILE, DemoDataGenerator.ORDERS_FILE,
        DemoDataGenerator.INTERACTIONS_FILE, DemoDataGenerator.SURVEYS_FILE)) {
      JsonNode job = Uploads.importFile(admin, file, Files.readAllBytes(dir.resolve(file)), kinds.get(file));
      assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
    }
    runToEnd(admin, DemoOptions.DEFAULT_AS_OF.toString());

    RunResult file = ScoringRun.run(RunInputs.of(dir.resolve(DemoDataGenerator.ORDERS_FILE))
            .withSideFiles(dir.resolve(DemoDataGenerator.CUSTOMERS_FILE),
                dir.resolve(DemoDataGenerator.INTERACTIONS_FILE), dir.resolve(DemoDataGenerator.SURVEYS_FILE))
            .withAsOf(DemoOptions.DEFAULT_AS_OF),
        CompletableFuture.completedFuture(TierModel.defaultModel()), rejected -> { }, Progress.NONE,
        new Predictions(true, true));
    ScoredCustomers s = file.customers();
    assertThat(s.churn).isNotNull();
    // Whichever of the classifier and the BG/NBD baseline ranks the held-out buyers better fills the column: it
    // must be filled, and the same, on both.
    assertThat(s.churn.churnProb()).as(s.churn.notes().toString()).doesNotContain(Float.NaN);
    int buyers = 0;
    for (int i = 0; i < s.size; i++) {
      if (!s.bought(i)) continue;
      buyers++;
      JsonNode m = admin.get("/api/v1/customers/" + s.customerId(i)).json().get("metrics");
      String who = s.customerId(i);
      for (Metric same : List.of(Metric.MONETARY, Metric.FREQUENCY, Metric.RECENCY_DAYS)) {
        assertThat(m.get(same.variable()).asDouble()).as(who + " " + same.variable())
            .isEqualTo(((Number) s.value(i, same)).doubleValue());
      }
      assertThat(m.get("churn_prob").asDouble()).as(who)
          .isCloseTo(((Number) s.value(i, Metric.CHURN_PROB)).doubleValue(), within(1e-6));
      if (s.churn.usesClassifier()) {
        List<String> reasons = new ArrayList<>();
        m.get("churn_reasons").forEach(r -> reasons.add(r.asString()));
        assertThat(reasons).as(who).isEqualTo(fileReasons(s, i));
      } else {
        assertThat(m.has("churn_reasons")).as(who + ": the baseline's probability has no reasons").isFalse();
      }
      assertThat(m.get("cluster").asInt()).as(who).isEqualTo(((Number) s.value(i, Metric.CLUSTER)).intValue());
      sameDescription(m.get("cluster_profile"), s.clusters.clusters().get(s.clusters.cluster()[i] - 1), who);
    }
    assertThat(buyers).isGreaterThan(1000);
  }

  /**
   * The server serves a customer's cluster as codes and its centre; rendered with the labels the file run names its
   * clusters with, they read as the file run's cluster_name in both languages, and the centre is the file run's.
   */
  private static void sameDescription(JsonNode profile, Cluster file, String who) {
    assertThat(profile).as(who + " has a cluster profile").isNotNull();
    assertThat(profile.get("id").asInt()).isEqualTo(file.id());
    for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      String rendered = MessageFormat.format(Labels.get("cluster.describe", locale),
          Labels.get("cluster.frequency." + profile.get("frequency").asString(), locale),
          Labels.get("cluster.size." + profile.get("order_size").asString(), locale),
          Labels.get("cluster.recency." + profile.get("recency").asString(), locale));
      assertThat(rendered).as(who).isEqualTo(file.describe(locale));
    }
    assertThat(profile.get("recency_days").asDouble()).as(who).isCloseTo(file.recencyDays(), within(0.05));
    assertThat(profile.get("purchase_days").asDouble()).as(who).isCloseTo(file.purchaseDays(), within(0.005));
    assertThat(profile.get("avg_order_value").asDouble()).as(who).isCloseTo(file.avgOrderValue(), within(0.005));
  }

  private static List<String> fileReasons(ScoredCustomers s, int i) {
    int k = strata.churn.ChurnResult.REASONS;
    List<String> out = new ArrayList<>();
    for (int q = 0; q < k && s.churn.reasonFeature()[i * k + q] >= 0; q++) {
      out.add(s.churn.features().get(s.churn.reasonFeature()[i * k + q]));
    }
    return out;
  }
}
