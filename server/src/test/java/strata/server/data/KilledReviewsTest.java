package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import strata.server.testing.StoredRows;

/**
 * The duplicate-customer review and what a run writes from it, under {@code kill -9}: decisions sent one after the
 * other (accept, undo), then runs that merge the accepted pairs, write their product rows (V20) and refresh the review
 * queue after publishing. Killed at random moments and once where a run's product rows are committed and its
 * snapshot is not (StallAfterProducts). After each restart the decisions are those of the first k requests, each
 * with its audit entry; a failed run left the product rows and the queue as before; a published one has a product row
 * per surviving customer with the merged spend, and the queue as before or refreshed whole.
 */
class KilledReviewsTest {
  private static final long SEED = 20261204L;
  private static final int CUSTOMERS = 2_000;
  private static final int PAIRS = 150; // K0+K1 .. K298+K299 share a phone
  private static final String PRODUCTS = "select run_id, customer_id, top_category from snapshot_product "
      + "order by run_id, customer_id";
  private static final String QUEUE = "select id_a, id_b, status, decided_by, note, found_run from duplicate_pair "
      + "order by id_a, id_b";
  private static final String DECISIONS = "select id_a, id_b, status, decided_by, note from duplicate_pair "
      + "order by id_a, id_b";
  private static final String AUDITED = "select count(*) from audit_log where action like 'duplicate_%'";

  /** One decision request: a pair by its index k (K2k + K2k+1) and accept, reject or undo. */
  record Decision(int pair, String action, String note) {}

  @Test
  void decisionsMergesAndProductRowsAreBeforeOrAfter(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data)
      throws Exception {
    Random random = new Random(SEED);
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    ServerProcess server = StoredRows.start(data, port);
    try {
      Api admin = server.admin();
      customers(admin, false);
      long t0 = System.nanoTime();
      long first = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
      waitFor(() -> count(url, "select count(*) from duplicate_pair where found_run = " + first) == PAIRS);
      long runNanos = System.nanoTime() - t0; // publication and the queue's refresh after it
      List<Decision> warmUp = new ArrayList<>();
      for (int k = 140; k < PAIRS; k++) warmUp.add(new Decision(k, "reject", "not one customer"));
      t0 = System.nanoTime();
      decide(admin, url, warmUp);
      long decisionNanos = (System.nanoTime() - t0) / warmUp.size();

      List<Decision> accepts = new ArrayList<>();
      for (int k = 0; k < 100; k++) accepts.add(new Decision(k, "accept", "point 1"));
      server = killDuring(server, data, port, url, accepts, random.nextDouble() * 1.2 * decisionNanos * 100);
      admin = server.admin();
      List<Decision> second = new ArrayList<>();
      Set<Integer> accepted = acceptedPairs(url);
      for (int k = 0; k < 100; k++) { // undo what point 1 accepted of 0..29, accept what it did not of 30..99
        if (k < 30 && accepted.contains(k)) second.add(new Decision(k, "undo", "point 2"));
        if (k >= 30 && !accepted.contains(k)) second.add(new Decision(k, "accept", "point 2"));
      }
      server = killDuring(server, data, port, url, second, random.nextDouble() * 1.2 * decisionNanos * second.size());
      admin = server.admin();

      // Pairs 130..139 (pending) lose their shared phone, K1000..K1019 gain one: the queue's refresh has work.
      customers(admin, true);
      for (int point = 0; point < 3; point++) {
        Map<String, List<String>> before = StoredRows.tables(url, Map.of("products", PRODUCTS, "queue", QUEUE));
        long current = count(url, "select run_id from current_run");
        Set<Integer> merged = acceptedPairs(url);
        if (point == 0) { // the worst moment: product rows committed, snapshot not published
          server.kill();
          server = StoredRows.start(data, port, "--strata.test.stall-products=1");
          admin = server.admin();
        }
        long run = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
        ServerProcess running = server;
        if (point == 0) waitFor(() -> running.logged("STALLED run " + run + " after its product rows"));
        else Thread.sleep((long) (random.nextDouble() * 1.2 * runNanos / 1_000_000));
        server.kill();
        server = StoredRows.start(data, port);
        admin = server.admin();
        server.awaitReady();
        String status = admin.get("/api/v1/runs/" + run).json().get("status").asString();
        Map<String, List<String>> after = StoredRows.tables(url, Map.of("products", PRODUCTS, "queue", QUEUE));
        if (status.equals("failed")) {
          assertThat(after).as("run %d failed: nothing changed", run).isEqualTo(before);
          assertThat(count(url, "select run_id from current_run")).isEqualTo(current);
        } else {
          assertThat(status).isEqualTo("succeeded");
          assertPublished(url, run, merged, before.get("products"), after.get("products"));
          assertThat(new TreeSet<>(after.get("queue"))).as("the queue before or refreshed whole")
              .isIn(new TreeSet<>(before.get("queue")), refreshed(before.get("queue"), run));
        }
        System.out.printf("KilledReviewsTest: run %d (point %d) left it %s, queue %s%n", run, point, status,
            after.get("queue").equals(before.get("queue")) ? "as before" : "refreshed");
      }
    } finally {
      server.kill();
    }
  }

