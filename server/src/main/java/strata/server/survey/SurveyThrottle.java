package strata.server.survey;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public survey page, per client address and per invitation, kept in the database like sign-in
 * throttling ({@code SigninThrottle}) so that every server on it shares them. A key allows {@code limit} requests in
 * a fixed window; a request is counted by one conditional UPDATE that only succeeds while the window has room (or
 * has passed and starts again), so parallel requests cannot all pass a check before any is counted.
 */
@Component
class SurveyThrottle {
  private final JdbcClient db;
  private final Clock clock;
  private final int perAddress;
  private final int perInvitation;
  private final long windowMs;
  private final AtomicLong cleaned = new AtomicLong();

  SurveyThrottle(JdbcClient db, ObjectProvider<Clock> clock,
      @Value("${strata.surveys.per-address:120}") int perAddress,
      @Value("${strata.surveys.per-invitation:20}") int perInvitation,
      @Value("${strata.surveys.window:1m}") Duration window) {
    if (perAddress < 1 || perInvitation < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("strata.surveys.per-address, per-invitation and window must be positive");
    }
    this.db = db;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.perAddress = perAddress;
    this.perInvitation = perInvitation;
    this.windowMs = window.toMillis();
  }

  /** @return how long to wait, or zero when the request may go on (it is counted then) */
  Duration take(String address, String invitation) {
    long now = clock.millis();
    long window = now - now % windowMs;
    if (!take("ip:" + address, perAddress, window) || !take("token:" + invitation, perInvitation, window)) {
      return Duration.ofMillis(Math.max(window + windowMs - now, 1000));
    }
    // Once a window per server: keys of windows that have passed count nothing any more.
    if (cleaned.getAndSet(window) != window) {
      db.sql("delete from survey_throttle where window_ms < ?").param(window).update();
    }
    return Duration.ZERO;
  }

  private boolean take(String key, int limit, long window) {
    String k = key.length() > 300 ? key.substring(0, 300) : key;
    int changed = db.sql("update survey_throttle set hits = case when window_ms < :window then 1 else hits + 1 end, "
            + "window_ms = :window where throttle_key = :key and (window_ms < :window or hits < :limit)")
        .param("window", window).param("key", k).param("limit", limit).update();
    if (changed == 1) return true;
    int inserted = db.sql("insert into survey_throttle (throttle_key, window_ms, hits) values (?, ?, 1) "
            + "on conflict do nothing").params(k, window).update();
    // Lost the race for a new key's first row: count this request on the row the other one made.
    return inserted == 1 || db.sql("update survey_throttle set hits = hits + 1 where throttle_key = ? and "
        + "window_ms = ? and hits < ?").params(k, window, limit).update() == 1;
  }
}
