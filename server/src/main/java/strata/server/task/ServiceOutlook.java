package strata.server.task;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import strata.caps.ContactBudget;
import strata.care.CareCalendar;
import strata.plan.Contact;
import strata.playbook.CareEvent;
import strata.playbook.Channel;
import strata.playbook.Resources;
import strata.playbook.ServicePlan;
import strata.server.api.NotFound;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.security.Viewer;
import strata.tier.TierRule;

/**
 * For the 360° page: the contact budget left today under each cap of the customer's tier (contacts made and touches
 * planned this week and month count, as the planner counts them: core's {@link ContactBudget}) and the next care
 * event of the tier's calendar within a year (core's {@link CareCalendar}), and the tier's budget lines.
 */
@RestController
class ServiceOutlook {
  /** @param channel null for the cap across channels; @param period week or month */
  record Budget(String cap, String channel, String period, int limit, int used, int left) {}

  /** @param taskDate the day its task falls due (the event less the lead days) */
  record Care(String event, LocalDate date, LocalDate taskDate) {}

  /**
   * @param tier null when the customer is in no snapshot yet (then no caps and no care apply)
   * @param resources the tier's budget lines for its owner: gift value per customer per year, discount ceiling
   */
  record Outlook(String customerId, String tier, LocalDate asOf, List<Budget> budget, Care nextCare,
      BudgetLines resources) {}

  /** The budget lines an owner acts on; the minutes per touch stay with the rep-hours figures. */
  record BudgetLines(Double giftValue, Double discountCeiling, Double repHoursShare) {
    static BudgetLines of(Resources r) {
      return new BudgetLines(r.giftValue(), r.discountCeiling(), r.repHoursShare());
    }
  }

  private final JdbcClient db;
  private final RunStore runs;
  private final ModelStore models;
  private final PlanData data;
  private final TaskPlanning planning;

  ServiceOutlook(JdbcClient db, RunStore runs, ModelStore models, PlanData data, TaskPlanning planning) {
    this.db = db;
    this.runs = runs;
    this.models = models;
    this.data = data;
    this.planning = planning;
  }

  @GetMapping("/api/v1/customers/{id}/service")
  Outlook outlook(@PathVariable String id) {
    Viewer viewer = Viewer.current();
    List<Object> params = new ArrayList<>(List.of(id));
    String scope = viewer.seesAll() ? "" : " and " + viewer.ownerCondition("owner", params);
    LocalDate[] dates = db.sql("select birthday, created from customer where id = ?" + scope).params(params)
        .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
        .optional().orElseThrow(() -> new NotFound("no customer " + id));
    LocalDate today = planning.today();
    Run run = runs.current().orElse(null);
    String tier = run == null ? null : db.sql("select tier from snapshot_row where run_id = ? and customer_id = ?")
        .params(run.id(), id).query(String.class).optional().orElse(null);
    ServicePlan plan = tier == null ? ServicePlan.NONE : models.get(run.modelVersion()).model().tiers().stream()
        .filter(t -> t.id().equals(tier)).map(TierRule::service).findFirst().orElse(ServicePlan.NONE);
    return new Outlook(id, tier, today, budget(id, plan, today), nextCare(plan, dates[0], dates[1], today),
        BudgetLines.of(plan.resources()));
  }

  private List<Budget> budget(String id, ServicePlan plan, LocalDate today) {
    ContactBudget budget = new ContactBudget(plan.caps());
    // A month back covers this week and this month; later planned touches never count for today.
    LocalDate from = today.minusDays(40);
    for (Contact c : data.contactsOf(id, from, today)) budget.record(c.channel(), c.day());
    db.sql("select status, channel, due_date, closed_at from service_task where customer_id = ? and channel is not null "
            + "and (status = 'open' or (status = 'done' and closed_at >= ?))")
        .params(id, from.atStartOfDay(planning.zone()).toOffsetDateTime()).query((ResultSet rs) -> {
          LocalDate day = rs.getString(1).equals("open") ? rs.getObject(3, LocalDate.class)
              : rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(planning.zone()).toLocalDate();
          budget.record(Channel.of(rs.getString(2)), day);
        });
    return budget.left(today).stream().map(l -> new Budget(l.cap().code(),
        l.cap().channel() == null ? null : l.cap().channel().code(), l.cap().period(), l.cap().limit(), l.used(),
        l.left())).toList();
  }

  private Care nextCare(ServicePlan plan, LocalDate birthday, LocalDate created, LocalDate today) {
    CareCalendar calendar = new CareCalendar(planning.zone());
    Care next = null;
    for (CareEvent e : plan.care()) {
      for (LocalDate d : calendar.occurrences(e, birthday, created, today, today.plusYears(1))) {
        if (next == null || d.isBefore(next.date())) next = new Care(e.id(), d, d.minusDays(e.leadDays()));
      }
    }
    return next;
  }
}
