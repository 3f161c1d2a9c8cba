package strata.server.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.server.api.Page;
import strata.server.api.PagedQuery;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each notification on to {@code strata.webhook.url} (a WeCom or DingTalk bot relay, a CRM) as JSON signed
 * with {@link WebhookSignature}. A delivery that fails (no answer, or not 2xx) is retried after
 * {@code strata.webhook.backoff-seconds} [30], doubling each time, up to {@code strata.webhook.max-attempts} [6];
 * every attempt is logged in {@code webhook_delivery}. The secret stays in the configuration.
 */
@Service
public class Webhooks {
  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

  /** A delivery as the log shows it: no body, no secret. */
  public record Delivery(long id, long notificationId, String status, int attempts, OffsetDateTime nextAttemptAt,
      Integer lastStatus, String lastError, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {}

  private final JdbcClient db;
  private final JsonMapper json;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final URI url;
  private final String secret;
  private final int maxAttempts;
  private final long backoffSeconds;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Webhooks(JdbcClient db, JsonMapper json, PlatformTransactionManager transactions, ObjectProvider<Clock> clock,
      @Value("${strata.webhook.url:}") String url, @Value("${strata.webhook.secret:}") String secret,
      @Value("${strata.webhook.max-attempts:6}") int maxAttempts,
      @Value("${strata.webhook.backoff-seconds:30}") long backoffSeconds) {
    this.db = db;
    this.json = json;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.url = url.isBlank() ? null : URI.create(url.strip());
    this.secret = secret;
    if (this.url != null && !List.of("http", "https").contains(String.valueOf(this.url.getScheme()))) {
      throw new IllegalArgumentException("strata.webhook.url must be an http or https URL, got '" + url + "'");
    }
    if (this.url != null && secret.length() < 16) {
      throw new IllegalArgumentException("strata.webhook.secret must be at least 16 characters when "
          + "strata.webhook.url is set");
    }
    if (maxAttempts < 1 || backoffSeconds < 1) {
      throw new IllegalArgumentException("strata.webhook.max-attempts and backoff-seconds must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.backoffSeconds = backoffSeconds;
  }

  boolean enabled() {
    return url != null;
  }

  /** Queues a notification for delivery now; runs in the caller's transaction. Nothing when no URL is set. */
  void enqueue(long notificationId, String username, String kind, Long taskId, String customerId, String zh,
      String en, OffsetDateTime now) {
    if (!enabled()) return;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", notificationId);
    body.put("kind", kind);
    body.put("username", username);
    body.put("customerId", customerId);
    body.put("taskId", taskId);
    body.put("text", Map.of("zh", zh, "en", en));
    body.put("createdAt", now.toInstant().toString());
    db.sql("insert into webhook_delivery (notification_id, body, status, attempts, next_attempt_at, created_at) "
            + "values (?, ?, 'pending', 0, ?, ?)")
        .params(notificationId, json.writeValueAsString(body), now, now).update();
  }

  /**
   * Attempts every delivery that is due. Rows are taken with {@code skip locked}, so servers sharing the database
   * never send one twice at once.
   *
   * @return how many were delivered
   */
  public int deliverDue() {
    if (!enabled()) return 0;
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    return transaction.execute(tx -> {
      record Due(long id, String body, int attempts) {}
      List<Due> due = db.sql("select id, body, attempts from webhook_delivery where status = 'pending' and "
              + "next_attempt_at <= ? order by id limit 100 for update skip locked").param(now)
          .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
      int delivered = 0;
      for (Due d : due) {
        String error = null;
        Integer status = null;
        try {
          long timestamp = now.toEpochSecond();
          HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("X-Strata-Timestamp", Long.toString(timestamp))
              .header("X-Strata-Signature", WebhookSignature.header(secret, timestamp, d.body()))
              .POST(HttpRequest.BodyPublishers.ofString(d.body())).build(), HttpResponse.BodyHandlers.discarding());
          status = r.statusCode();
          if (status / 100 != 2) error = "HTTP " + status;
        } catch (java.io.IOException e) {
          error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          error = "interrupted";
        }
        int attempts = d.attempts() + 1;
        if (error == null) {
          db.sql("update webhook_delivery set status = 'delivered', attempts = ?, last_status = ?, last_error = null, "
              + "next_attempt_at = null, delivered_at = ? where id = ?").params(attempts, status, now, d.id()).update();
          delivered++;
        } else {
          boolean last = attempts >= maxAttempts;
          db.sql("update webhook_delivery set status = ?, attempts = ?, last_status = ?, last_error = ?, "
                  + "next_attempt_at = ? where id = ?")
              .params(last ? "failed" : "pending", attempts, status, error.substring(0, Math.min(500, error.length())),
                  last ? null : now.plusSeconds(backoff(attempts)), d.id()).update();
          log.warn("webhook delivery {} attempt {} failed: {}", d.id(), attempts, error);
        }
      }
      return delivered;
    });
  }

  /** Seconds before the next attempt after {@code attempts} failed ones: the base, doubled each time. */
  long backoff(int attempts) {
    return backoffSeconds << Math.min(attempts - 1, 20);
  }

  Page<Delivery> list(String status, int page, int size) {
    List<Object> params = new ArrayList<>();
    String where = " from webhook_delivery";
    if (status != null && !status.isBlank()) {
      where += " where status = ?";
      params.add(status);
    }
    return PagedQuery.page(db, "select id, notification_id, status, attempts, next_attempt_at, last_status, "
        + "last_error, created_at, delivered_at", where, " order by id desc", params, page, size, (rs, n) -> {
          Integer last = rs.getObject(6) == null ? null : rs.getInt(6);
          return new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
              rs.getObject(5, OffsetDateTime.class), last, rs.getString(7),
              rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class));
        });
  }
}
