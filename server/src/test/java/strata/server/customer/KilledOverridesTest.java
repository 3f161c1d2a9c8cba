package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.Kills;
import strata.server.testing.ServerProcess;
import strata.server.testing.StoredRows;
import strata.server.testing.TestModels;

/**
 * Tier overrides under {@code kill -9}: a client sets and removes overrides one request after another while the
 * server is killed at a random moment. Each request writes the override, the current snapshot's tier and an audit
 * entry; after the restart the stored overrides, snapshot tiers and audit entries are exactly those after the first k
 * requests, so an override is stored if and only if its audit entry is. Then, so that a kill surely lands between the
 * override and its audit entry, the test holds the customer's snapshot row: the server waits there with the override
 * written and the entry not yet, and is killed while it waits; after the restart neither is stored.
 */
class KilledOverridesTest {
  private static final long SEED = 20261205L;
  private static final int CUSTOMERS = 40;
  private static final String OVERRIDES = "select customer_id, tier, reason, case when removed_at is null then "
      + "'active' else 'removed' end from tier_override order by id";
  private static final String SNAPSHOT = "select customer_id, tier, case when override_id is null then 'model' else "
      + "'override' end from snapshot_row where run_id = (select run_id from current_run)";
  private static final String AUDIT = "select action, detail_code, detail_params from audit_log "
      + "where action like 'override_%' order by id";


  /** One request and its effect on the expected rows. */
  record Write(String label, Supplier<Api.Response> send, java.util.function.Consumer<Expected> effect) {}

