package strata.server.cluster;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This server among those sharing one database: its id ({@code strata.instance.id}, else a random UUID) and a
 * heartbeat row written every {@code strata.instance.heartbeat} [5s] on a thread of its own, so that a slow task never
 * makes a live server look dead. Runs and imports record the instance that owns them; work whose owner's heartbeat is
 * older than {@code strata.instance.stale-after} [30s], or whose owner's row is gone (it stopped), was cut off, and
 * its feature marks it failed ({@link #orphaned}). Another instance starting never touches a live one's work.
 *
 * <p>Heartbeats are compared with the database's clock, never two servers' clocks.
 */
@Component
@DependsOnDatabaseInitialization
public class Instance {
  private static final Logger log = LoggerFactory.getLogger(Instance.class);
  private final JdbcClient db;
  private final String id;
  private final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
  private final Duration staleAfter;
  private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "strata-heartbeat");
    t.setDaemon(true);
    return t;
  });

  Instance(JdbcClient db, javax.sql.DataSource dataSource, @Value("${strata.instance.id:}") String id,
      @Value("${strata.instance.heartbeat:5s}") Duration heartbeat,
      @Value("${strata.instance.stale-after:30s}") Duration staleAfter) {
    if (staleAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
      throw new IllegalArgumentException("strata.instance.stale-after (" + staleAfter + ") must be at least three "
          + "heartbeats (strata.instance.heartbeat " + heartbeat + "), or a busy server would look dead");
    }
    String chosen = id == null ? "" : id.strip();
    if (chosen.length() > 64) throw new IllegalArgumentException("strata.instance.id is longer than 64 characters");
    this.db = db;
    this.id = chosen.isEmpty() ? UUID.randomUUID().toString() : chosen;
    this.staleAfter = staleAfter;
    if (exclusive(dataSource)) {
      // An embedded H2 database is open in one process only: every other instance on it is gone, however fresh its
      // last heartbeat (a server killed a moment ago and restarted at once).
      db.sql("delete from server_instance where id <> ?").param(this.id).update();
    }
    beat(); // registered before any of its work can start, so no sweep takes that work for an orphan
    heart.scheduleWithFixedDelay(this::beatQuietly, heartbeat.toMillis(), heartbeat.toMillis(),
        TimeUnit.MILLISECONDS);
    log.info("server instance {}", this.id);
  }

  /** Whether no other server can be using the database: H2 embedded, neither served over TCP nor AUTO_SERVER. */
  private static boolean exclusive(javax.sql.DataSource dataSource) {
    try (java.sql.Connection c = dataSource.getConnection()) {
      String url = c.getMetaData().getURL().toLowerCase(java.util.Locale.ROOT);
      return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
          && !url.replace(" ", "").contains("auto_server=true");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the database's URL: " + e.getMessage(), e);
    }
  }

  /** The id runs and imports record as their owner. */
  public String id() {
    return id;
  }

  /**
   * A SQL condition true for work nobody will finish: owned by no instance (made before instances were recorded), by
   * an instance with a stale or missing heartbeat, or by this instance's id in an earlier life (a fixed
   * {@code strata.instance.id} restarted). Bind {@link #orphanParams()} in its place.
   *
   * @param owner the work's owner column
   * @param since the work's creation time column, compared with this instance's start
   */
  public static String orphaned(String owner, String since) {
    return "(" + owner + " is null or (" + owner + " = ? and " + since + " < ?) or " + owner
        + " not in (select id from server_instance where heartbeat_at >= ?))";
  }

  /** The parameters of {@link #orphaned}, with the stale limit by the database's clock now. */
  public Object[] orphanParams() {
    OffsetDateTime dbNow = db.sql("select current_timestamp").query(OffsetDateTime.class).single();
    return new Object[] {id, startedAt, dbNow.minus(staleAfter)};
  }

  private void beat() {
    int n = db.sql("update server_instance set heartbeat_at = current_timestamp where id = ?").param(id).update();
    if (n == 0) {
      // First beat, or a sweep removed a row that went stale while this server was paused.
      db.sql("insert into server_instance (id, started_at, heartbeat_at) values (?, ?, current_timestamp)")
          .params(id, startedAt).update();
    }
    // Rows of instances gone for a day: nothing refers to them any more than to a missing row.
    db.sql("delete from server_instance where heartbeat_at < current_timestamp - interval '1' day").update();
  }

  private void beatQuietly() {
    try {
      beat();
    } catch (RuntimeException e) {
      log.warn("heartbeat of instance {} not written: {}", id, e.getMessage());
    }
  }

  /** A stopping server removes its row: the others take its unfinished work for cut off at their next sweep. */
  @jakarta.annotation.PreDestroy
  void stop() {
    heart.shutdownNow();
    try {
      db.sql("delete from server_instance where id = ?").param(id).update();
    } catch (RuntimeException e) {
      log.warn("instance {} not removed at shutdown: {}", id, e.getMessage());
    }
  }
}
