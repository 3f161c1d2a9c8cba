package strata.server.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing without locking an account's owner out. Three counters of consecutive failures, kept in
 * the database so that every server on it shares them:
 * <ul>
 *   <li>one client address against one account ({@code pair:}): {@code free-per-account-client} attempts, then a delay
 *       that doubles with each further failure from {@code first-delay} up to {@code max-delay};
 *   <li>one client address against all accounts ({@code client:}): the same with {@code free-per-client}, against
 *       one address spraying many user names;
 *   <li>one account from all addresses ({@code account:}): never a gate by itself. Once it reaches
 *       {@code account-under-attack}, each address gets a single free attempt at that account, so a distributed
 *       guess is slowed while an owner who has not been failing still gets their first attempt evaluated.
 * </ul>
 * An attempt is counted <em>before</em> its password is evaluated, by one conditional UPDATE that only succeeds while
 * the key is not waiting; parallel attempts therefore cannot all pass a check before any failure is written. A success
 * clears its address's record against the account and gives back its own count of the address. Counters nobody
 * touched for {@code forget} start again from zero.
 */
@Service
class SigninThrottle {
  private final JdbcClient db;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final int freePerPair;
  private final int freePerClient;
  private final int accountUnderAttack;
  private final long firstDelayMs;
  private final long maxDelayMs;
  private final long forgetMs;

  SigninThrottle(JdbcClient db, PlatformTransactionManager transactions,
      @Value("${strata.signin.free-per-account-client:5}") int freePerPair,
      @Value("${strata.signin.free-per-client:30}") int freePerClient,
      @Value("${strata.signin.account-under-attack:50}") int accountUnderAttack,
      @Value("${strata.signin.first-delay:5s}") Duration firstDelay,
      @Value("${strata.signin.max-delay:15m}") Duration maxDelay,
      @Value("${strata.signin.forget:1h}") Duration forget) {
    this.db = db;
    this.tx = new TransactionTemplate(transactions);
    this.clock = Clock.systemUTC();
    this.freePerPair = freePerPair;
    this.freePerClient = freePerClient;
    this.accountUnderAttack = accountUnderAttack;
    this.firstDelayMs = firstDelay.toMillis();
    this.maxDelayMs = maxDelay.toMillis();
    this.forgetMs = Math.max(forget.toMillis(), maxDelay.toMillis() + 60_000);
  }

  /**
   * Counts an attempt of {@code client} at {@code username}, to be followed by {@link #succeeded} or {@link #failed}.
   *
   * @return empty if the password may be evaluated, otherwise how long the client must wait
   */
  Optional<Duration> attempt(String username, String client) {
    long now = clock.millis();
    String pair = pairKey(username, client);
    String clientKey = "client:" + client;
    int pairFree = failures("account:" + username, now) >= accountUnderAttack ? 1 : freePerPair;
    ensure(pair, now);
    ensure(clientKey, now);
    // Both counters in one transaction: an attempt the address counter refuses must not count against the pair.
    return tx.execute(status -> {
      if (!take(pair, pairFree, now)) return Optional.of(waitOf(pair, now));
      if (!take(clientKey, freePerClient, now)) {
        status.setRollbackOnly();
        return Optional.of(waitOf(clientKey, now));
      }
      return Optional.<Duration>empty();
    });
  }

  /** The password was right: the address's record against this account is clean again. */
  void succeeded(String username, String client) {
    long now = clock.millis();
    db.sql("delete from signin_throttle where throttle_key = ?").param(pairKey(username, client)).update();
    // Give back this attempt's count only; a valid account must not wash away the address's failures at others.
    db.sql("update signin_throttle set failures = case when failures > 0 then failures - 1 else 0 end, "
            + "retry_at_ms = case when failures - 1 < :free then 0 else retry_at_ms end where throttle_key = :key")
        .param("free", freePerClient).param("key", "client:" + client).update();
    db.sql("delete from signin_throttle where last_at_ms < ?").param(now - forgetMs).update();
  }

  /** The password was wrong (the address counters already hold the attempt): counts it against the account. */
  void failed(String username) {
    long now = clock.millis();
    String key = "account:" + username;
    ensure(key, now);
    db.sql("update signin_throttle set failures = " + attempts() + ", last_at_ms = :now where throttle_key = :key")
        .param("stale", now - forgetMs).param("now", now).param("key", key).update();
  }

  private static String pairKey(String username, String client) {
    return "pair:" + client + " " + username;
  }

  private void ensure(String key, long now) {
    db.sql("insert into signin_throttle (throttle_key, failures, retry_at_ms, last_at_ms) values (?, 0, 0, ?) "
            + "on conflict do nothing")
        .params(key, now).update();
  }

  /**
   * Counts one attempt on the key unless it is waiting; the row lock of the UPDATE serializes parallel attempts, and
   * the database re-checks {@code retry_at_ms} on the row as the previous attempt left it.
   */
  private boolean take(String key, int free, long now) {
    String attempts = attempts();
    return db.sql("update signin_throttle set failures = " + attempts + ", "
            + "retry_at_ms = case when " + attempts + " < :free then 0 else :now + cast(least(:max, "
            + ":first * power(2, least(30, " + attempts + " - :free))) as bigint) end, "
            + "last_at_ms = :now where throttle_key = :key and retry_at_ms <= :now")
        .param("stale", now - forgetMs).param("free", free).param("now", now).param("max", maxDelayMs)
        .param("first", firstDelayMs).param("key", key)
        .update() == 1;
  }

  /** The key's failures after this attempt, counting afresh once it was left alone for {@code forget}. */
  private static String attempts() {
    return "(case when last_at_ms < :stale then 1 else failures + 1 end)";
  }

  private long failures(String key, long now) {
    return db.sql("select failures from signin_throttle where throttle_key = ? and last_at_ms >= ?")
        .params(key, now - forgetMs).query(Long.class).optional().orElse(0L);
  }

  private Duration waitOf(String key, long now) {
    long retryAt = db.sql("select retry_at_ms from signin_throttle where throttle_key = ?").param(key)
        .query(Long.class).optional().orElse(now);
    return Duration.ofMillis(Math.max(retryAt - now, 1000));
  }
}
