package strata.server.pool;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OwnerMovesTest extends OwnerMovesContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }
}
