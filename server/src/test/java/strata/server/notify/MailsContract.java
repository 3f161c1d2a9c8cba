package strata.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Notification mails over SMTP to a real server (GreenMail): a task due today is mailed to its owner's address in the
 * language they read Strata in (the server's default, zh, until they choose one); a send that fails while the server
 * is down is retried after the back-off.
 */
@Import(MovableClock.Config.class)
abstract class MailsContract extends ServerTest {
  static final int SMTP_PORT = freePort();

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
    r.add("strata.mail.backoff-seconds", () -> "60");
    r.add("strata.notifications.poll-seconds", () -> "3600"); // the test sends itself
  }

  @Autowired MovableClock clock;
  @Autowired Notifications notifications;
  @Autowired Mails mails;
  @Autowired JdbcClient db;

  @BeforeEach
  void today() {
    clock.day("2026-03-10");
  }

  @Test
  void aDueTaskIsMailedToItsOwnerAndAFailedSendIsRetried() throws Exception {
    Api admin = admin();
    assertThat(admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password",
        "role", "sales", "owner", "张伟", "email", "not-an-address")).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password",
        "role", "sales", "owner", "张伟", "email", "zhangwei@example.com")).status()).isEqualTo(201);
    assertThat(anonymous().as("zhangwei", "zhangwei-password").get("/api/v1/me").json().get("email").asString())
        .isEqualTo("zhangwei@example.com");
    task("A1|cadence|none", "A1");

    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      assertThat(notifications.send(LocalDate.parse("2026-03-10"), clock.now.atOffset(ZoneOffset.UTC))).isEqualTo(1);
      assertThat(mails.deliverDue()).isEqualTo(1);
      MimeMessage[] got = smtp.getReceivedMessages();
      assertThat(got).hasSize(1);
      assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("zhangwei@example.com");
      assertThat(got[0].getFrom()[0].toString()).isEqualTo("strata@example.com");
      // No language chosen yet: the server's default, Chinese only (labels_zh mail.subject, remind.task_due).
      assertThat(got[0].getSubject()).isEqualTo("Strata 提醒");
      assertThat(((String) got[0].getContent()).strip().replace("\r\n", "\n"))
          .isEqualTo("2026-03-10 到期：客户 A1 的跟进");
    } finally {
      smtp.stop();
    }

    // The SMTP server is down: the send fails and waits 60 s; back up, it goes through on the second attempt.
    task("B2|cadence|none", "B2");
    assertThat(notifications.send(LocalDate.parse("2026-03-10"), clock.now.atOffset(ZoneOffset.UTC))).isEqualTo(1);
    assertThat(mails.deliverDue()).isZero();
    GreenMail again = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    again.start();
    try {
      assertThat(mails.deliverDue()).isZero(); // not due yet
      clock.now = clock.now.plusSeconds(60);
      assertThat(mails.deliverDue()).isEqualTo(1);
      assertThat(again.getReceivedMessages()).hasSize(1);
    } finally {
      again.stop();
    }
    JsonNode log = admin.get("/api/v1/admin/deliveries?channel=email").json().get("items");
    assertThat(log.get(0).get("status").asString()).isEqualTo("delivered");
    assertThat(log.get(0).get("attempts").asInt()).isEqualTo(2);
    assertThat(log.get(0).get("lastError").isNull()).isTrue();
    assertThat(log.get(1).get("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void aUserWhoChoseEnglishGetsTheMailInEnglish() throws Exception {
    Api admin = admin();
    assertThat(admin.post("/api/v1/users", Map.of("username", "lina", "password", "lina-password",
        "role", "sales", "owner", "张伟", "email", "lina@example.com")).status()).isEqualTo(201);
    Api lina = anonymous().as("lina", "lina-password");
    assertThat(lina.put("/api/v1/me/language", Map.of("language", "fr")).status()).isEqualTo(400);
    assertThat(lina.put("/api/v1/me/language", Map.of("language", "en")).status()).isEqualTo(204);
    task("C3|cadence|none", "C3");

    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      notifications.send(LocalDate.parse("2026-03-10"), clock.now.atOffset(ZoneOffset.UTC));
      mails.deliverDue();
      MimeMessage mail = null;
      for (MimeMessage m : smtp.getReceivedMessages()) {
        if (m.getAllRecipients()[0].toString().equals("lina@example.com")) mail = m;
      }
      assertThat(mail).isNotNull();
      // labels.properties mail.subject and remind.task_due, nothing in Chinese but the owner's name if it were named
      assertThat(mail.getSubject()).isEqualTo("Strata reminder");
      assertThat(((String) mail.getContent()).strip()).isEqualTo("Follow-up due 2026-03-10: customer C3");
    } finally {
      smtp.stop();
    }
  }

  /** An open follow-up task of 张伟's, due today, as the planner would have stored it. */
  private void task(String key, String customer) {
    OffsetDateTime at = clock.now.atOffset(ZoneOffset.UTC);
    db.sql("insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, "
            + "reason, reason_en, reason_zh, status, created_at, created_by, updated_at, updated_by) values "
            + "(?, ?, '张伟', 'big', 'follow_up', 'phone', ?, 'cadence', '{}', '', '', 'open', ?, 'test', ?, 'test')")
        .params(key, customer, LocalDate.parse("2026-03-10"), at, at).update();
  }
}
