package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.kpi.KpiApiContract.group;
import static strata.server.kpi.KpiApiContract.kpis;
import static strata.server.kpi.KpiApiContract.tier;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * The start computes the KPIs missing from kept snapshots (a server killed between publication and KPIs, or upgraded
 * from before V21) on a background thread, and the KPI table of such a snapshot says they are being computed.
 */
abstract class KpiStartApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired KpiTables tables;

  @Test
  void missingKpisAreComputedInTheBackgroundAtStartAndTheTableSaysSoMeanwhile() {
    Api admin = admin();
    long[] runs = KpiInputsApiContract.twoSnapshots(admin, db, summaries);
    List<String> figures = KpiInputsApiContract.figures(db, runs[1]);
    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    Api rep = anonymous().as("wangfang", "wangfang-password-1");
    // As a server killed between publication and KPIs, and one upgraded from before V21, leave them.
    db.sql("delete from snapshot_kpi").update();
    db.sql("delete from snapshot_kpi_input").update();
    // Holding the computation's lock: a start that computed on its own thread would not return before it is free.
    synchronized (tables) {
      tables.computeMissing();
      for (Api viewer : List.of(admin, rep)) {
        Api.Response r = viewer.get("/api/v1/kpis?snapshot=" + runs[1]);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("kpis_computing");
      }
    }
    JsonNode table = kpis(admin, runs[1]);
    assertThat(KpiInputsApiContract.figures(db, runs[1])).isEqualTo(figures);
    assertThat(table.get("fromRun").asLong()).isEqualTo(runs[0]);
    assertThat(tier(group(kpis(rep, runs[1]), "owner", "王芳"), null).get("customers").asLong()).isEqualTo(2);
    assertThat(kpis(admin, runs[0]).get("fromRun").isNull()).isTrue();
  }
}
