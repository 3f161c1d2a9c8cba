package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import strata.server.testing.StoredRows;

/**
 * The writers that move owners and open tasks, under {@code kill -9} at a random moment: a bulk assignment of the
 * customer list, a bulk task, and the task plan's escalation of overdue tasks to the pool (killed within the plan that
 * follows a run's publication, where escalations happen). After each restart the
 * customers, their snapshot rows, the pool's events, the tasks, the escalations and the audit log must be as before
 * the action or as after it whole, never a mix.
 */
class KilledActionsTest {
  private static final long SEED = 20261204L;
  private static final int CUSTOMERS = 1_000; // the most a bulk action takes
  private static final String MODEL = """
      tiers:
        - id: all
          name: {zh: 全部, en: All}
          when: true
          service:
            cadence: {every_days: 30, channels: [phone]}
            escalation: {after_days: 1, then: pool}
      """;
  /** What the actions write, each table's rows in a fixed order. */
  private static final Map<String, String> TABLES = Map.of(
      "customer", "select id, owner from customer order by id",
      "pool_event", "select customer_id, kind, from_owner, to_owner, rule from pool_event order by id",
      "service_task", "select task_key, owner, status from service_task order by task_key",
      "task_escalation", "select task_id, customer_id, action, to_owner from task_escalation order by task_id",
      "audit_log", "select action, detail_code, detail_params from audit_log "
          + "where action like 'pool_%' or action like 'bulk_%' "
          + "or action like 'task_escalation%' order by id");

