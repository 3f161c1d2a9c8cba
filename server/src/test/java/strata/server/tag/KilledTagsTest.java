package strata.server.tag;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.Kills;
import strata.server.testing.ServerProcess;
import strata.server.testing.StoredRows;

/**
 * Bulk tagging of the customer list (POST /customers/bulk/tag and /bulk/untag) under {@code kill -9} at a random
 * moment. After each restart the tags and the audit log are as before the action or as after it whole: every selected
 * customer tagged (untagged) and the one audit entry, or no change and no entry. Then, so that a kill surely lands
 * amid an untagging, the test holds the last customer's tag row: the server waits there with the first chunk of
 * customers untagged and the audit entry not written, and is killed while it waits; after the restart nothing of the
 * action is stored. (A tagging cannot be held so: H2 refuses at once a row whose key another transaction holds.)
 */
class KilledTagsTest {
  private static final long SEED = 20261205L;
  private static final int CUSTOMERS = 1_000; // the most a bulk action takes
  private static final String TAGS = "select customer_id, tag from customer_tag order by customer_id, tag";
  private static final String AUDIT = "select action, detail_code, detail_params from audit_log "
      + "where action in ('bulk_tag', 'bulk_untag') order by id";


  @Test
  void bulkTagsAreAppliedWholeOrNotAtAll(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception {
    Random random = new Random(SEED);
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    ServerProcess server = StoredRows.start(data, port, Kills.PATIENT);
    try {
      Api admin = server.admin();
      customers(admin);
      List<String> ids = StoredRows.rows(url, "select id from customer order by id");
      assertThat(ids).hasSize(CUSTOMERS);
      // Done whole once to time it; then killed while it does it again with a tag nobody has, so all is to do.
      long started = System.nanoTime();
      assertThat(bulk(admin, "tag", ids, "timing").status()).isEqualTo(200);
      long tagNanos = System.nanoTime() - started;
      started = System.nanoTime();
      assertThat(bulk(admin, "untag", ids, "timing").status()).isEqualTo(200);
      long untagNanos = System.nanoTime() - started;

      for (int round = 0; round < 2; round++) {
        String tag = "round-" + round;
        server = killDuring(server, data, port, url, "tag", ids, tag, random.nextDouble() * 1.2 * tagNanos);
        admin = server.admin();
        if (StoredRows.count(url, "select count(*) from customer_tag where tag = '" + tag + "'") == 0) {
          assertThat(bulk(admin, "tag", ids, tag).status()).isEqualTo(200); // the untag needs something to remove
        }
        server = killDuring(server, data, port, url, "untag", ids, tag, random.nextDouble() * 1.2 * untagNanos);
        admin = server.admin();
      }
      // The ids in the server's order (sorted as Java sorts them): the last one is in the last chunk.
      String last = ids.stream().max(String::compareTo).orElseThrow();
      assertThat(bulk(server.admin(), "tag", ids, "held").status()).isEqualTo(200);
      server = killWhileHeld(server, data, port, url, "untag", ids, "held", "select tag from customer_tag where "
          + "customer_id = '" + last + "' and tag = 'held' for update");
    } finally {
      server.kill();
    }
  }

  /** Sends the action from another client, kills the server after {@code nanos}, checks what the restart kept. */
  private static ServerProcess killDuring(ServerProcess server, Path data, int port, String url, String action,
      List<String> ids, String tag, double nanos) throws Exception {
    List<String> tagsBefore = StoredRows.rows(url, TAGS);
    List<String> auditBefore = StoredRows.rows(url, AUDIT);
    Api admin = server.admin();
    Kills.after(server, nanos, () -> bulk(admin, action, ids, tag));
    server = StoredRows.start(data, port, Kills.PATIENT);
    server.admin();

    List<String> tags = StoredRows.rows(url, TAGS);
    List<String> audit = StoredRows.rows(url, AUDIT);
    boolean applied = !tags.equals(tagsBefore) || !audit.equals(auditBefore);
    if (applied) {
      List<String> expected = new ArrayList<>(tagsBefore);
      if (action.equals("tag")) {
        ids.forEach(id -> expected.add(id + "|" + tag));
      } else {
        expected.removeIf(row -> row.endsWith("|" + tag));
      }
      assertThat(tags).as("%s '%s' applied to every customer", action, tag)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(audit).as("its one audit entry").hasSize(auditBefore.size() + 1)
          .startsWith(auditBefore.toArray(String[]::new));
      assertThat(audit.get(audit.size() - 1)).startsWith("bulk_" + action + "|bulk_tag|{\"tag\":\"" + tag
          + "\",\"changed\":" + CUSTOMERS + ",\"selected\":" + CUSTOMERS + ",\"sample\":");
    }
    System.out.printf("KilledTagsTest: %s '%s' %s%n", action, tag, applied ? "applied whole" : "left nothing");
    return server;
  }

  /** Holds {@code hold}'s row, kills the server while the action waits for it, checks the restart kept nothing. */
  private static ServerProcess killWhileHeld(ServerProcess server, Path data, int port, String url, String action,
      List<String> ids, String tag, String hold) throws Exception {
    List<String> tagsBefore = StoredRows.rows(url, TAGS);
    List<String> auditBefore = StoredRows.rows(url, AUDIT);
    Api admin = server.admin();
    Kills.whileHeld(server, url, hold, () -> bulk(admin, action, ids, tag));
    server = StoredRows.start(data, port, Kills.PATIENT);
    server.admin();
    assertThat(StoredRows.rows(url, TAGS)).as("%s '%s' killed amid it", action, tag).isEqualTo(tagsBefore);
    assertThat(StoredRows.rows(url, AUDIT)).isEqualTo(auditBefore);
    System.out.printf("KilledTagsTest: %s '%s' killed while it waited, left nothing%n", action, tag);
    return server;
  }

  private static Api.Response bulk(Api admin, String action, List<String> ids, String tag) {
    return admin.post("/api/v1/customers/bulk/" + action, Map.of("ids", ids, "tag", tag));
  }

  /** K0..K999, each with one purchase. */
  private static void customers(Api admin) {
    List<Map<String, String>> customers = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(Map.of("id", "K" + i, "name", "Customer " + i, "owner", "rep" + i % 5));
    }
    assertThat(admin.post("/api/v1/batch/customers", customers).status()).isEqualTo(200);
  }
}
