package strata.server.pool;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OwnerMovesPostgresTest extends OwnerMovesContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    postgres(r);
  }
}
