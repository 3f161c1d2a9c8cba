package strata.server.task;

import strata.server.data.Visible;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.intake.SideFiles;
import strata.plan.Contact;
import strata.plan.PlanCustomer;
import strata.playbook.Channel;
import strata.run.PlanInputs;
import strata.server.run.Run;
import strata.server.run.SnapshotMetrics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The planner's inputs read from the stores: the current snapshot's customers (tier, lifecycle stage, purchase dates
 * from its metrics), their profiles, the previous snapshot's tiers, complaints, NPS answers and the contact history
 * (interactions; completed tasks come from {@link TaskStore}).
 */
@Component
class PlanData {
  /** Interactions written by completing a task carry this record-id prefix: the done task is the contact then. */
  static final String TASK_RECORD_PREFIX = "task:";

  private final JdbcClient db;
  private final JsonMapper json;

  PlanData(JdbcClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** What the interactions say up to a day: contacts (our touches) and each customer's latest complaint. */
  record Interactions(List<Contact> contacts, Map<String, LocalDate> lastComplaint) {}

  Interactions interactions(LocalDate asOf) {
    List<Contact> contacts = new ArrayList<>();
    Map<String, LocalDate> complaints = new HashMap<>();
    db.sql("select record_id, customer_id, at, type, channel from interaction where at < ? and "
        + Visible.rows("interaction"))
        .param(asOf.plusDays(1).atStartOfDay()).query((ResultSet rs) -> {
          if (rs.getString(1).startsWith(TASK_RECORD_PREFIX)) return;
          String id = rs.getString(2);
          LocalDate day = rs.getObject(3, LocalDateTime.class).toLocalDate();
          String type = SideFiles.interactionType(rs.getString(4));
          if (type.equals("complaint")) {
            complaints.merge(id, day, (a, b) -> a.isAfter(b) ? a : b);
            return;
          }
          Channel channel = PlanInputs.channel(type, rs.getString(5));
          if (channel != null) contacts.add(new Contact(id, day, channel, null));
        });
    return new Interactions(contacts, complaints);
  }

  /** One customer's contacts (interactions that reach them) from a day to a day, both included. */
  List<Contact> contactsOf(String customerId, LocalDate from, LocalDate to) {
    List<Contact> contacts = new ArrayList<>();
    db.sql("select record_id, at, type, channel from interaction where customer_id = ? and at >= ? and at < ? and "
        + Visible.rows("interaction"))
        .params(customerId, from.atStartOfDay(), to.plusDays(1).atStartOfDay()).query((ResultSet rs) -> {
          if (rs.getString(1).startsWith(TASK_RECORD_PREFIX)) return;
          Channel channel = PlanInputs.channel(SideFiles.interactionType(rs.getString(3)), rs.getString(4));
          if (channel != null) {
            contacts.add(new Contact(customerId, rs.getObject(2, LocalDateTime.class).toLocalDate(), channel, null));
          }
        });
    return contacts;
  }

  /**
   * The customers of a snapshot as the planner sees them.
   *
   * @param run the snapshot's run (its as-of day turns recency and tenure back into dates)
   * @param previous the snapshot before it, or null
   * @param asOf the plan's day: complaints and answers after it are not known yet
   */
  List<PlanCustomer> customers(Run run, Run previous, Map<String, LocalDate> lastComplaint, LocalDate asOf) {
    Map<String, String> previousTiers = new HashMap<>();
    if (previous != null) {
      db.sql("select customer_id, tier from snapshot_row where run_id = ?").param(previous.id())
          .query((ResultSet rs) -> {
            previousTiers.put(rs.getString(1), rs.getString(2));
          });
    }
    Map<String, Long> firstDayCents = new HashMap<>();
    db.sql("select customer_id, first_day_net_cents from customer_summary").query((ResultSet rs) -> {
      firstDayCents.put(rs.getString(1), rs.getLong(2));
    });
    Map<String, Object[]> nps = latestNps(asOf);
    List<PlanCustomer> out = new ArrayList<>();
    LocalDate runAsOf = run.asOf();
    SnapshotMetrics names = SnapshotMetrics.ofRun(db, json, run.id());
    db.sql("select r.customer_id, r.tier, r.lifecycle, r.metrics, c.owner, c.phone, c.email, c.birthday, c.created "
            + "from snapshot_row r left join customer c on c.id = r.customer_id where r.run_id = ?")
        .param(run.id()).query((ResultSet rs) -> {
          String id = rs.getString(1);
          JsonNode metrics = json.readTree(rs.getString(4));
          LocalDate lastPurchase = daysBefore(runAsOf, names.get(metrics, "recency_days"));
          LocalDate firstOrder = daysBefore(runAsOf, names.get(metrics, "tenure_days"));
          Object[] answer = nps.get(id);
          out.add(new PlanCustomer(id, rs.getString(2), previousTiers.get(id), previous == null ? null : previous.asOf(),
              text(rs.getString(5)), text(rs.getString(3)), lastPurchase, firstOrder,
              firstOrder == null ? 0 : firstDayCents.getOrDefault(id, 0L) / 100.0, lastComplaint.get(id),
              answer == null ? null : (Integer) answer[0], answer == null ? null : (LocalDate) answer[1],
              rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), !text(rs.getString(6)).isBlank(),
              !text(rs.getString(7)).isBlank(), false, Set.of()));
        });
    return out;
  }

  /** Each customer's latest NPS answer up to the day: score and day. */
  private Map<String, Object[]> latestNps(LocalDate asOf) {
    Map<String, Object[]> out = new HashMap<>();
    db.sql("select customer_id, at, nps from survey where nps is not null and at < ? and "
        + Visible.rows("survey") + " order by customer_id, at")
        .param(asOf.plusDays(1).atStartOfDay()).query((ResultSet rs) -> {
          out.put(rs.getString(1), new Object[] {rs.getInt(3), rs.getObject(2, LocalDateTime.class).toLocalDate()});
        });
    return out;
  }

  private static LocalDate daysBefore(LocalDate day, JsonNode days) {
    return day == null || days == null || !days.isNumber() ? null : day.minusDays(days.asLong());
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