  /** Sends the decisions from another client, kills the server after {@code nanos}, checks what the restart kept. */
  private static ServerProcess killDuring(ServerProcess server, Path data, int port, String url,
      List<Decision> decisions, double nanos) throws Exception {
    List<List<String>> states = new ArrayList<>();
    states.add(StoredRows.rows(url, DECISIONS));
    for (Decision d : decisions) states.add(applied(states.get(states.size() - 1), d));
    long audited = count(url, AUDITED);
    Api admin = server.admin();
    Thread sender = new Thread(() -> {
      try {
        decide(admin, url, decisions);
      } catch (RuntimeException | AssertionError e) { // the server was killed
      }
    });
    sender.start();
    Thread.sleep((long) (nanos / 1_000_000));
    server.kill();
    sender.join();
    server = StoredRows.start(data, port);
    server.admin();
    int k = StoredRows.writesApplied(StoredRows.rows(url, DECISIONS), states);
    assertThat(count(url, AUDITED) - audited).as("one audit entry per decision kept").isEqualTo(k);
    System.out.printf("KilledReviewsTest: %d of %d decisions kept%n", k, decisions.size());
    return server;
  }

  private static void decide(Api admin, String url, List<Decision> decisions) {
    Map<String, Long> ids = new HashMap<>();
    try {
      for (String row : StoredRows.rows(url, "select id_a, id from duplicate_pair")) {
        ids.put(row.split("\\|")[0], Long.parseLong(row.split("\\|")[1]));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    for (Decision d : decisions) {
      Api.Response r = admin.post("/api/v1/duplicates/" + ids.get("K" + 2 * d.pair()) + "/" + d.action(),
          Map.of("note", d.note()));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
  }

  /** The decision rows after {@code d}: its pair's status, decider and note. */
  private static List<String> applied(List<String> rows, Decision d) {
    String prefix = "K" + 2 * d.pair() + "|K" + (2 * d.pair() + 1) + "|";
    String status = switch (d.action()) {
      case "accept" -> "accepted";
      case "reject" -> "rejected";
      default -> "pending";
    };
    return rows.stream().map(r -> r.startsWith(prefix) ? prefix + status + "|admin|" + d.note() : r).toList();
  }

  /**
   * A published run's product rows: earlier runs' as they were, and one per customer left after the merges. Each
   * customer bought category c(i mod 3) for 100 and c(i+1 mod 3) for 50, so K2k merged with K2k+1 spent
   * c(2k+1 mod 3) 50 + 100, more than c(2k mod 3)'s 100: that is their top category, where K2k alone has c(2k mod 3).
   */
  private static void assertPublished(String url, long run, Set<Integer> merged, List<String> before,
      List<String> after) throws SQLException {
    String ofRun = run + "|";
    assertThat(after.stream().filter(r -> !r.startsWith(ofRun)).toList()).as("earlier runs' rows").isEqualTo(before);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      boolean survivor = i < 2 * PAIRS && i % 2 == 0 && merged.contains(i / 2);
      if (i < 2 * PAIRS && i % 2 == 1 && merged.contains(i / 2)) continue;
      expected.add(ofRun + "K" + i + "|c" + (survivor ? (i + 1) % 3 : i % 3));
    }
    assertThat(new TreeSet<>(after.stream().filter(r -> r.startsWith(ofRun)).toList()))
        .as("run %d's product rows", run).isEqualTo(new TreeSet<>(expected));
    assertThat(count(url, "select count(*) from snapshot_row where run_id = " + run))
        .as("one snapshot row per customer left after the merges").isEqualTo(CUSTOMERS - merged.size());
  }

  /** The queue after run {@code run} refreshed it: pending pairs 130..139 gone, K1000+K1001 .. K1018+K1019 new. */
  private static Set<String> refreshed(List<String> queue, long run) {
    Set<String> rows = new TreeSet<>();
    for (String r : queue) {
      String[] f = r.split("\\|");
      int pair = f[0].length() > 1 && Integer.parseInt(f[0].substring(1)) < 2 * PAIRS
          ? Integer.parseInt(f[0].substring(1)) / 2 : -1;
      if (f[2].equals("pending") && pair >= 130 && pair < 140) continue;
      rows.add(String.join("|", f[0], f[1], f[2], f[3], f[4], Long.toString(run)));
    }
    for (int i = 1000; i < 1020; i += 2) rows.add("K" + i + "|K" + (i + 1) + "|pending|null|null|" + run);
    return rows;
  }

  private static Set<Integer> acceptedPairs(String url) throws SQLException {
    Set<Integer> pairs = new TreeSet<>();
    for (String a : StoredRows.rows(url, "select id_a from duplicate_pair where status = 'accepted'")) {
      pairs.add(Integer.parseInt(a.substring(1)) / 2);
    }
    return pairs;
  }

  /**
   * K0..K1999, two purchases each (categories c0..c2); K2k and K2k+1 share a phone for k below {@link #PAIRS}. With
   * {@code changed}, pairs 130..139 no longer do and K1000+K1001 .. K1018+K1019 do.
   */
  private static void customers(Api admin, boolean changed) {
    List<Map<String, String>> customers = new ArrayList<>();
    List<Map<String, String>> purchases = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      String phone = "1380000" + (1000 + i);
      if (i < 2 * PAIRS && !(changed && i / 2 >= 130 && i / 2 < 140 && i % 2 == 1)) phone = "1390000" + (1000 + i / 2);
      if (changed && i >= 1000 && i < 1020) phone = "1360000" + (1000 + i - i % 2);
      customers.add(Map.of("id", "K" + i, "name", "Customer " + i, "owner", "rep" + i % 5, "phone", phone));
      purchases.add(Map.of("recordId", "a" + i, "customerId", "K" + i, "date", "2026-06-05", "amount", "100",
          "category", "c" + i % 3, "product", "p" + i % 3));
      purchases.add(Map.of("recordId", "b" + i, "customerId", "K" + i, "date", "2026-06-06", "amount", "50",
          "category", "c" + (i + 1) % 3, "product", "p" + (i + 1) % 3));
    }
    assertThat(admin.post("/api/v1/batch/customers", customers).status()).isEqualTo(200);
    if (!changed) {
      for (int from = 0; from < purchases.size(); from += 1000) {
        assertThat(admin.post("/api/v1/batch/transactions", purchases.subList(from, from + 1000)).status())
            .isEqualTo(200);
      }
    }
  }

  private static long count(String url, String sql) {
    try {
      List<String> rows = StoredRows.rows(url, sql);
      return rows.isEmpty() || rows.get(0) == null ? 0 : Long.parseLong(rows.get(0));
    } catch (SQLException e) {
      return -1; // the database is not there yet
    }
  }
}
