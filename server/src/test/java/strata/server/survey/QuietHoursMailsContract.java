package strata.server.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;

/**
 * A survey link made at 22:30 in Shanghai, inside the tier's quiet hours 21:00-08:00, reaches its customer at 08:00
 * the next morning: not before, not lost, not twice. The clock is moved by hand; the poll is the test's own call.
 */
@Import(MovableClock.Config.class)
abstract class QuietHoursMailsContract extends ServerTest {
  static final int SMTP_PORT = InvitationMailsContract.freePort();
  static final String MODEL = """
      tiers:
        - id: all
          when: true
          service:
            survey: {nps_every_days: 30}
            caps: {quiet_hours: "21:00-08:00"}
      """;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry r) {
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP_PORT);
    r.add("strata.mail.from", () -> "strata@example.com");
    r.add("strata.surveys.base-url", () -> "https://crm.example.com");
    r.add("strata.notifications.poll-seconds", () -> "3600");
    r.add("strata.surveys.mail-poll-seconds", () -> "3600");
  }

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired MovableClock clock;
  @Autowired InvitationMails mails;

  @Test
  void aLinkMadeAtNightIsMailedWhenTheQuietHoursEndOnce() throws Exception {
    clock.now = Instant.parse("2026-03-10T14:30:00Z"); // 22:30 in Shanghai (UTC+8)
    new TestData(db, summaries).customer("A1", "甲公司", "张伟").purchase("A1", "2026-01-05", 100).commit();
    db.sql("update customer set email = 'a1@example.com' where id = 'A1'").update();
    assertThat(admin().put("/api/v1/model", Map.of("yaml", MODEL, "note", "quiet")).status()).isEqualTo(201);
    runs.runNow("manual", "admin", null);
    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      var made = admin().post("/api/v1/surveys/invitations", Map.of()).json();
      assertThat(made.get("created").asInt()).isEqualTo(1);
      assertThat(made.get("mailed").asInt()).as("22:30 is quiet").isZero();
      // 08:00 in Shanghai is 00:00 UTC.
      assertThat(admin().get("/api/v1/surveys/invitations").json().get(0).get("sendAfter").asString())
          .isEqualTo("2026-03-11T00:00:00Z");

      clock.now = Instant.parse("2026-03-10T23:59:00Z"); // 07:59
      assertThat(mails.send()).isZero();
      assertThat(smtp.getReceivedMessages()).isEmpty();

      clock.now = Instant.parse("2026-03-11T00:00:00Z"); // 08:00
      assertThat(mails.send()).isEqualTo(1);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("a1@example.com");

      clock.now = Instant.parse("2026-03-11T00:05:00Z"); // the next poll, and the day's planning
      assertThat(mails.send()).isZero();
      assertThat(admin().post("/api/v1/surveys/invitations", Map.of()).json().get("mailed").asInt()).isZero();
      assertThat(smtp.getReceivedMessages()).hasSize(1);
    } finally {
      smtp.stop();
    }
  }
}
