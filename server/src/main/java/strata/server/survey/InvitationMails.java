package strata.server.survey;

import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.i18n.Labels;
import strata.server.api.ServerLanguage;
import strata.server.task.TaskPlanning;
import strata.survey.SurveyTokens;

/**
 * Mails open email invitations to the customer's address with Spring's SMTP settings and {@code strata.mail.from}
 * (the notification mails' sender), and only with {@code strata.surveys.base-url}, since a mail has no request to
 * take the server's address from. Written in the server's default language ({@link ServerLanguage}): a customer has
 * none stored, and the page the link opens offers the other. A failed send is tried
 * again at the next poll while the link is open; a link made in its tier's quiet hours waits until they end.
 */
@Component
class InvitationMails {
  private static final Logger log = LoggerFactory.getLogger(InvitationMails.class);
  private final JdbcClient db;
  private final JavaMailSender sender;
  private final SurveyTokens tokens;
  private final TaskPlanning clock;
  private final TransactionTemplate transaction;
  private final String from;
  private final String baseUrl;
  private final Locale language;

  InvitationMails(JdbcClient db, ObjectProvider<JavaMailSender> sender, SurveyTokens tokens, TaskPlanning clock,
      PlatformTransactionManager transactions, @Value("${strata.mail.from:}") String from,
      @Value("${strata.surveys.base-url:}") String baseUrl, ServerLanguage language) {
    this.language = language.locale();
    this.db = db;
    this.transaction = new TransactionTemplate(transactions);
    this.sender = sender.getIfAvailable();
    this.tokens = tokens;
    this.clock = clock;
    this.from = from.strip();
    this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
  }

  private record Due(long id, String customerId, OffsetDateTime expires, String email) {}

  boolean enabled() {
    return sender != null && !from.isEmpty() && !baseUrl.isEmpty();
  }

  /**
   * Mails the open email invitations whose quiet hours are over ({@code send_after}); the schedule calls it every
   * few minutes, so a link held overnight goes out soon after the hours end.
   *
   * @return how many invitations were mailed
   */
  int send() {
    if (!enabled()) return 0;
    OffsetDateTime now = clock.now();
    List<Due> due = db.sql("select i.id, i.customer_id, i.expires_at, c.email from survey_invitation i "
            + "join customer c on c.id = i.customer_id where i.channel = 'email' and i.emailed_at is null "
            + "and i.answered_at is null and i.expires_at > ? and (i.send_after is null or i.send_after <= ?) "
            + "and c.email is not null and c.email <> '' order by i.id")
        .params(now, now).query((rs, n) -> new Due(rs.getLong(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class), rs.getString(4))).list();
    int sent = 0;
    for (Due d : due) {
      Boolean mailed = transaction.execute(tx -> mail(d, now));
      if (Boolean.TRUE.equals(mailed)) sent++;
    }
    return sent;
  }

  /**
   * Mails one invitation while its row is locked: servers polling together wait for each other, and the one that
   * comes second finds it mailed. A server killed after the send and before the commit mails it again: a second
   * copy of a link is better than none.
   */
  private boolean mail(Due d, OffsetDateTime now) {
    if (db.sql("select id from survey_invitation where id = ? and emailed_at is null for update").param(d.id())
        .query(Long.class).optional().isEmpty()) {
      return false;
    }
    String url = baseUrl + "/s/" + tokens.issue(d.id(), d.customerId(), d.expires().toInstant());
    String until = d.expires().atZoneSameInstant(clock.zone()).toLocalDate().toString();
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(from);
    mail.setTo(d.email());
    mail.setSubject(Labels.get("survey.mail.subject", language));
    mail.setText(text(language, url + "?lang=" + language.getLanguage(), until));
    try {
      sender.send(mail);
      db.sql("update survey_invitation set emailed_at = ? where id = ?").params(now, d.id()).update();
      return true;
    } catch (MailException e) {
      log.warn("survey invitation {} to {} not mailed: {}", d.id(), d.email(), e.getMessage());
      return false;
    }
  }

  private static String text(Locale lang, String url, String until) {
    return MessageFormat.format(Labels.get("survey.mail.body", lang).replace("'", "''"), url, until);
  }
}
