package strata.server.pool;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PoolApiTest extends PoolApiContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }
}
