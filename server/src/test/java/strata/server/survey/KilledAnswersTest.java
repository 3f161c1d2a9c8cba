package strata.server.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, "no answer lost when the server is killed and restarted mid-load": eight clients answer survey links on
 * the public page, two clients on every link (so a link is raced for), and the server is killed with SIGKILL while
 * they do. After a restart every answer the server acknowledged is stored exactly once with what that client sent; a
 * stored answer and its link's use are one write (the link is used exactly when its answer is stored, and a detractor's
 * follow-up task exists exactly when its answer does); answers not acknowledged may be missing but never half there;
 * and the restarted server takes the links still open.
 */
class KilledAnswersTest {
  private static final long SEED = 20261204L;
  private static final int CUSTOMERS = 400;
  private static final int CLIENTS = 8;
  private static final String MODEL = """
      tiers:
        - id: all
          name: {zh: 全部, en: All}
          when: true
          service:
            survey: {nps_every_days: 90, channel: sms}
      """;

  /** One link: invitation id and the path of its public page. */
  record Link(long id, String customerId, String path) {}

  /** What is stored for an invitation's answer. */
  record Stored(String customerId, int nps, String comment) {}

  @Test
  void answersAcknowledgedBeforeAKillAreStoredOnceAndTheRestTakenAfterTheRestart(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception { // the servers' logs stay on failure
    Random random = new Random(SEED);
    int port = ServerProcess.freePort();
    String url = "jdbc:h2:file:" + data.resolve("db/strata") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
    // Every client is 127.0.0.1: the per-address limit would refuse the load, not the kill.
    String[] settings = {"--spring.datasource.url=" + url, "--strata.surveys.per-address=1000000"};
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    java.util.Queue<String> problems = new java.util.concurrent.ConcurrentLinkedQueue<>();
    List<Link> links;
    try (ServerProcess first = ServerProcess.start(data, port, settings)) {
      Api admin = first.admin();
      links = invite(admin);
      assertThat(links).hasSize(CUSTOMERS);
      AtomicInteger answered = new AtomicInteger();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        // Clients c and c + 4 share a quarter of the links, from opposite ends.
        List<Link> mine = new ArrayList<>();
        for (int i = c % 4; i < links.size(); i += 4) mine.add(links.get(i));
        if (c >= 4) java.util.Collections.reverse(mine);
        String comment = "client " + c;
        Thread client = new Thread(() -> answerAll(new Api(port), mine, comment, acknowledged, answered, problems));
        client.start();
        clients.add(client);
      }
      int killAt = CUSTOMERS / 8 + random.nextInt(CUSTOMERS / 2);
      waitFor(() -> answered.get() >= killAt || clients.stream().noneMatch(Thread::isAlive));
      first.kill();
      for (Thread t : clients) t.join();
      System.out.printf("KilledAnswersTest: killed after %d acknowledged answers (aimed at %d)%n", answered.get(),
          killAt);
    }
    assertThat(problems).as("answers while the server ran").isEmpty();
    assertThat(acknowledged).as("answers acknowledged before the kill").isNotEmpty().hasSizeLessThan(CUSTOMERS);

    try (ServerProcess second = ServerProcess.start(data, port, settings)) {
      Api admin = second.admin();
      Map<Long, Stored> stored = answers(url);
      Set<Long> used = usedLinks(url);
      assertThat(used).as("links used = links with an answer").isEqualTo(stored.keySet());
      assertThat(detractorTasks(url)).as("a follow-up task exactly for each stored detractor")
          .isEqualTo(detractors(stored));
      for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
        Stored s = stored.get(ack.getKey());
        assertThat(s).as("acknowledged answer to invitation %d", ack.getKey()).isNotNull();
        assertThat(s.comment()).as("stored is what the acknowledged client sent").isEqualTo(ack.getValue());
      }
      Map<Long, Link> byId = new HashMap<>();
      for (Link l : links) byId.put(l.id(), l);
      for (Map.Entry<Long, Stored> s : stored.entrySet()) {
        assertThat(s.getValue().customerId()).isEqualTo(byId.get(s.getKey()).customerId());
        assertThat(s.getValue().nps()).as("whole, as sent").isEqualTo(nps(s.getKey()));
        assertThat(s.getValue().comment()).matches("client [0-7]");
      }
      System.out.printf("KilledAnswersTest: %d acknowledged, %d stored (%d stored without an answer reaching "
          + "its client)%n", acknowledged.size(), stored.size(), stored.size() - acknowledged.size());

      // The restarted server takes every link still open, and refuses the used ones.
      List<Link> open = new ArrayList<>();
      for (Link l : links) if (!stored.containsKey(l.id())) open.add(l);
      Api anonymous = new Api(port);
      for (Link l : open) {
        assertThat(post(anonymous, l, "after restart")).as("open link %d after the restart", l.id()).isEqualTo(200);
      }
      Link usedLink = byId.get(stored.keySet().iterator().next());
      assertThat(post(anonymous, usedLink, "again")).as("a used link").isEqualTo(410);
      Map<Long, Stored> all = answers(url);
      assertThat(all).hasSize(CUSTOMERS);
      assertThat(usedLinks(url)).isEqualTo(all.keySet());
      assertThat(detractorTasks(url)).isEqualTo(detractors(all));
      assertThat(admin.get("/api/v1/surveys/invitations?status=open").json().size()).isZero();
    }
  }

  /** A one-tier model that invites everybody to NPS, its customers, a run, and the day's invitations. */
  private static List<Link> invite(Api admin) {
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "surveys")).status()).isEqualTo(201);
    List<Map<String, String>> customers = new ArrayList<>();
    List<Map<String, String>> purchases = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      String id = "S" + i;
      customers.add(Map.of("id", id, "name", "Customer " + i, "owner", "rep" + i % 5));
      purchases.add(Map.of("recordId", "t" + i, "customerId", id, "date", "2026-01-05", "amount", "100"));
    }
    assertThat(admin.post("/api/v1/batch/customers", customers).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/batch/transactions", purchases).status()).isEqualTo(200);
    long run = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
    waitFor(() -> !admin.get("/api/v1/runs/" + run).json().get("status").asString().matches("queued|running"));
    assertThat(admin.get("/api/v1/runs/" + run).json().get("status").asString()).isEqualTo("succeeded");
    assertThat(admin.post("/api/v1/surveys/invitations", Map.of()).status()).isEqualTo(200);
    List<Link> links = new ArrayList<>();
    for (JsonNode l : admin.get("/api/v1/surveys/invitations?status=open").json()) {
      String path = java.net.URI.create(l.get("url").asString()).getPath();
      links.add(new Link(l.get("id").asLong(), l.get("customerId").asString(), path));
    }
    return links;
  }

  /** Answers each link until the server goes away; records the links whose answer it acknowledged. */
  private static void answerAll(Api api, List<Link> links, String comment, Map<Long, String> acknowledged,
      AtomicInteger answered, java.util.Queue<String> problems) {
    for (Link l : links) {
      int status;
      try {
        status = post(api, l, comment);
      } catch (RuntimeException e) { // the server was killed
        return;
      }
      if (status == 200) {
        if (acknowledged.put(l.id(), comment) != null) problems.add("link " + l.id() + " acknowledged twice");
        answered.incrementAndGet();
      } else if (status != 410) { // 410: the other client's answer came first
        problems.add("link " + l.id() + " answered " + status);
      }
    }
  }

  private static int post(Api api, Link link, String comment) {
    String form = "nps=" + nps(link.id()) + "&comment=" + java.net.URLEncoder.encode(comment, StandardCharsets.UTF_8);
    return api.raw("POST", link.path() + "?lang=en", "application/x-www-form-urlencoded",
        form.getBytes(StandardCharsets.UTF_8)).status();
  }

  /** The score every client sends for a link: about half are detractors (0 to 6). */
  private static int nps(long invitation) {
    return (int) (invitation * 7 % 11);
  }

  private static Set<String> detractors(Map<Long, Stored> answers) {
    Set<String> customers = new HashSet<>();
    for (Stored s : answers.values()) if (s.nps() <= 6) customers.add(s.customerId());
    return customers;
  }

  private static Map<Long, Stored> answers(String url) throws SQLException {
    Map<Long, Stored> out = new HashMap<>();
    query(url, "select record_id, customer_id, nps, comment from survey", rs -> {
      long id = Long.parseLong(rs.getString(1).substring(Answers.RECORD_PREFIX.length()));
      assertThat(out.put(id, new Stored(rs.getString(2), rs.getInt(3), rs.getString(4)))).as("two answers").isNull();
    });
    return out;
  }

  private static Set<Long> usedLinks(String url) throws SQLException {
    Set<Long> out = new HashSet<>();
    query(url, "select id, record_id from survey_invitation where answered_at is not null", rs -> {
      assertThat(rs.getString(2)).isEqualTo(Answers.RECORD_PREFIX + rs.getLong(1));
      out.add(rs.getLong(1));
    });
    return out;
  }

  private static Set<String> detractorTasks(String url) throws SQLException {
    Set<String> out = new HashSet<>();
    query(url, "select customer_id from service_task where trigger_kind = 'nps_detractor'", rs -> {
      assertThat(out.add(rs.getString(1))).as("one follow-up per customer").isTrue();
    });
    return out;
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(String url, String sql, Row row) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "strata", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) row.read(rs);
    }
  }
}
