package strata.server.data;

import java.nio.file.Path;
import strata.server.testing.Postgres;

/**
 * The seeded kill walk on PostgreSQL, whose imports move their rows from an unlogged load table. Each server of the
 * walk starts under one {@code strata.instance.id}, as a service restarted in place does: it then takes over the work
 * its killed predecessor left at once, as the embedded H2 server does by being alone on its database, instead of
 * after {@code strata.instance.stale-after} (30 s) a point. Fewer points than on H2 (6, not 20) to keep the build
 * short: a point is mostly a server start, and on the shared 2-core machine (2026-12-05) 6 points took 212 s at load
 * 5 to 8, 8 points 302 s at load 8 to 16. bench/kill-writes.sh walks as many points as asked.
 */
class KilledWritesPostgresTest extends KilledWritesContract {
  @Override
  Store store(Path data) {
    Postgres.Database pg = Postgres.newDatabase();
    return new Store(pg.url(), pg.user(), pg.password(), "--spring.datasource.url=" + pg.url(),
        "--spring.datasource.username=" + pg.user(), "--spring.datasource.password=" + pg.password(),
        "--strata.instance.id=killed-writes");
  }

  @Override
  int points() {
    return 6;
  }
}
