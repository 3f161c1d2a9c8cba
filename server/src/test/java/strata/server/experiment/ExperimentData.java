package strata.server.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.TestData;

/**
 * The experiment tests' data: 60 big customers K-01..K-60 (王芳 owns K-01..K-30, 李娜 the rest), three small ones.
 * The held-out half is computed here independently of the server, from the published definition: SHA-256 of
 * "care_test", NUL, customer id; first 8 bytes as an unsigned number; the 30 smallest are held out (share 0.5 of 60).
 * Within each group, by id: the first 15 bought 100 in the pre-period (balanced groups, baseline 0.5); the treated
 * group's first 24 and the held-out group's first 12 buy 200 on 2026-04-10; treated answer NPS 10 (20 of them) or 8,
 * held out 10, 8 or 3 (10 each).
 */
final class ExperimentData {
  final List<String> treated = new ArrayList<>();
  final List<String> heldOut = new ArrayList<>();

  ExperimentData() {
    List<String> all = new ArrayList<>();
    for (int i = 1; i <= 60; i++) all.add(String.format("K-%02d", i));
    List<String> byHash = new ArrayList<>(all);
    byHash.sort(Comparator.comparing(id -> Long.toUnsignedString(hash("care_test", id)), ExperimentData::unsigned));
    heldOut.addAll(byHash.subList(0, 30).stream().sorted().toList());
    treated.addAll(byHash.subList(30, 60).stream().sorted().toList());
  }

  /** Before the first run (as of 2026-03-31). */
  void history(JdbcClient db, SummaryStore summaries) {
    TestData data = new TestData(db, summaries);
    for (int i = 1; i <= 60; i++) {
      String id = String.format("K-%02d", i);
      data.customer(id, "客户" + i, i <= 30 ? "王芳" : "李娜").purchase(id, "2025-06-01", 1500);
    }
    for (String s : List.of("S-1", "S-2", "S-3")) data.customer(s, "小" + s, "李娜").purchase(s, "2025-06-01", 50);
    for (List<String> group : List.of(treated, heldOut)) {
      for (String id : group.subList(0, 15)) data.purchase(id, "2026-02-01", 100);
    }
    data.commit();
  }

  /** Within the experiment's period. */
  void period(JdbcClient db, SummaryStore summaries) {
    TestData data = new TestData(db, summaries);
    for (String id : treated.subList(0, 24)) data.purchase(id, "2026-04-10", 200);
    for (String id : heldOut.subList(0, 12)) data.purchase(id, "2026-04-10", 200);
    data.commit();
    for (int i = 0; i < 30; i++) {
      answer(db, treated.get(i), i < 20 ? 10 : 8);
      answer(db, heldOut.get(i), i < 10 ? 10 : i < 20 ? 8 : 3);
    }
  }

  private static void answer(JdbcClient db, String id, int nps) {
    db.sql("insert into survey (record_id, customer_id, at, nps, csat, comment) values (?, ?, ?, ?, null, '')")
        .params("nps-" + id, id, java.time.LocalDateTime.parse("2026-04-20T10:00:00"), nps).update();
  }

  private static int unsigned(String a, String b) {
    return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
  }

  private static long hash(String experiment, String id) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((experiment + "\0" + id).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
