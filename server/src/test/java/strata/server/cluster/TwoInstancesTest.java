package strata.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.FromAddress;
import strata.server.testing.Postgres;
import strata.server.testing.ServerProcess;

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: sessions and sign-in throttling are
 * shared, one run goes at a time across both, restarting one leaves the other's run alone while killing one lets the
 * other fail its cut-off run, and each fire of a schedule both servers have is taken by one of them.
 */
class TwoInstancesTest {
  private static final int ROUNDS = 4;
  private static final Pattern FIRE =
      Pattern.compile("scheduled run of (\\S+)( is another server's|: run \\d+| skipped)");

  private final Postgres.Database database = Postgres.newDatabase();

  private ServerProcess start(Path data, int port, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
        // Short heartbeats, so a killed server is found out in seconds rather than half a minute.
        "--strata.instance.heartbeat=1s", "--strata.instance.stale-after=4s", "--strata.instance.sweep=1s"));
    args.addAll(List.of(extra));
    return ServerProcess.start(data, port, args.toArray(String[]::new));
  }

  @Test
  void twoServersShareOneDatabase(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataA,
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataB) throws Exception { // the logs stay on failure
    int portA = ServerProcess.freePort();
    int portB = ServerProcess.freePort();
    long stalled = 7 + ROUNDS; // the demo makes runs 1 to 6 (one per quarter), each round one
    try (ServerProcess a = start(dataA, portA, "--demo", "--strata.test.stall-run=" + stalled)) {
      Api adminA = a.admin();
      // The demo's last run: it answers requests while it still loads and tiers its quarters.
      waitFor(() -> adminA.get("/api/v1/runs/current").status() == 200
          && adminA.get("/api/v1/runs/current").json().get("id").asLong() == 6);
      ServerProcess b = start(dataB, portB);
      try {
        Api adminB = b.admin();
        aSessionStartedOnOneServerWorksOnTheOther(portA, portB);
        aThrottledClientIsThrottledOnBoth(adminA, portA, portB);
        concurrentRunRequestsStartOneRun(adminA, adminB);

        long run = adminA.post("/api/v1/runs", "{}").json().get("id").asLong();
        assertThat(run).isEqualTo(stalled);
        waitFor(() -> adminA.get("/api/v1/runs/" + run).json().at("/phase/code").asString("").equals("phase_writing_snapshot"));
        b.kill();
        b = start(dataB, portB, "--strata.runs.schedule=* * * * * *");
        Api restarted = b.admin();
        Thread.sleep(3_000); // several sweeps of the restarted server
        assertThat(restarted.get("/api/v1/runs/" + run).json().get("status").asString()).isEqualTo("running");
        assertThat(restarted.post("/api/v1/runs", "{}").status()).as("a run goes on the other server")
            .isEqualTo(409);

        a.kill();
        waitFor(() -> restarted.get("/api/v1/runs/" + run).json().get("status").asString().equals("failed"));
        assertThat(restarted.get("/api/v1/runs/" + run).json().at("/error/code").asString()).isEqualTo("run_interrupted");
        waitFor(() -> count("select count(*) from tier_run where trigger_kind = 'schedule' and status = 'succeeded'")
            > 0); // the run lock was freed with the cut-off run: the schedule runs again

        try (ServerProcess a2 = start(dataA, portA, "--strata.runs.schedule=* * * * * *")) {
          a2.admin();
          Thread.sleep(6_000);
          eachFireIsTakenOnce(a2.log(), b.log());
        }
      } finally {
        b.close();
      }
    }
  }

  private void aSessionStartedOnOneServerWorksOnTheOther(int portA, int portB) {
    Api.Response login = new Api(portA).post("/api/v1/auth/login",
        Map.of("username", "admin", "password", ServerProcess.ADMIN_PASSWORD));
    String token = login.json().get("token").asString();
    Api onB = new Api(portB).withToken(token);
    assertThat(onB.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(onB.post("/api/v1/auth/logout", "{}").status()).isEqualTo(204);
    assertThat(new Api(portA).withToken(token).get("/api/v1/me").status()).as("signed out on B, so on A")
        .isEqualTo(401);
  }

  private void aThrottledClientIsThrottledOnBoth(Api adminA, int portA, int portB) {
    assertThat(adminA.post("/api/v1/users", Map.of("username", "guessed", "password", "right-password-1",
        "role", "analyst")).status()).isEqualTo(201);
    for (int i = 0; i < 5; i++) { // strata.signin.free-per-account-client
      assertThat(FromAddress.login(portA, "127.0.0.2", "guessed", "wrong-" + i).status()).isEqualTo(401);
    }
    assertThat(FromAddress.login(portB, "127.0.0.2", "guessed", "right-password-1").status()).isEqualTo(429);
  }

  private void concurrentRunRequestsStartOneRun(Api adminA, Api adminB) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (Api api : List.of(adminA, adminB)) {
          answers.add(pool.submit(() -> {
            go.await();
            return api.post("/api/v1/runs", "{}");
          }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        long started = -1;
        for (Future<Api.Response> answer : answers) {
          Api.Response r = answer.get();
          statuses.add(r.status());
          if (r.status() == 202) started = r.json().get("id").asLong();
        }
        assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(202, 409);
        long id = started;
        waitFor(() -> adminB.get("/api/v1/runs/" + id).json().get("status").asString().equals("succeeded"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Both servers' timers fire each second; for every second, one took it and the other found it taken. */
  private void eachFireIsTakenOnce(String logA, String logB) throws SQLException {
    Map<String, List<String>> a = fires(logA);
    Map<String, List<String>> b = fires(logB);
    List<String> both = new ArrayList<>(a.keySet());
    both.retainAll(b.keySet());
    assertThat(both).as("fire times both servers' timers reached").hasSizeGreaterThanOrEqualTo(3);
    for (String fire : both) {
      List<String> outcomes = new ArrayList<>(a.get(fire));
      outcomes.addAll(b.get(fire));
      assertThat(outcomes).as(fire).hasSize(2);
      assertThat(outcomes.stream().filter(o -> o.equals(" is another server's")).count()).as(fire).isEqualTo(1);
    }
    assertThat(count("select count(*) from tier_run where trigger_kind = 'schedule'"))
        .isEqualTo(count("select count(distinct run_id) from schedule_fire where run_id is not null"));
  }

  private static Map<String, List<String>> fires(String log) {
    Map<String, List<String>> out = new HashMap<>();
    Matcher m = FIRE.matcher(log);
    while (m.find()) out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2).replaceAll("\\d+", ""));
    return out;
  }

  private long count(String sql) {
    try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
