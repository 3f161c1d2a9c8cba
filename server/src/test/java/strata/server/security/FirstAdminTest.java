package strata.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;

/**
 * Without a configured admin password, the first start prints a one-time password that works, and only its hash is
 * kept.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "strata.admin.password=")
class FirstAdminTest {
  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    ServerTest.h2(r);
  }

  @Test
  void theOneTimePasswordSignsInTheAdmin(CapturedOutput output,
      @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient db) {
    Matcher m = Pattern.compile("one-time password (\\S+)").matcher(output.getAll());
    assertThat(m.find()).as("the password is printed").isTrue();
    String password = m.group(1);
    assertThat(new Api(port).as("admin", password).get("/api/v1/me").json().get("role").asString())
        .isEqualTo("admin");
    String hash = db.sql("select password_hash from app_user where username = 'admin'").query(String.class).single();
    assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
  }
}
