package strata.server.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails each notification to its user's address over SMTP (Spring's mail support: {@code spring.mail.host},
 * {@code spring.mail.port}, {@code spring.mail.username}, ...), from {@code strata.mail.from}; off while either is
 * unset. The text is in both languages (the server does not know the reader's). Failed sends are retried like webhook
 * deliveries ({@link Deliveries}), with {@code strata.mail.max-attempts} [6] and {@code strata.mail.backoff-seconds}
 * [60].
 */
@Service
public class Mails {
  private static final Logger log = LoggerFactory.getLogger(Mails.class);
  static final String SUBJECT = "Strata 提醒 / reminder";

  private final Deliveries deliveries;
  private final JavaMailSender sender;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String from;
  private final int maxAttempts;
  private final long backoffSeconds;

  Mails(Deliveries deliveries, ObjectProvider<JavaMailSender> sender, PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock, @Value("${strata.mail.from:}") String from,
      @Value("${strata.mail.max-attempts:6}") int maxAttempts,
      @Value("${strata.mail.backoff-seconds:60}") long backoffSeconds) {
    if (maxAttempts < 1 || backoffSeconds < 1) {
      throw new IllegalArgumentException("strata.mail.max-attempts and backoff-seconds must be at least 1");
    }
    this.deliveries = deliveries;
    this.sender = sender.getIfAvailable();
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.from = from.strip();
    this.maxAttempts = maxAttempts;
    this.backoffSeconds = backoffSeconds;
  }

  boolean enabled() {
    return sender != null && !from.isEmpty();
  }

  /** Queues a mail of a notification; runs in the caller's transaction. Nothing when mail is off or no address. */
  void enqueue(long notificationId, String email, String zh, String en, OffsetDateTime now) {
    if (!enabled() || email == null || email.isBlank()) return;
    deliveries.enqueue(notificationId, "email", email, zh + "\n\n" + en, now);
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
        mail.setSubject(SUBJECT);
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
