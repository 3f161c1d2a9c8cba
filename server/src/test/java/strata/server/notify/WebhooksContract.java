package strata.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Webhook deliveries against a real HTTP receiver on this machine: signed, retried after 60 s then 120 s (the back-off
 * doubles), given up after 3 attempts, logged for admins without the secret.
 */
@Import(MovableClock.Config.class)
abstract class WebhooksContract extends ServerTest {
  static final String SECRET = "a-shared-secret-of-the-bot";
  /** Statuses the receiver answers, in order; 200 once they run out. */
  static final ConcurrentLinkedQueue<Integer> ANSWERS = new ConcurrentLinkedQueue<>();
  static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();
  static final HttpServer RECEIVER = receiver();

  static HttpServer receiver() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/hook", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(Map.of("body", body, "signature", exchange.getRequestHeaders().getFirst("X-Strata-Signature"),
            "timestamp", exchange.getRequestHeaders().getFirst("X-Strata-Timestamp")));
        Integer status = ANSWERS.poll();
        exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void webhook(DynamicPropertyRegistry r) {
    r.add("strata.webhook.url", () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook");
    r.add("strata.webhook.secret", () -> SECRET);
    r.add("strata.webhook.max-attempts", () -> "3");
    r.add("strata.webhook.backoff-seconds", () -> "60");
    r.add("strata.notifications.poll-seconds", () -> "3600"); // the test attempts deliveries itself
  }

  @Autowired MovableClock clock;
  @Autowired Webhooks webhooks;
  @Autowired JdbcClient db;

  @BeforeEach
  void today() {
    clock.day("2026-03-10");
  }

  @Test
  void aFailedDeliveryIsRetriedWithBackOffSignedAndLogged() throws Exception {
    RECEIVED.clear();
    ANSWERS.clear();
    ANSWERS.add(500);
    OffsetDateTime t0 = clock.now.atOffset(ZoneOffset.UTC);
    db.sql("delete from notification_delivery").update();
    webhooks.enqueue(41, "zhangwei", "task_due", 7L, "A1", "2026-03-10 到期：客户 A1 的跟进",
        "Follow-up due 2026-03-10: customer A1", t0);

    assertThat(webhooks.deliverDue()).isZero(); // the receiver answers 500
    assertThat(RECEIVED).hasSize(1);
    assertThat(webhooks.deliverDue()).isZero(); // not due again for 60 s
    assertThat(RECEIVED).hasSize(1);
    clock.now = clock.now.plusSeconds(60);
    assertThat(webhooks.deliverDue()).isEqualTo(1);
    assertThat(RECEIVED).hasSize(2);

    Map<String, String> got = RECEIVED.get(1);
    JsonNode body = Api.MAPPER.readTree(got.get("body"));
    assertThat(body.get("id").asLong()).isEqualTo(41);
    assertThat(body.get("kind").asString()).isEqualTo("task_due");
    assertThat(body.get("customerId").asString()).isEqualTo("A1");
    assertThat(body.get("text").get("zh").asString()).isEqualTo("2026-03-10 到期：客户 A1 的跟进");
    // The receiver's check, with the JDK's HMAC: the timestamp, a dot and the body, under the shared secret.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((got.get("timestamp") + "." + got.get("body")).getBytes(StandardCharsets.UTF_8));
    assertThat(got.get("signature")).isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(expected));
    assertThat(Long.parseLong(got.get("timestamp"))).isEqualTo(clock.now.getEpochSecond());

    // Three failures in a row: at t, t + 60 s and t + 60 + 120 s; then it is given up.
    ANSWERS.add(503);
    ANSWERS.add(503);
    ANSWERS.add(503);
    webhooks.enqueue(42, "zhangwei", "escalation", 7L, "A1", "逾期", "Overdue", clock.now.atOffset(ZoneOffset.UTC));
    webhooks.deliverDue();
    clock.now = clock.now.plusSeconds(59);
    webhooks.deliverDue();
    assertThat(RECEIVED).hasSize(3); // 59 s: too early
    clock.now = clock.now.plusSeconds(1);
    webhooks.deliverDue();
    clock.now = clock.now.plusSeconds(120);
    webhooks.deliverDue();
    clock.now = clock.now.plusSeconds(100000);
    webhooks.deliverDue();
    assertThat(RECEIVED).hasSize(5);

    Api admin = admin();
    Api.Response log = admin.get("/api/v1/admin/deliveries");
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.body()).doesNotContain(SECRET);
    JsonNode items = log.json().get("items");
    assertThat(items.get(0).get("status").asString()).isEqualTo("failed");
    assertThat(items.get(0).get("attempts").asInt()).isEqualTo(3);
    assertThat(items.get(0).get("lastStatus").asInt()).isEqualTo(503);
    assertThat(items.get(0).get("lastError").asString()).isEqualTo("HTTP 503");
    assertThat(items.get(1).get("status").asString()).isEqualTo("delivered");
    assertThat(items.get(1).get("attempts").asInt()).isEqualTo(2);
    assertThat(admin.get("/api/v1/admin/deliveries?channel=webhook&status=failed").json().get("total").asLong())
        .isEqualTo(1);
    assertThat(admin.get("/api/v1/admin/deliveries?channel=webhook&status=lost").status()).isEqualTo(400);
    admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password", "role", "sales",
        "owner", "张伟"));
    assertThat(anonymous().as("zhangwei", "zhangwei-password").get("/api/v1/admin/deliveries").status())
        .isEqualTo(403);
  }
}
