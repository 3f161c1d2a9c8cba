package strata.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static strata.server.testing.TierHistory.runToEnd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Around a running experiment (the care_test of {@link ExperimentApiContract} on the data of {@link ExperimentData}):
 * the minimum detectable effect of a planned one, and a task made by hand for a held-out customer, which is made but
 * warned about and audited with the experiment.
 */
@Import(MovableClock.Config.class)
abstract class ExperimentPlanningApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired MovableClock clock;

  @Test
  void plansAnExperimentAndWarnsOfHandMadeTasksForHeldOutCustomers() {
    clock.day("2026-05-15");
    Api admin = admin();
    ExperimentData data = new ExperimentData();
    // care_test declares its own duration: 60 days instead of the server's 90.
    String sixtyDays = ExperimentApiContract.WITH_HOLDOUT.replace("share: 0.5}", "share: 0.5, days: 60}");
    assertThat(admin.put("/api/v1/model", Map.of("yaml", sixtyDays)).status()).isEqualTo(201);
    data.history(db, summaries);
    runToEnd(admin, "2026-03-31");

    // 90 days up to 2026-03-31 start on 2026-01-01: 30 of the 60 big customers bought (2026-02-01), baseline 0.5.
    // 30 a group: d = 2.801585 * sqrt(0.25 / 30 + (0.5 + d)(0.5 - d) / 30), by bisection in Python: 0.32200.
    JsonNode big = admin.get("/api/v1/experiments/plan?tiers=big&share=0.5&days=90").json();
    assertThat(big.get("from").asString()).isEqualTo("2026-01-01");
    assertThat(big.at("/mde/0/tier").asString()).isEqualTo("big");
    assertThat(big.at("/mde/0/customers").asLong()).isEqualTo(60);
    assertThat(big.at("/mde/0/baseline").asDouble()).isEqualTo(0.5);
    assertThat(big.at("/mde/0/mde").asDouble()).isCloseTo(0.32200, within(1e-4));
    // Every tier: small's 3 customers never bought in the window (no variation); over all 63, 30 bought, 32 a group
    // (63 / 2 rounded): d = 2.801585 * sqrt(p q / 32 + (p + d)(q - d) / 32), p = 30/63, in Python: 0.31819.
    JsonNode all = admin.get("/api/v1/experiments/plan?share=0.5").json();
    assertThat(all.get("days").asInt()).isEqualTo(90); // the server's duration
    assertThat(all.at("/mde/1/reason").asString()).isEqualTo("no_variation");
    assertThat(all.at("/mde/2/tier").asString()).isEmpty();
    assertThat(all.at("/mde/2/mde").asDouble()).isCloseTo(0.31819, within(1e-4));
    // 10 % of 60 is 6 held out: not even a rise from 50 % to 100 % would show.
    JsonNode few = admin.get("/api/v1/experiments/plan?tiers=big&share=0.1").json();
    assertThat(few.at("/mde/0/mde").isNull()).isTrue();
    assertThat(few.at("/mde/0/reason").asString()).isEqualTo("too_few");
    // The declared experiment's design: tier big, share 0.5, 60 days up to 2026-03-31 from 2026-01-31, which still
    // holds the purchases of 2026-02-01, so the baseline and MDE are those above.
    JsonNode declared = admin.get("/api/v1/experiments/plan?experiment=care_test").json();
    assertThat(declared.get("days").asInt()).isEqualTo(60);
    assertThat(declared.get("from").asString()).isEqualTo("2026-01-31");
    assertThat(declared.get("share").asDouble()).isEqualTo(0.5);
    assertThat(declared.at("/mde/0/tier").asString()).isEqualTo("big");
    assertThat(declared.at("/mde/0/mde").asDouble()).isCloseTo(0.32200, within(1e-4));
    assertThat(admin.get("/api/v1/experiments").json().at("/0/plannedEnd").asString())
        .isEqualTo("2026-05-30");
    assertThat(admin.get("/api/v1/experiments/plan?experiment=nope").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/experiments/plan").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/experiments/plan?share=1").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/experiments/plan?share=0.1&days=0").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/experiments/plan?share=0.1&tiers=huge").json().toString()).contains("huge");

    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    Api rep = anonymous().as("wangfang", "wangfang-password-1");
    assertThat(rep.get("/api/v1/experiments/plan?share=0.5").status()).isEqualTo(403);

    // 王芳 owns K-01..K-30: one held-out and one treated customer of hers get a call by hand.
    String heldOut = data.heldOut.stream().filter(id -> id.compareTo("K-30") <= 0).findFirst().orElseThrow();
    String treated = data.treated.stream().filter(id -> id.compareTo("K-30") <= 0).findFirst().orElseThrow();
    Api.Response made = rep.post("/api/v1/customers/bulk/task", Map.of("ids", List.of(heldOut, treated), "type",
        "follow_up", "channel", "phone", "dueDate", "2026-05-20", "note", "回访"));
    assertThat(made.status()).as(made.body()).isEqualTo(200);
    assertThat(made.json().get("created").asInt()).isEqualTo(2); // allowed all the same
    assertThat(made.json().get("heldOut")).hasSize(1);
    assertThat(made.json().at("/heldOut/0/customerId").asString()).isEqualTo(heldOut);
    assertThat(made.json().at("/heldOut/0/experiment").asString()).isEqualTo("care_test");
    List<String> audit = new ArrayList<>();
    admin.get("/api/v1/audit?action=task_held_out").json().get("items")
        .forEach(e -> audit.add(e.get("username").asString() + ": " + e.get("detailParams")));
    assertThat(audit).singleElement().asString().contains("wangfang", "care_test", heldOut, "follow_up", "2026-05-20")
        .doesNotContain(treated);
    // The same task again is not made twice, and nothing new is warned about or audited.
    JsonNode again = rep.post("/api/v1/customers/bulk/task", Map.of("ids", List.of(heldOut), "type", "follow_up",
        "channel", "phone", "dueDate", "2026-05-20")).json();
    assertThat(again.get("existing").asInt()).isEqualTo(1);
    assertThat(again.get("heldOut")).isEmpty();
  }
}
