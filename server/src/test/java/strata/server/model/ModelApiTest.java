package strata.server.model;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ModelApiTest extends ModelApiContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }
}
