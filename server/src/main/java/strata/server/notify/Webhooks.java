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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each notification on to {@code strata.webhook.url} (a WeCom or DingTalk bot relay, a CRM) as JSON signed
 * with {@link WebhookSignature}. A delivery that fails (no answer, or not 2xx) is retried after
 * {@code strata.webhook.backoff-seconds} [30], doubling each time, up to {@code strata.webhook.max-attempts} [6];
 * every attempt is logged in {@code notification_delivery} ({@link Deliveries}). The secret stays in the configuration.
 */
@Service
public class Webhooks {
  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

  private final Deliveries deliveries;
  private final JsonMapper json;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final URI url;
  private final String secret;
  private final int maxAttempts;
  private final long backoffSeconds;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Webhooks(Deliveries deliveries, JsonMapper json, PlatformTransactionManager transactions, ObjectProvider<Clock> clock,
      @Value("${strata.webhook.url:}") String url, @Value("${strata.webhook.secret:}") String secret,
      @Value("${strata.webhook.max-attempts:6}") int maxAttempts,
      @Value("${strata.webhook.backoff-seconds:30}") long backoffSeconds) {
    this.deliveries = deliveries;
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
    deliveries.enqueue(notificationId, "webhook", null, json.writeValueAsString(body), now);
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
      int delivered = 0;
      for (Deliveries.Due d : deliveries.due("webhook", now)) {
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
        if (error == null) {
          deliveries.delivered(d, status, now);
          delivered++;
        } else {
          deliveries.failed(d, status, error, now, maxAttempts, backoffSeconds);
          log.warn("webhook delivery {} attempt {} failed: {}", d.id(), d.attempts() + 1, error);
        }
      }
      return delivered;
    });
  }
}
