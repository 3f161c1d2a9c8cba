package strata.server.survey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.intake.Column;
import strata.intake.FileKind;
import strata.intake.RowIntake;
import strata.playbook.ServicePlan;
import strata.server.model.ModelStore;
import strata.server.task.TaskPlanning;
import strata.survey.Followup;
import strata.survey.SurveyTokens;
import strata.tier.TierRule;

/**
 * The public page's only reads and writes: the invitation its token names, and that invitation's answer. An answer
 * is checked with the rules of a survey file row ({@link RowIntake#check}) and stored as a survey record in the
 * transaction that marks the invitation answered; an unhappy one opens its follow-up task ({@link Followup}) in the
 * same transaction, so no answer is stored without it.
 */
@Service
class Answers {
  /** The longest comment, as the survey table's column (the CSV and batch paths refuse longer ones too). */
  static final int MAX_COMMENT = 4000;
  static final String RECORD_PREFIX = "survey-invitation:";

  /** What a token opens: the invitation, or why not. */
  enum State { OPEN, USED, EXPIRED, FORGED }

  /** A token's invitation; for a forged token nothing about any invitation. */
  record Opened(State state, long invitationId, String kind, String customerId, String tier) {}

  private static final Opened FORGED = new Opened(State.FORGED, 0, "", "", "");

  /**
   * An answer refused before anything was stored: the page shows the form again with the message of {@code code}
   * (comment_too_long, comment_nul, bad_score, missing_score, other).
   */
  static final class Refused extends RuntimeException {
    final String code;

    Refused(String code) {
      super(code, null, false, false);
      this.code = code;
    }
  }

  private final JdbcClient db;
  private final SurveyTokens tokens;
  private final TaskPlanning tasks;
  private final ModelStore models;
  private final TransactionTemplate transaction;

  Answers(JdbcClient db, SurveyTokens tokens, TaskPlanning tasks, ModelStore models,
      PlatformTransactionManager transactions) {
    this.db = db;
    this.tokens = tokens;
    this.tasks = tasks;
    this.models = models;
    this.transaction = new TransactionTemplate(transactions);
  }

  Opened open(String token) {
    return open(token, "");
  }

  /**
   * Stores the answer; the invitation must be open and the answer valid.
   *
   * @return the state the token was in: anything but OPEN means nothing was stored
   * @throws Refused for an answer the rules of the CSV path refuse (nothing stored)
   */
  State answer(String token, String nps, String csat, String comment) {
    String text = comment == null ? "" : comment.strip();
    if (text.length() > MAX_COMMENT) throw new Refused("comment_too_long");
    if (text.indexOf('\0') >= 0) throw new Refused("comment_nul");
    return transaction.execute(tx -> {
      Opened opened = open(token, " for update");
      if (opened.state() != State.OPEN) return opened.state();
      OffsetDateTime now = tasks.now();
      LocalDateTime at = now.atZoneSameInstant(tasks.zone()).toLocalDateTime().withNano(0);
      Map<Column, String> values = new EnumMap<>(Column.class);
      values.put(Column.CUSTOMER_ID, opened.customerId());
      values.put(Column.TIME, at.toString().replace('T', ' '));
      values.put(Column.NPS, nps == null ? "" : nps.strip());
      values.put(Column.CSAT, csat == null ? "" : csat.strip());
      values.put(Column.COMMENT, text);
      RowIntake.Checked checked = RowIntake.check(FileKind.SURVEYS, values);
      if (!checked.accepted()) {
        throw new Refused(switch (checked.reason()) {
          case BAD_SCORE -> "bad_score";
          case EMPTY_SURVEY -> "missing_score";
          default -> "other"; // the page sets customer and time itself; nothing else can go wrong
        });
      }
      RowIntake.Row row = checked.row();
      if (opened.kind().equals("nps") ? row.nps() < 0 : row.csat() < 0) throw new Refused("missing_score");
      Integer npsScore = row.nps() < 0 ? null : row.nps();
      Integer csatScore = row.csat() < 0 ? null : row.csat();
      String recordId = RECORD_PREFIX + opened.invitationId();
      if (db.sql("update survey_invitation set answered_at = ?, record_id = ? where id = ? and answered_at is null")
          .params(now, recordId, opened.invitationId()).update() != 1) {
        return State.USED;
      }
      db.sql("insert into survey (record_id, customer_id, at, nps, csat, comment) values (?, ?, ?, ?, ?, ?)")
          .params(recordId, opened.customerId(), at, npsScore, csatScore, text).update();
      followup(opened, npsScore, csatScore, at);
      return State.OPEN;
    });
  }

  private Opened open(String token, String lock) {
    Optional<SurveyTokens.Parsed> parsed = SurveyTokens.parse(token);
    if (parsed.isEmpty()) return FORGED;
    long id = parsed.get().invitationId();
    Instant now = tasks.now().toInstant();
    return db.sql("select customer_id, answered_at, kind, tier from survey_invitation where id = ?" + lock).param(id)
        .query((rs, n) -> {
          SurveyTokens.Verdict v = tokens.verify(parsed.get(), rs.getString(1), now);
          State s = v == SurveyTokens.Verdict.FORGED ? State.FORGED
              : rs.getObject(2, OffsetDateTime.class) != null ? State.USED
              : v == SurveyTokens.Verdict.EXPIRED ? State.EXPIRED : State.OPEN;
          return s == State.FORGED ? FORGED : new Opened(s, id, rs.getString(3), rs.getString(1), rs.getString(4));
        })
        .optional().orElse(FORGED);
  }

  /** The tier is the invitation's (the customer's when invited); the owner the customer's now. */
  private void followup(Opened invitation, Integer nps, Integer csat, LocalDateTime at) {
    String customerId = invitation.customerId();
    String tier = invitation.tier();
    String owner = db.sql("select owner from customer where id = ?").param(customerId).query(String.class).optional()
        .orElse("");
    ServicePlan plan = models.current().model().tiers().stream().filter(t -> t.id().equals(tier))
        .map(TierRule::service).findFirst().orElse(ServicePlan.NONE);
    Followup.of(customerId, tier, owner == null ? "" : owner, plan, nps, csat, at.toLocalDate())
        .ifPresent(t -> tasks.open(t, "survey"));
  }
}
