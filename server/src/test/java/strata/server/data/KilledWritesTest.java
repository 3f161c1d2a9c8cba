package strata.server.data;

import java.nio.file.Path;

/** The seeded kill walk on the embedded H2 database, the default store. */
class KilledWritesTest extends KilledWritesContract {
  @Override
  Store store(Path data) {
    String url = "jdbc:h2:file:" + data.resolve("db/strata") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
    return new Store(url, "strata", "", "--spring.datasource.url=" + url);
  }

  @Override
  int points() {
    return 20;
  }
}
