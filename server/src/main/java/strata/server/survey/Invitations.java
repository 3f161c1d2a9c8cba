package strata.server.survey;

import strata.server.data.Visible;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.plan.Contact;
import strata.playbook.ServicePlan;
import strata.server.api.BadRequest;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.task.TaskPlanning;
import strata.survey.Invitation;
import strata.survey.InvitationPlan;
import strata.survey.SurveyCustomer;
import strata.survey.SurveyTokens;
import strata.tier.TierRule;

/**
 * Creates the day's survey invitations with core's {@link InvitationPlan}, from the current snapshot's tiers and the
 * stored history: earlier invitations, NPS answers, complaints closed (done recovery tasks of the complaint trigger)
 * and the contacts the caps count. Invitations a cap holds back are not stored; they are due again the next day.
 * One made inside its tier's quiet hours is stored at once but held until they end ({@code send_after}).
 */
@Service
class Invitations {
  /** What one planning did: invitations created and those the contact caps held back. */
  record Result(LocalDate asOf, int created, int capped, int mailed) {}

  private final JdbcClient db;
  private final RunStore runs;
  private final ModelStore models;
  private final TaskPlanning tasks;
  private final TransactionTemplate transaction;
  private final Duration valid;
  private final InvitationMails mails;
  static final int MAX_LIST = 100_000;

  Invitations(JdbcClient db, RunStore runs, ModelStore models, TaskPlanning tasks,
      PlatformTransactionManager transactions, InvitationMails mails,
      @Value("${strata.surveys.valid-days:14}") int validDays) {
    if (validDays < 1) throw new IllegalArgumentException("strata.surveys.valid-days must be at least 1");
    this.db = db;
    this.runs = runs;
    this.models = models;
    this.tasks = tasks;
    this.transaction = new TransactionTemplate(transactions);
    this.valid = Duration.ofDays(validDays);
    this.mails = mails;
  }

  /**
   * Creates the day's invitations, then mails those that go by email (after the commit: a mail cannot be taken back).
   *
   * @return what was created today; empty before any run succeeded
   */
  Optional<Result> plan(String by) {
    Optional<Result> created = create(by);
    if (created.isEmpty()) return created;
    Result r = created.get();
    return Optional.of(new Result(r.asOf(), r.created(), r.capped(), mails.send()));
  }

  private Optional<Result> create(String by) {
    return transaction.execute(tx -> {
      // One planner at a time across servers, so that two schedules firing together cannot invite twice.
      db.sql("select id from task_plan where id = 1 for update").query(Integer.class).single();
      Optional<Run> current = runs.current();
      if (current.isEmpty() || current.get().modelVersion() == null) return Optional.<Result>empty();
      LocalDate asOf = tasks.today();
      Map<String, ServicePlan> plans = new HashMap<>();
      for (TierRule t : models.get(current.get().modelVersion()).model().tiers()) plans.put(t.id(), t.service());
      List<Invitation> due = InvitationPlan.due(customers(current.get().id(), asOf), plans, contacts(asOf), asOf);
      OffsetDateTime now = tasks.now();
      int created = 0;
      for (Invitation i : due) {
        if (i.cappedBy() != null) continue;
        db.sql("insert into survey_invitation (customer_id, tier, kind, channel, invited_on, created_at, created_by, "
                + "expires_at, send_after) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(i.customerId(), i.tier(), i.kind().code(), i.channel().code(), asOf, now, by, now.plus(valid),
                sendableFrom(plans.get(i.tier()), now))
            .update();
        created++;
      }
      return Optional.of(new Result(asOf, created, due.size() - created, 0));
    });
  }

  /**
   * When a link made {@code now} may reach the customer: at the end of the tier's quiet hours if now falls in them,
   * in the tasks' time zone (the one the playbook's hours are meant in).
   */
  private OffsetDateTime sendableFrom(ServicePlan plan, OffsetDateTime now) {
    if (plan == null) return now;
    LocalDateTime local = now.atZoneSameInstant(tasks.zone()).toLocalDateTime();
    LocalDateTime from = plan.caps().sendableFrom(local);
    return from.equals(local) ? now : from.atZone(tasks.zone()).toOffsetDateTime().withOffsetSameInstant(now.getOffset());
  }