  @Test
  void anOverrideIsStoredExactlyWhenItsAuditEntryIs(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data)
      throws Exception {
    Random random = new Random(SEED);
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    ServerProcess server = StoredRows.start(data, port, Kills.PATIENT);
    try {
      Api admin = server.admin();
      customers(admin);
      assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND, "note", "spend")).status())
          .isEqualTo(201);
      long run = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
      Api a = admin;
      waitFor(() -> !a.get("/api/v1/runs/" + run).json().get("status").asString().equals("running"));
      assertThat(admin.get("/api/v1/runs/" + run).json().get("status").asString()).isEqualTo("succeeded");

      // K30..K39 take the warm-up writes that time one request.
      long t0 = System.nanoTime();
      for (int i = 30; i < 40; i++) assertThat(set(admin, i, "big", "warm-up").send().get().status()).isEqualTo(201);
      double perWrite = (System.nanoTime() - t0) / 10.0;

      for (int round = 0; round < 2; round++) {
        Api api = server.admin();
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) writes.add(set(api, i, "big", "round " + round + " #" + i));
        for (int i = 0; i < 10; i++) writes.add(remove(api, i));
        for (int i = 0; i < 5; i++) writes.add(set(api, i, "small", "again " + round + " #" + i));
        server = killDuring(server, data, port, url, writes, random.nextDouble() * 1.2 * perWrite * writes.size());
      }
      Api api = server.admin();
      server = killWhileHeld(server, data, port, url, set(api, 20, "small", "held"));
      api = server.admin();
      assertThat(set(api, 21, "small", "to remove").send().get().status()).isEqualTo(201);
      server = killWhileHeld(server, data, port, url, remove(api, 21));
    } finally {
      server.kill();
    }
  }

  /** Sends the writes from another client, kills the server after {@code nanos}, checks what the restart kept. */
  private static ServerProcess killDuring(ServerProcess server, Path data, int port, String url, List<Write> writes,
      double nanos) throws Exception {
    Expected expected = new Expected(url);
    List<List<String>> states = new ArrayList<>();
    states.add(expected.rows());
    for (Write w : writes) {
      w.effect().accept(expected);
      states.add(expected.rows());
    }
    Kills.after(server, nanos, () -> {
      for (Write w : writes) {
        Api.Response r = w.send().get();
        if (r.status() >= 300) throw new AssertionError(w.label() + ": " + r.status() + " " + r.body());
      }
    });
    server = StoredRows.start(data, port, Kills.PATIENT);
    server.admin();
    int k = StoredRows.writesApplied(stored(url), states);
    System.out.printf("KilledOverridesTest: %d of %d writes kept%n", k, writes.size());
    return server;
  }

  /**
   * Holds the customer's row of the current snapshot, which the write updates after the override and before its
   * audit entry; kills the server once it waits for the row, and checks that the restart kept nothing of the write.
   */
  private static ServerProcess killWhileHeld(ServerProcess server, Path data, int port, String url, Write write)
      throws Exception {
    String customer = write.label().substring(write.label().indexOf(' ') + 1);
    List<String> before = new Expected(url).rows();
    Kills.whileHeld(server, url, "select tier from snapshot_row where run_id = (select run_id from current_run) "
        + "and customer_id = '" + customer + "' for update", () -> write.send().get());
    server = StoredRows.start(data, port, Kills.PATIENT);
    server.admin();
    assertThat(stored(url)).as("%s killed between the override and its audit entry", write.label())
        .isEqualTo(before);
    System.out.printf("KilledOverridesTest: %s killed while it waited, left nothing%n", write.label());
    return server;
  }

  /** The overrides in the order written, the current snapshot's tiers by customer, the audit entries in order. */
  private static List<String> stored(String url) throws java.sql.SQLException {
    List<String> rows = new ArrayList<>();
    StoredRows.rows(url, OVERRIDES).forEach(r -> rows.add("override " + r));
    TreeMap<String, String> tiers = new TreeMap<>();
    for (String r : StoredRows.rows(url, SNAPSHOT)) tiers.put(r.substring(0, r.indexOf('|')), r);
    tiers.values().forEach(r -> rows.add("snapshot " + r));
    StoredRows.rows(url, AUDIT).forEach(r -> rows.add("audit " + r));
    return rows;
  }

  /**
   * What the writes should leave, worked out apart from the server: an override set ends the customer's active one
   * and tiers the customer as set; a removal ends it and gives back the model's tier.
   */
  static final class Expected {
    final List<String[]> overrides = new ArrayList<>();
    final TreeMap<String, String> snapshot = new TreeMap<>();
    final Map<String, String> modelTier = new LinkedHashMap<>();
    final List<String> audit = new ArrayList<>();

    Expected(String url) throws java.sql.SQLException {
      for (String r : StoredRows.rows(url, OVERRIDES)) overrides.add(r.split("\\|", -1));
      for (String r : StoredRows.rows(url, SNAPSHOT)) {
        String[] f = r.split("\\|");
        snapshot.put(f[0], f[1] + "|" + f[2]);
      }
      for (String r : StoredRows.rows(url, "select customer_id, model_tier from snapshot_row where run_id = "
          + "(select run_id from current_run)")) {
        modelTier.put(r.split("\\|")[0], r.split("\\|")[1]);
      }
      audit.addAll(StoredRows.rows(url, AUDIT));
    }

    void set(String id, String tier, String reason) {
      endActive(id);
      overrides.add(new String[] {id, tier, reason, "active"});
      snapshot.put(id, tier + "|override");
      // code|values as AuditLog stores them (the reasons here need no JSON escaping)
      audit.add("override_set|override_set|{\"customer\":\"" + id + "\",\"tier\":\"" + tier + "\",\"reason\":\""
          + reason + "\"}");
    }

    void remove(String id) {
      endActive(id);
      snapshot.put(id, modelTier.get(id) + "|model");
      audit.add("override_removed|override_removed|{\"customer\":\"" + id + "\"}");
    }

    private void endActive(String id) {
      for (String[] o : overrides) if (o[0].equals(id)) o[3] = "removed";
    }

    List<String> rows() {
      List<String> rows = new ArrayList<>();
      overrides.forEach(o -> rows.add("override " + String.join("|", o)));
      snapshot.forEach((id, tier) -> rows.add("snapshot " + id + "|" + tier));
      audit.forEach(a -> rows.add("audit " + a));
      return rows;
    }
  }

  private static Write set(Api api, int customer, String tier, String reason) {
    String id = "K" + customer;
    return new Write("set " + id, () -> api.put("/api/v1/customers/" + id + "/override",
        Map.of("tier", tier, "reason", reason)), e -> e.set(id, tier, reason));
  }

  private static Write remove(Api api, int customer) {
    String id = "K" + customer;
    return new Write("remove " + id, () -> api.delete("/api/v1/customers/" + id + "/override"),
        e -> e.remove(id));
  }

  /** K0..K39, each with one purchase of 50 × (i + 1): tiers small, mid and big (TestModels.SPEND). */
  private static void customers(Api admin) {
    List<Map<String, String>> customers = new ArrayList<>();
    List<Map<String, String>> purchases = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(Map.of("id", "K" + i, "name", "Customer " + i, "owner", "rep" + i % 5));
      purchases.add(Map.of("recordId", "t" + i, "customerId", "K" + i, "date", "2026-06-05", "amount",
          String.valueOf(50 * (i + 1))));
    }
    assertThat(admin.post("/api/v1/batch/customers", customers).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/batch/transactions", purchases).status()).isEqualTo(200);
  }
}
