package strata.server.intake;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ImportRunApiTest extends ImportRunContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
    r.add("strata.runs.after-import", () -> "true");
  }
}
