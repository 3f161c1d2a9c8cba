package strata.server.intake;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ImportRunApiPostgresTest extends ImportRunContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    postgres(r);
    r.add("strata.runs.after-import", () -> "true");
  }
}
