package strata.server.notify;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class WebhooksPostgresTest extends WebhooksContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    postgres(r);
  }
}
