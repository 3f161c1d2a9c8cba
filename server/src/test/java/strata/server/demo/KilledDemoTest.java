package strata.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.demo.DemoExperiment;
import strata.demo.DemoOptions;
import strata.server.testing.ServerProcess;
import strata.server.testing.StoredRows;

/**
 * {@code --demo} killed halfway through its load: after it saved the experiment's model version and while the run of
 * that quarter (run 4, StallAfterRows) writes its snapshot. The next start must finish the demo, not leave three
 * quarters with a model whose experiment never started: each quarter tiered once, the experiment's model saved
 * once, the experiment started, the last quarter current.
 */
class KilledDemoTest {
  @Test
  void aDemoLoadCutOffIsFinishedByTheNextStart(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data)
      throws Exception { // the servers' logs stay on failure
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    List<String> models;
    try (ServerProcess first = StoredRows.start(data, port, "--demo",
        "--strata.test.stall-run=4")) {
      waitFor(() -> first.logged("STALLED run 4"));
      models = StoredRows.rows(url, "select version, note from tier_model order by version");
      assertThat(models.get(models.size() - 1)).as("the experiment's model, saved before its quarter's run")
          .endsWith("win-back experiment (20 % held out)");
      first.kill();
    }
    try (ServerProcess second = StoredRows.start(data, port, "--demo")) {
      waitFor(() -> second.logged("Strata demo is ready"));
      List<String> quarters = DemoLoader.snapshotDays(DemoOptions.DEFAULT_AS_OF).stream().map(Object::toString)
          .toList();
      assertThat(StoredRows.rows(url, "select as_of from tier_run where status = 'succeeded' order by id"))
          .as("each quarter tiered once, in order").isEqualTo(quarters);
      assertThat(StoredRows.rows(url, "select id, status from tier_run where id = 4")).containsExactly("4|failed");
      assertThat(StoredRows.rows(url, "select version, note from tier_model order by version"))
          .as("the experiment's model saved once").isEqualTo(models);
      assertThat(StoredRows.rows(url, "select id, started_as_of from experiment")).containsExactly(
          DemoExperiment.ID + "|" + DemoExperiment.start(DemoOptions.DEFAULT_AS_OF));
      assertThat(StoredRows.rows(url, "select r.as_of from current_run c join tier_run r on r.id = c.run_id"))
          .containsExactly(DemoOptions.DEFAULT_AS_OF.toString());
      assertThat(StoredRows.rows(url, "select count(*) from customer")).containsExactly("2000");
    }
  }
}
