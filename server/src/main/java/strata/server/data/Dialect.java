package strata.server.data;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database the server stores its data in, read once from the DataSource's metadata at start. The bulk paths
 * differ by it: PostgreSQL takes new rows by COPY and has load tables; the embedded H2 takes batched INSERTs.
 */
@Component
public class Dialect {
  private final boolean postgres;

  public Dialect(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      this.postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to learn which it is: " + e.getMessage(), e);
    }
  }

  /** Whether the database is PostgreSQL (else the embedded H2). */
  public boolean postgres() {
    return postgres;
  }
}
