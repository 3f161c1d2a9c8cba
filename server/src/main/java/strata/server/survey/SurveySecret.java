package strata.server.survey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.survey.SurveyTokens;

/**
 * The secret survey links are signed with: {@code strata.surveys.secret} when set (at least 32 characters), else one
 * made by the first server from 32 random bytes and kept in the database, so links stay valid across restarts and on
 * every server sharing it.
 */
@Configuration
class SurveySecret {
  @Bean
  SurveyTokens surveyTokens(JdbcClient db, @Value("${strata.surveys.secret:}") String configured) {
    if (!configured.isBlank()) {
      byte[] secret = configured.getBytes(StandardCharsets.UTF_8);
      if (secret.length < 32) throw new IllegalArgumentException("strata.surveys.secret must have at least 32 bytes");
      return new SurveyTokens(secret);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    db.sql("insert into survey_secret (id, secret) values (1, ?) on conflict do nothing")
        .param(Base64.getEncoder().encodeToString(random)).update();
    String stored = db.sql("select secret from survey_secret where id = 1").query(String.class).single();
    return new SurveyTokens(Base64.getDecoder().decode(stored));
  }
}
