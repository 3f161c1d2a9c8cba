package strata.server.model;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ModelApiPostgresTest extends ModelApiContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    postgres(r);
  }
}
