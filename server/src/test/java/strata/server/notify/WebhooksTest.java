package strata.server.notify;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class WebhooksTest extends WebhooksContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }
}
