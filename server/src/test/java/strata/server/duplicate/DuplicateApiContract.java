package strata.server.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.TierHistory.runToEnd;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import strata.server.testing.TestModels;
import tools.jackson.databind.JsonNode;

/**
 * The duplicate review queue, on customers whose duplicates are known by construction: D-1/D-2 are one phone written
 * two ways (same_phone, 0.7), E-1/E-2 one e-mail in two cases (same_email, 0.8) across two owners; F-1 shares nothing.
 */
abstract class DuplicateApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void pairsAreFoundDecidedAuditedMergedByTheNextRunAndUndone() {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND)).status()).isEqualTo(201);
    customer("D-1", "星辰", "王芳", "+86 138-0013-8000", "");
    customer("D-2", "白鹭", "王芳", "13800138000", "");
    customer("E-1", "海风", "王芳", "", "Li@X.cn ");
    customer("E-2", "云帆", "李娜", "", "li@x.cn");
    customer("F-1", "远山", "李娜", "021-66668888", "f@x.cn");
    new TestData(db, summaries).purchase("D-1", "2026-01-10", 1000).purchase("D-2", "2026-02-10", 300)
        .purchase("D-2", "2026-02-20", 200).purchase("E-1", "2026-01-05", 100).purchase("E-2", "2026-01-06", 50)
        .purchase("F-1", "2026-02-01", 70).commit();
    runNext(admin);

    JsonNode pending = awaitPairs(admin, "pending", 2);
    JsonNode email = pending.get(0);   // best first: 0.8 before 0.7
    JsonNode phone = pending.get(1);
    assertThat(email.at("/a/id").asString() + "+" + email.at("/b/id").asString()).isEqualTo("E-1+E-2");
    assertThat(email.get("reasons").get(0).asString()).isEqualTo("same_email");
    assertThat(email.get("score").asDouble()).isEqualTo(0.8);
    assertThat(email.at("/b/owner").asString()).isEqualTo("李娜");
    assertThat(phone.at("/a/id").asString() + "+" + phone.at("/b/id").asString()).isEqualTo("D-1+D-2");
    assertThat(phone.get("reasons").get(0).asString()).isEqualTo("same_phone");
    assertThat(phone.at("/a/phone").asString()).isEqualTo("+86 138-0013-8000");
    assertThat(phone.at("/b/name").asString()).isEqualTo("白鹭");
    long phonePair = phone.get("id").asLong();
    long emailPair = email.get("id").asLong();

    // A sales user sees only pairs of two of their own customers, and may not decide.
    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    Api rep = anonymous().as("wangfang", "wangfang-password-1");
    JsonNode own = rep.get("/api/v1/duplicates").json();
    assertThat(own.get("total").asLong()).isEqualTo(1);
    assertThat(own.at("/items/0/id").asLong()).isEqualTo(phonePair);
    assertThat(rep.get("/api/v1/duplicates").body()).doesNotContain("李娜", "li@x.cn");
    assertThat(rep.post("/api/v1/duplicates/" + phonePair + "/accept", Map.of()).status()).isEqualTo(403);

    // Accepted with a hostile note: stored and returned as given, the table intact.
    String hostile = "'); drop table duplicate_pair; -- <script>alert(1)</script> 同一客户";
    Api.Response accepted = admin.post("/api/v1/duplicates/" + phonePair + "/accept", Map.of("note", hostile));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("status").asString()).isEqualTo("accepted");
    assertThat(accepted.json().get("decidedBy").asString()).isEqualTo("admin");
    assertThat(accepted.json().get("note").asString()).isEqualTo(hostile);
    // Twice is a double click: the same answer, one audit entry. The other decision needs an undo first.
    assertThat(admin.post("/api/v1/duplicates/" + phonePair + "/accept", Map.of()).json().get("note").asString())
        .isEqualTo(hostile);
    assertThat(admin.post("/api/v1/duplicates/" + phonePair + "/reject", Map.of()).status()).isEqualTo(409);
    JsonNode audit = admin.get("/api/v1/audit?action=duplicate_accepted").json().get("items");
    assertThat(audit).hasSize(1);
    assertThat(audit.at("/0/detailCode").asString()).isEqualTo("duplicate");
    assertThat(audit.at("/0/detailParams/a").asString() + " " + audit.at("/0/detailParams/b").asString())
        .isEqualTo("D-1 D-2");
    assertThat(audit.at("/0/detailParams/reasons").toString()).contains("same_phone");
    assertThat(audit.at("/0/detailParams/note").asString()).isEqualTo(hostile);

    // The next run counts D-1 and D-2 as one customer D-1: 4 customers of 5, D-1's monetary 1000 + 300 + 200 = 1500.
    runNext(admin);
    JsonNode merged = customers(admin);
    assertThat(merged.get("total").asLong()).as(merged.toString()).isEqualTo(4);
    assertThat(customer(merged, "D-1").get("monetary").asDouble()).isEqualTo(1500.0);
    assertThat(customer(merged, "D-1").get("frequency").asLong()).isEqualTo(3);
    assertThat(customer(merged, "D-2")).isNull();
    // Found again by that run's search, the pair keeps its decision.
    assertThat(awaitPairs(admin, "accepted", 1).at("/0/note").asString()).isEqualTo(hostile);

    // Undo: pending again, and the run after it counts the two apart (1000; 300 + 200).
    Api.Response undone = admin.post("/api/v1/duplicates/" + phonePair + "/undo", Map.of("note", "不同门店"));
    assertThat(undone.json().get("status").asString()).isEqualTo("pending");
    assertThat(admin.post("/api/v1/duplicates/" + phonePair + "/undo", Map.of()).status()).isEqualTo(409);
    assertThat(admin.post("/api/v1/duplicates/" + emailPair + "/reject", Map.of()).status()).isEqualTo(200);
    runNext(admin);
    JsonNode apart = customers(admin);
    assertThat(apart.get("total").asLong()).isEqualTo(5);
    assertThat(customer(apart, "D-1").get("monetary").asDouble()).isEqualTo(1000.0);
    assertThat(customer(apart, "D-2").get("monetary").asDouble()).isEqualTo(500.0);
    assertThat(admin.get("/api/v1/duplicates?status=rejected").json().at("/items/0/id").asLong()).isEqualTo(emailPair);
    JsonNode undoneEntry = admin.get("/api/v1/audit?action=duplicate_undone").json().at("/items/0/detailParams");
    assertThat(undoneEntry.get("was").asString()).isEqualTo("accepted");
    assertThat(undoneEntry.get("note").asString()).contains("不同门店");

    // D-2's phone corrected: the pending pair is not found again and leaves; the rejected one is found and kept.
    db.sql("update customer set phone = '13900139000' where id = 'D-2'").update();
    runNext(admin);
    awaitPairs(admin, "pending", 0);
    assertThat(awaitPairs(admin, "rejected", 1).at("/0/id").asLong()).isEqualTo(emailPair);
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() {
    Api admin = admin();
    assertThat(admin.post("/api/v1/duplicates/987654/accept", Map.of()).status()).isEqualTo(404);
    assertThat(admin.post("/api/v1/duplicates/abc/accept", Map.of()).status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/duplicates?status=merged").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/duplicates?size=100000").status()).isEqualTo(400);
    db.sql("insert into duplicate_pair (id_a, id_b, reasons, score, status, found_run) "
        + "values ('X-1', 'X-2', 'same_name', 0.5, 'pending', 0)").update();
    long id = db.sql("select id from duplicate_pair where id_a = 'X-1'").query(Long.class).single();
    Api.Response tooLong = admin.post("/api/v1/duplicates/" + id + "/accept", Map.of("note", "x".repeat(1001)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(db.sql("select status from duplicate_pair where id = ?").param(id).query(String.class).single())
        .isEqualTo("pending");
  }

  private void customer(String id, String name, String owner, String phone, String email) {
    db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) "
        + "values (?, ?, '', '', '', ?, ?, ?, ?)").params(id, name, owner, phone, email,
        OffsetDateTime.now(ZoneOffset.UTC)).update();
  }

  private static JsonNode customers(Api api) {
    return api.get("/api/v1/customers?size=100").json();
  }

  private static JsonNode customer(JsonNode page, String id) {
    for (JsonNode c : page.get("items")) if (c.get("id").asString().equals(id)) return c;
    return null;
  }

  /** The queue is filled just after a run is published: wait for it. */
  private static JsonNode awaitPairs(Api api, String status, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      JsonNode items = api.get("/api/v1/duplicates?status=" + status).json().get("items");
      if (items.size() == count) return items;
      assertThat(System.nanoTime()).as(status + " pairs: " + items).isLessThan(deadline);
      sleep();
    }
  }

  private int runs;

  /** Runs as of successive days (the KPIs compare a snapshot with an earlier one). */
  /** Each run a day later, so every run is a new snapshot. */
  private void runNext(Api api) {
    runToEnd(api, "2026-03-0" + (++runs));
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