  @Test
  void bulkActionsAndEscalationsLeaveTheStoreBeforeOrAfter(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data)
      throws Exception {
    Random random = new Random(SEED);
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    ServerProcess server = StoredRows.start(data, port);
    try {
      Api admin = server.admin();
      customers(admin);
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "escalation")).status()).isEqualTo(201);
      long run = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
      published(admin, run);
      long t0 = System.nanoTime();
      waitFor(() -> planned(url, run));
      long planNanos = System.nanoTime() - t0; // the plan follows the publication, in a transaction of its own
      assertThat(StoredRows.count(url, "select count(*) from service_task where status = 'open'")).isPositive();
      List<String> ids = StoredRows.rows(url, "select id from customer order by id");
      LocalDate due = LocalDate.now().plusDays(7);

      for (String action : List.of("assign", "task", "escalate")) {
        long budget;
        if (!action.equals("escalate")) {
          // Done whole once to time it (to bob, due in a week), then killed while it does it again (to alice, due a
          // day later), so that the second has everything to do.
          long started = System.nanoTime();
          Api.Response r = bulk(admin, action, ids, "bob", due);
          budget = System.nanoTime() - started;
          assertThat(r.status()).as(r.body()).isEqualTo(200);
        } else {
          // Every open task is overdue: the plan that follows a run moves their customers to the pool.
          update(url, "update service_task set due_date = current_date - 10 where status = 'open'");
          budget = planNanos;
        }
        Map<String, List<String>> before = StoredRows.tables(url, TABLES);
        Api a = admin;
        Thread sender = new Thread(() -> {
          try {
            if (!action.equals("escalate")) bulk(a, action, ids, "alice", due.plusDays(1));
          } catch (RuntimeException e) { // the server was killed
          }
        });
        sender.start();
        if (action.equals("escalate")) published(admin, admin.post("/api/v1/runs", Map.of()).json().get("id").asLong());
        Thread.sleep((long) (random.nextDouble() * 1.2 * budget / 1_000_000));
        server.kill();
        sender.join();
        server = StoredRows.start(data, port);
        admin = server.admin();
        Map<String, List<String>> after = StoredRows.tables(url, TABLES);
        boolean applied = !after.equals(before);
        if (applied) assertApplied(action, before, after, url);
        assertSnapshotOwners(url);
        System.out.printf("KilledActionsTest: %s %s%n", action, applied ? "applied whole" : "left nothing");
      }
    } finally {
      server.kill();
    }
  }

  private static Api.Response bulk(Api admin, String action, List<String> ids, String owner, LocalDate due) {
    return action.equals("assign")
        ? admin.post("/api/v1/customers/bulk/assign", Map.of("ids", ids, "owner", owner))
        : admin.post("/api/v1/customers/bulk/task", Map.of("ids", ids, "type", "follow_up", "channel", "phone",
            "dueDate", due.toString(), "note", "kill test"));
  }

  /** The action's whole effect and nothing else. */
  private static void assertApplied(String action, Map<String, List<String>> before, Map<String, List<String>> after,
      String url) throws SQLException {
    Map<String, List<String>> added = new HashMap<>();
    for (String table : TABLES.keySet()) {
      List<String> rows = new ArrayList<>(after.get(table));
      before.get(table).forEach(rows::remove);
      added.put(table, rows);
    }
    switch (action) {
      case "assign" -> {
        assertThat(after.get("customer")).allMatch(r -> r.endsWith("|alice"));
        int moved = (int) before.get("customer").stream().filter(r -> !r.endsWith("|alice")).count();
        assertThat(added.get("pool_event")).hasSize(moved).allMatch(r -> r.contains("|alice|"));
        assertThat(added.get("audit_log")).hasSize(moved + 1);
        assertThat(after.get("task_escalation")).isEqualTo(before.get("task_escalation"));
      }
      case "task" -> {
        assertThat(added.get("service_task")).hasSize(CUSTOMERS).allMatch(r -> r.contains("follow_up@phone@"));
        assertThat(added.get("audit_log")).hasSize(1).allMatch(r -> r.startsWith("bulk_task|"));
        for (String t : List.of("customer", "pool_event", "task_escalation")) {
          assertThat(after.get(t)).as(t).isEqualTo(before.get(t));
        }
      }
      default -> {
        long escalated = StoredRows.count(url, "select count(distinct customer_id) from task_escalation");
        assertThat(escalated).as("customers escalated").isPositive();
        assertThat(added.get("task_escalation")).as("every overdue task escalated")
            .hasSize((int) before.get("service_task").stream().filter(r -> r.endsWith("|open")).count());
        assertThat(StoredRows.count(url, "select count(*) from customer c where owner <> '' and exists "
            + "(select 1 from task_escalation e where e.customer_id = c.id)")).as("escalated but not moved").isZero();
        assertThat(added.get("pool_event")).hasSize((int) escalated).allMatch(r -> r.endsWith("|escalation"));
        assertThat(added.get("audit_log")).hasSize((int) escalated).allMatch(r -> r.startsWith("task_escalation_pool"));
      }
    }
  }

  /** The owner a snapshot row carries moves in the transaction that moves the customer's. */
  private static void assertSnapshotOwners(String url) throws SQLException {
    assertThat(StoredRows.count(url, "select count(*) from snapshot_row r join customer c on c.id = r.customer_id "
        + "where r.run_id = (select run_id from current_run) and r.owner <> c.owner")).isZero();
  }

  /** Waits for the run to publish: the kill then lands in the plan that follows it. */
  private static void published(Api admin, long run) {
    waitFor(() -> !admin.get("/api/v1/runs/" + run).json().get("status").asString().equals("running"));
    assertThat(admin.get("/api/v1/runs/" + run).json().get("status").asString()).isEqualTo("succeeded");
  }

  private static boolean planned(String url, long run) {
    try {
      return StoredRows.count(url, "select coalesce(max(run_id), 0) from task_plan") == run;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void update(String url, String sql) throws SQLException {
    try (var c = java.sql.DriverManager.getConnection(url, "strata", ""); var s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  /** K0..K999 with a phone (the cadence's channel) and one purchase, owned by five reps. */
  private static void customers(Api admin) {
    List<Map<String, String>> customers = new ArrayList<>();
    List<Map<String, String>> purchases = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(Map.of("id", "K" + i, "name", "Customer " + i, "owner", "rep" + i % 5, "phone",
          "1380000" + (1000 + i)));
      purchases.add(Map.of("recordId", "t" + i, "customerId", "K" + i, "date", "2026-06-05", "amount", "100"));
    }
    assertThat(admin.post("/api/v1/batch/customers", customers).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/batch/transactions", purchases).status()).isEqualTo(200);
  }
}
