package strata.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.Kills;
import strata.server.testing.ServerProcess;
import strata.server.testing.StoredRows;

/**
 * Saved views (V19) under {@code kill -9}: a client creates, renames and deletes views one request after another, and
 * an admin deletes a user whose views go with them, while the server is killed at a random moment. After each restart
 * the views and users stored are exactly those after the first k requests: no view half-renamed, no user gone with
 * their views left or the other way round.
 */
class KilledViewsTest {
  private static final long SEED = 20261204L;
  private static final String STORED = "select owner_user, name, shared, definition from saved_view";
  private static final String USERS = "select 'user', username from app_user where username in ('ana', 'bo')";

  /** One request and its effect on the stored rows (views by name: owner|name|shared|definition). */
  record Write(String label, java.util.function.Function<Map<String, Long>, Api.Response> send,
      Consumer<TreeMap<String, String>> effect) {}

  @Test
  void savedViewWritesAreWholeOrAbsent(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception {
    Random random = new Random(SEED);
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    ServerProcess server = StoredRows.start(data, port);
    try {
      Api admin = server.admin();
      for (String user : List.of("ana", "bo")) {
        assertThat(admin.post("/api/v1/users", Map.of("username", user, "password", user + "-password-1",
            "role", "analyst")).status()).isEqualTo(201);
      }
      Map<String, Long> ids = new HashMap<>();
      List<Write> warmUp = new ArrayList<>();
      for (int n = 0; n < 10; n++) warmUp.add(create(admin, "admin", "a" + n, "t" + n));
      long t0 = System.nanoTime();
      for (Write w : warmUp) assertThat(w.send().apply(ids).status()).isEqualTo(201);
      double perWrite = (System.nanoTime() - t0) / 10.0;

      Api ana = new Api(port).as("ana", "ana-password-1");
      List<Write> first = new ArrayList<>();
      for (int n = 0; n < 40; n++) first.add(create(ana, "ana", "v" + n, "t" + n));
      for (int n = 0; n < 20; n++) first.add(rename(ana, "v" + n, "w" + n, "u" + n));
      for (int n = 20; n < 30; n++) first.add(delete(ana, "v" + n));
      server = killDuring(server, data, port, url, first, random.nextDouble() * 1.2 * perWrite * first.size());

      admin = server.admin();
      Api bo = new Api(port).as("bo", "bo-password-1");
      List<Write> second = new ArrayList<>();
      for (int n = 0; n < 15; n++) second.add(create(bo, "bo", "b" + n, "t" + n));
      Api a = admin;
      second.add(new Write("delete user ana", x -> a.delete("/api/v1/users/ana"),
          views -> views.values().removeIf(v -> v.startsWith("ana|"))));
      for (int n = 0; n < 15; n++) second.add(rename(bo, "b" + n, "c" + n, "u" + n));
      server = killDuring(server, data, port, url, second, random.nextDouble() * 1.2 * perWrite * second.size());
    } finally {
      server.kill();
    }
  }

  /** Sends the writes from another client, kills the server after {@code nanos}, checks what the restart kept. */
  private static ServerProcess killDuring(ServerProcess server, Path data, int port, String url, List<Write> writes,
      double nanos) throws Exception {
    TreeMap<String, String> views = new TreeMap<>();
    for (String row : StoredRows.rows(url, STORED)) views.put(row.split("\\|")[1], row);
    List<String> users = StoredRows.rows(url, USERS);
    List<List<String>> states = new ArrayList<>();
    states.add(state(views, users));
    for (Write w : writes) {
      w.effect().accept(views);
      if (w.label().equals("delete user ana")) users = users.stream().filter(u -> !u.endsWith("|ana")).toList();
      states.add(state(views, users));
    }
    Kills.after(server, nanos, () -> {
      Map<String, Long> ids = new HashMap<>();
      for (Write w : writes) {
        Api.Response r = w.send().apply(ids);
        if (r.status() >= 300) throw new AssertionError(w.label() + ": " + r.status() + " " + r.body());
      }
    });
    server = StoredRows.start(data, port);
    server.admin();
    List<String> stored = new ArrayList<>(StoredRows.rows(url, STORED));
    stored.addAll(StoredRows.rows(url, USERS));
    java.util.Collections.sort(stored);
    int k = StoredRows.writesApplied(stored, states);
    System.out.printf("KilledViewsTest: %d of %d writes kept%n", k, writes.size());
    return server;
  }

  private static List<String> state(TreeMap<String, String> views, List<String> users) {
    List<String> rows = new ArrayList<>(views.values());
    rows.addAll(users);
    java.util.Collections.sort(rows);
    return rows;
  }

  private static Write create(Api api, String owner, String name, String tier) {
    return new Write("create " + name, ids -> {
      Api.Response r = api.post("/api/v1/views", body(name, false, tier));
      if (r.status() == 201) ids.put(name, r.json().get("id").asLong());
      return r;
    }, views -> views.put(name, owner + "|" + name + "|FALSE|" + definition(tier)));
  }

  /** Renamed, shared and filtered anew in one request. */
  private static Write rename(Api api, String name, String to, String tier) {
    return new Write("rename " + name, ids -> {
      ids.put(to, ids.get(name));
      return api.put("/api/v1/views/" + ids.get(name), body(to, true, tier));
    }, views -> {
      String owner = views.remove(name).split("\\|")[0];
      views.put(to, owner + "|" + to + "|TRUE|" + definition(tier));
    });
  }

  private static Write delete(Api api, String name) {
    return new Write("delete " + name, ids -> api.delete("/api/v1/views/" + ids.get(name)),
        views -> views.remove(name));
  }

  private static Map<String, Object> body(String name, boolean shared, String tier) {
    return Map.of("name", name, "shared", shared, "definition", Map.of("filters", Map.of("tier", tier)));
  }

  /** As the server stores it: compact JSON. */
  private static String definition(String tier) {
    return "{\"filters\":{\"tier\":\"" + tier + "\"}}";
  }
}
