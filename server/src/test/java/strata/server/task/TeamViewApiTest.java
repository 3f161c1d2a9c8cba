package strata.server.task;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class TeamViewApiTest extends TeamViewApiContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }
}
