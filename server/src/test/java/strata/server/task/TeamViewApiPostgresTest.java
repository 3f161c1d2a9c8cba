package strata.server.task;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class TeamViewApiPostgresTest extends TeamViewApiContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    postgres(r);
  }
}
