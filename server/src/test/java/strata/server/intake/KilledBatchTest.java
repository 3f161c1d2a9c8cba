package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The batch API's writes under {@code kill -9}: 2,000 customer records that move every customer to another owner
 * (their snapshot rows move with them) and 2,000 new purchases (their customers' summaries grow), each killed at a
 * random moment. After each restart the customers, purchases and summaries are as before the call or as after it
 * whole, and every snapshot row carries its customer's owner.
 */
class KilledBatchTest {
  private static final long SEED = 20261204L;
  private static final int CUSTOMERS = 2_000;
  private static final int POINTS = 4;
  private static final Map<String, String> TABLES = new LinkedHashMap<>(Map.of(
      "customer", "select id, owner, phone from customer order by id",
      "purchase", "select count(*), coalesce(sum(amount_cents), 0) from purchase",
      "summary", "select count(*), coalesce(sum(net_cents), 0), coalesce(sum(lines), 0) from customer_summary"));

  @Test
  void batchCallsAreStoredWholeOrNotAtAll(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception {
    Random random = new Random(SEED);
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    ServerProcess server = StoredRows.start(data, port);
    try {
      Api admin = server.admin();
      assertThat(admin.post("/api/v1/batch/customers", customers("rep", "137")).status()).isEqualTo(200);
      assertThat(admin.post("/api/v1/batch/transactions", purchases("t", "100")).status()).isEqualTo(200);
      long run = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
      Api a = admin;
      waitFor(() -> !a.get("/api/v1/runs/" + run).json().get("status").asString().equals("running"));
      long t0 = System.nanoTime();
      assertThat(admin.post("/api/v1/batch/customers", customers("bob", "136")).status()).isEqualTo(200);
      long budget = System.nanoTime() - t0;

      for (int point = 1; point <= POINTS; point++) {
        boolean people = point % 2 == 1;
        String owner = "owner" + point;
        Object records = people ? customers(owner, "13" + point) : purchases("p" + point + "-", "10");
        Map<String, List<String>> before = StoredRows.tables(url, TABLES);
        Map<String, List<String>> after = people ? moved(before, owner, "13" + point) : added(before);
        Api sender = admin;
        String kind = people ? "customers" : "transactions";
        Thread call = new Thread(() -> {
          try {
            sender.post("/api/v1/batch/" + kind, records);
          } catch (RuntimeException e) { // the server was killed
          }
        });
        call.start();
        Thread.sleep((long) (random.nextDouble() * 1.2 * budget / 1_000_000));
        server.kill();
        call.join();
        server = StoredRows.start(data, port);
        admin = server.admin();
        Map<String, List<String>> stored = StoredRows.tables(url, TABLES);
        assertThat(stored).as("point %d (%s): before or after", point, kind).isIn(before, after);
        assertThat(StoredRows.count(url, "select count(*) from snapshot_row r join customer c on c.id = r.customer_id "
            + "where r.owner <> c.owner")).as("snapshot rows carry their customer's owner").isZero();
        System.out.printf("KilledBatchTest: point %d (%s) %s%n", point, kind,
            stored.equals(before) ? "left nothing" : "stored whole");
      }
    } finally {
      server.kill();
    }
  }

  /** The state after every customer moved to {@code owner} with a new phone. */
  private static Map<String, List<String>> moved(Map<String, List<String>> before, String owner, String prefix) {
    Map<String, List<String>> after = new LinkedHashMap<>(before);
    after.put("customer", before.get("customer").stream().map(r -> {
      String id = r.split("\\|")[0];
      return id + "|" + owner + "|" + phone(prefix, Integer.parseInt(id.substring(1)));
    }).toList());
    return after;
  }

  /** The state after 2,000 more purchases of 10.00, one per customer. */
  private static Map<String, List<String>> added(Map<String, List<String>> before) {
    Map<String, List<String>> after = new LinkedHashMap<>(before);
    String[] p = before.get("purchase").get(0).split("\\|");
    after.put("purchase", List.of((Long.parseLong(p[0]) + CUSTOMERS) + "|" + (Long.parseLong(p[1]) + CUSTOMERS * 1000L)));
    String[] s = before.get("summary").get(0).split("\\|");
    after.put("summary", List.of(s[0] + "|" + (Long.parseLong(s[1]) + CUSTOMERS * 1000L) + "|"
        + (Long.parseLong(s[2]) + CUSTOMERS)));
    return after;
  }

  private static List<Map<String, String>> customers(String owner, String prefix) {
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      out.add(Map.of("id", "K" + i, "name", "Customer " + i, "owner", owner.equals("rep") ? "rep" + i % 5 : owner,
          "phone", phone(prefix, i)));
    }
    return out;
  }

  private static String phone(String prefix, int i) {
    return prefix + "0000" + (1000 + i);
  }

  private static List<Map<String, String>> purchases(String recordPrefix, String amount) {
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      out.add(Map.of("recordId", recordPrefix + i, "customerId", "K" + i, "date", "2026-06-05", "amount", amount));
    }
    return out;
  }
}