  /**
   * A stored invitation with its link's token.
   *
   * @param sendAfter the first moment it may reach the customer (its tier's quiet hours); null for at once
   */
  record Link(long id, String customerId, String tier, String kind, String channel, LocalDate invitedOn,
      OffsetDateTime expiresAt, OffsetDateTime answeredAt, OffsetDateTime sendAfter, String token) {}

  static final List<String> STATUSES = List.of("open", "answered", "expired", "all");

  /**
   * Invitations by id, at most {@code limit}: open (not answered, not expired), answered, expired or all.
   *
   * @throws BadRequest for another status
   */
  List<Link> list(String status, int limit, SurveyTokens tokens) {
    if (!STATUSES.contains(status)) throw new BadRequest("status", "unknown status '" + status + "'; one of " + STATUSES);
    if (limit < 1 || limit > MAX_LIST) throw new BadRequest("limit", "must be 1 to " + MAX_LIST + ", got " + limit);
    String where = switch (status) {
      case "open" -> " where answered_at is null and expires_at > ?";
      case "answered" -> " where answered_at is not null and ? is not null";
      case "expired" -> " where answered_at is null and expires_at <= ?";
      default -> " where ? is not null";
    };
    return db.sql("select id, customer_id, tier, kind, channel, invited_on, expires_at, answered_at, send_after "
            + "from survey_invitation" + where + " order by id limit ?").params(tasks.now(), limit)
        .query((rs, n) -> {
          OffsetDateTime expires = rs.getObject(7, OffsetDateTime.class);
          return new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getObject(6, LocalDate.class), expires, rs.getObject(8, OffsetDateTime.class),
              rs.getObject(9, OffsetDateTime.class), tokens.issue(rs.getLong(1), rs.getString(2), expires.toInstant()));
        }).list();
  }

  private List<SurveyCustomer> customers(long runId, LocalDate asOf) {
    Map<String, LocalDate> lastNps = new HashMap<>();
    Map<String, LocalDate> lastCsat = new HashMap<>();
    Map<String, LocalDate> closed = new HashMap<>();
    BinaryOperator<LocalDate> later = (a, b) -> a.isAfter(b) ? a : b;
    db.sql("select customer_id, kind, max(invited_on) from survey_invitation group by customer_id, kind")
        .query((ResultSet rs) -> {
          (rs.getString(2).equals("nps") ? lastNps : lastCsat).put(rs.getString(1), rs.getObject(3, LocalDate.class));
        });
    db.sql("select customer_id, max(at) from survey where nps is not null and at < ? and "
        + Visible.rows("survey") + " group by customer_id")
        .param(asOf.plusDays(1).atStartOfDay()).query((ResultSet rs) -> {
          lastNps.merge(rs.getString(1), rs.getObject(2, LocalDateTime.class).toLocalDate(), later);
        });
    db.sql("select customer_id, max(closed_at) from service_task where trigger_kind = 'complaint' and status = 'done' "
        + "group by customer_id").query((ResultSet rs) -> {
          closed.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(tasks.zone()).toLocalDate());
        });
    return db.sql("select customer_id, tier from snapshot_row where run_id = ?").param(runId)
        .query((rs, n) -> new SurveyCustomer(rs.getString(1), rs.getString(2), lastNps.get(rs.getString(1)),
            lastCsat.get(rs.getString(1)), closed.get(rs.getString(1))))
        .list();
  }

  private Map<String, List<Contact>> contacts(LocalDate asOf) {
    Map<String, List<Contact>> byCustomer = new HashMap<>();
    for (Contact c : tasks.contacts(asOf)) {
      byCustomer.computeIfAbsent(c.customerId(), k -> new java.util.ArrayList<>()).add(c);
    }
    return byCustomer;
  }
}
