package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import strata.run.Predictions;
import strata.run.Progress;
import strata.run.RunInputs;
import strata.run.ScoredCustomers;
import strata.run.ScoringRun;
import strata.server.intake.Uploads;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.tier.Metric;
import strata.tier.TierModel;
import tools.jackson.databind.JsonNode;

/**
 * A server run that excludes outlier amounts (POST /runs {"outliers":"exclude"}) scores the stored purchases as
 * {@code strata score --outliers exclude} scores the same file: every buyer has the same monetary value and tier, and
 * the run notes how many rows it left out (issue 18 §4).
 */
@TestPropertySource(properties = "strata.runs.after-import=false")
class OutliersOnServerTest extends ServerTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @TempDir
  Path dir;

  @Test
  void excludingOutliersGivesTheFileRunsMonetaryAndTiers() throws IOException {
    Path file = dir.resolve("orders.csv");
    Files.writeString(file, orders());
    Api admin = admin();
    JsonNode job = Uploads.importFile(admin, "orders.csv", Files.readAllBytes(file), "transactions");
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
    assertThat(admin.post("/api/v1/runs", Map.of("outliers", "sometimes")).status()).isEqualTo(400);

    long run = runToEnd(admin, Map.of("asOf", AS_OF.toString(), "outliers", "exclude"));
    List<String> notes = new ArrayList<>();
    admin.get("/api/v1/runs/" + run).json().get("notes").forEach(n -> notes.add(n.get("en").asString()));
    // One typed amount among 200 ordinary ones (hand-made below): one row left out, named with its customer.
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("1 stored purchases have amounts of at least ")
        .contains("X7 99999999.00 (2026-05-02)"));

    ScoredCustomers s = ScoringRun.run(RunInputs.of(file).withAsOf(AS_OF).withOutliersExcluded(true),
        CompletableFuture.completedFuture(TierModel.defaultModel()), rejected -> { }, Progress.NONE,
        Predictions.NONE).customers();
    TierModel model = TierModel.defaultModel();
    int buyers = 0;
    for (int i = 0; i < s.size; i++) {
      if (!s.bought(i)) continue;
      buyers++;
      JsonNode c = admin.get("/api/v1/customers/" + s.customerId(i)).json();
      assertThat(c.get("metrics").get("monetary").asDouble()).as(s.customerId(i))
          .isEqualTo(((Number) s.value(i, Metric.MONETARY)).doubleValue());
      assertThat(c.get("tier").asString()).as(s.customerId(i)).isEqualTo(model.tiers().get(s.tier[i]).id());
    }
    assertThat(buyers).isEqualTo(40);
    // By hand: X7 bought 5 × 100-ish yuan and the typed 99,999,999; without it X7's monetary is its five orders.
    double x7 = admin.get("/api/v1/customers/X7").json().get("metrics").get("monetary").asDouble();
    assertThat(x7).isLessThan(1000);
  }

  /** 40 customers with 5 orders each of 80-160 yuan in 2026, and one typed 99,999,999 for X7. */
  private static String orders() {
    Random r = new Random(4);
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    for (int c = 0; c < 40; c++) {
      for (int k = 0; k < 5; k++) {
        csv.append('X').append(c).append(',').append(LocalDate.of(2026, 1, 1).plusDays(r.nextInt(170))).append(',')
            .append(80 + r.nextInt(81)).append(".00\n");
      }
    }
    return csv.append("X7,2026-05-02,99999999.00\n").toString();
  }

  private static long runToEnd(Api api, Map<String, String> body) {
    Api.Response started = api.post("/api/v1/runs", body);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    long id = started.json().get("id").asLong();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode run = api.get("/api/v1/runs/" + id).json();
      if (run.get("status").asString().equals("succeeded")) return id;
      assertThat(run.get("status").asString()).as(run.toString()).isIn("running", "succeeded");
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("run " + id + " did not finish");
  }
}
