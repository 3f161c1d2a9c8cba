package strata.server.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.i18n.Labels;
import strata.server.api.ServerLanguage;

/**
 * Mails each notification to its user's address over SMTP (Spring's mail support: {@code spring.mail.host},
 * {@code spring.mail.port}, {@code spring.mail.username}, ...), from {@code strata.mail.from}; off while either is
 * unset. Subject and text are in the reader's language: the one the user last chose in the UI
 * ({@code app_user.language}), else the server's {@code strata.default-language} [zh]. Failed sends are retried like
 * webhook deliveries ({@link Deliveries}), with {@code strata.mail.max-attempts} [6] and
 * {@code strata.mail.backoff-seconds} [60].
 */
@Service
public class Mails {
  private static final Logger log = LoggerFactory.getLogger(Mails.class);

  /** Who a notification mail goes to: the address and the language to write in. */
  record Recipient(String email, Locale language) {}

  private final JdbcClient db;
  private final Deliveries deliveries;
  private final JavaMailSender sender;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String from;
  private final int maxAttempts;
  private final long backoffSeconds;
  private final ServerLanguage defaultLanguage;

  Mails(JdbcClient db, Deliveries deliveries, ObjectProvider<JavaMailSender> sender,
      PlatformTransactionManager transactions, ObjectProvider<Clock> clock, @Value("${strata.mail.from:}") String from,
      @Value("${strata.mail.max-attempts:6}") int maxAttempts,
      @Value("${strata.mail.backoff-seconds:60}") long backoffSeconds, ServerLanguage defaultLanguage) {
    if (maxAttempts < 1 || backoffSeconds < 1) {
      throw new IllegalArgumentException("strata.mail.max-attempts and backoff-seconds must be at least 1");
    }
    this.db = db;
    this.deliveries = deliveries;
    this.sender = sender.getIfAvailable();
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.from = from.strip();
    this.maxAttempts = maxAttempts;
    this.backoffSeconds = backoffSeconds;
    this.defaultLanguage = defaultLanguage;
  }

  boolean enabled() {
    return sender != null && !from.isEmpty();
  }

  /** The user's address (empty for none) and the language their mails are written in. */
  Recipient recipient(String username) {
    return db.sql("select coalesce(email, ''), language from app_user where username = ?").param(username)
        .query((rs, n) -> new Recipient(rs.getString(1), defaultLanguage.or(rs.getString(2))))
        .optional().orElse(new Recipient("", defaultLanguage.locale()));
  }

  /**
   * Queues a mail of a notification in the recipient's language, subject included; runs in the caller's transaction.
   * Nothing when mail is off or no address.
   */
  void enqueue(long notificationId, Recipient to, String zh, String en, OffsetDateTime now) {
    if (!enabled() || to.email().isBlank()) return;
    boolean chinese = to.language().getLanguage().equals("zh");
    deliveries.enqueue(notificationId, "email", to.email(), subject(to.language()), chinese ? zh : en, now);
  }

  private static String subject(Locale language) {
    return Labels.get("mail.subject", language);
  }

  /** Sends every mail that is due; @return how many were sent */
  public int deliverDue() {
    if (!enabled()) return 0;
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    return transaction.execute(tx -> {
      int sent = 0;
      for (Deliveries.Due d : deliveries.due("email", now)) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(d.target());
        mail.setSubject(d.subject() != null ? d.subject() : subject(defaultLanguage.locale()));
        mail.setText(d.body());
        try {
          sender.send(mail);
          deliveries.delivered(d, null, now);
          sent++;
        } catch (MailException e) {
          deliveries.failed(d, null, e.getClass().getSimpleName() + ": " + e.getMessage(), now, maxAttempts,
              backoffSeconds);
          log.warn("mail {} to {} attempt {} failed: {}", d.id(), d.target(), d.attempts() + 1, e.getMessage());
        }
      }
      return sent;
    });
  }
}
