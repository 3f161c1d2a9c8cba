package strata.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Secure from the first start: with no users yet, creates the admin from {@code strata.admin.password}, or with a
 * random one-time password printed once (it is stored only as a hash, so it cannot be shown again).
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
  private final Users users;
  private final String username;
  private final String password;

  FirstAdmin(Users users, @Value("${strata.admin.username:admin}") String username,
      @Value("${strata.admin.password:}") String password) {
    this.users = users;
    this.username = username;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!users.none()) return;
    if (!password.isEmpty()) {
      users.create(username, "Administrator", password, Role.ADMIN, null);
      log.info("created admin user '{}' with the configured password", username);
      return;
    }
    String generated = Tokens.newToken("").substring(0, 20);
    users.create(username, "Administrator", generated, Role.ADMIN, null);
    System.out.println();
    System.out.println("  Strata: first start. Sign in as '" + username + "' with the one-time password " + generated);
    System.out.println("  (shown only now; change it under Admin > Users).");
    System.out.println();
  }
}
