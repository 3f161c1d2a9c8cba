package strata.server.survey;

import strata.server.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;

/**
 * Email invitations over SMTP to a real server (GreenMail): a due customer with an address gets the link in both
 * languages, once; one without an address gets none; a send that fails is tried again at the next planning.
 */
@Import(MovableClock.Config.class)
abstract class InvitationMailsContract extends ServerTest {
  static final int SMTP_PORT = freePort();
  static final String MODEL = """
      tiers:
        - id: all
          when: true
          service:
            survey: {nps_every_days: 30}
      """;

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry r) {
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP_PORT);
    r.add("strata.mail.from", () -> "strata@example.com");
    r.add("strata.surveys.base-url", () -> "https://crm.example.com/");
    r.add("strata.notifications.poll-seconds", () -> "3600");
    r.add("strata.surveys.mail-poll-seconds", () -> "3600"); // the test mails itself
  }

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired MovableClock clock;

  @Test
  void dueCustomersWithAnAddressGetTheLinkOnceAndAFailedSendIsRetried() throws Exception {
    clock.day("2026-03-10");
    new TestData(db, summaries).customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜")
        .purchase("A1", "2026-01-05", 100).purchase("B2", "2026-02-10", 200).commit();
    db.sql("update customer set email = 'a1@example.com' where id = 'A1'").update();
    assertThat(admin().put("/api/v1/model", Map.of("yaml", MODEL, "note", "surveys")).status()).isEqualTo(201);
    runs.runNow("manual", "admin", null);

    // SMTP down: two invitations made, none mailed
    assertThat(admin().post("/api/v1/surveys/invitations", Map.of()).json().get("mailed").asInt()).isZero();
    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      var again = admin().post("/api/v1/surveys/invitations", Map.of()).json();
      assertThat(again.get("created").asInt()).as("already invited today").isZero();
      assertThat(again.get("mailed").asInt()).as("A1's, retried; B2 has no address").isEqualTo(1);
      MimeMessage[] got = smtp.getReceivedMessages();
      assertThat(got).hasSize(1);
      assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("a1@example.com");
      // A customer has no language stored: the server's default (zh), with the page in it too.
      assertThat(got[0].getSubject()).isEqualTo("简短调查");
      String url = admin().get("/api/v1/surveys/invitations").json().get(0).get("url").asString();
      assertThat(url).startsWith("https://crm.example.com/s/");
      assertThat(((String) got[0].getContent()).strip().replace("\r\n", "\n"))
          .isEqualTo("感谢您的支持。您有多大可能向朋友推荐我们？只需一分钟：\n" + url
              + "?lang=zh\n链接有效期至 2026-03-24。");
      assertThat(admin().post("/api/v1/surveys/invitations", Map.of()).json().get("mailed").asInt()).isZero();
      assertThat(smtp.getReceivedMessages()).hasSize(1);
    } finally {
      smtp.stop();
    }
  }
}
