package strata.server.notify;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.plan.OwnerChange;
import strata.playbook.TaskType;
import strata.remind.OpenTask;
import strata.remind.Reminder;
import strata.remind.ReminderText;
import strata.remind.Reminders;
import strata.tier.TierModel;
import strata.tier.TierRule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the notices core's {@link Reminders} names for the open tasks, in-app: to the users whose owner name the
 * task's owner is (sales users and managers), and escalations to the managers of those users' teams. Each notice is
 * written once per user, however often the tasks are re-planned, mailed to users with an address when mail is
 * set up ({@link Mails}) and sent on to the webhook when one is set ({@link Webhooks}).
 */
@Service
public class Notifications {
  private final JdbcClient db;
  private final NotificationStore store;
  private final JsonMapper json;
  private final int escalateAfterDays;
  private final Webhooks webhooks;
  private final Mails mails;

  Notifications(JdbcClient db, NotificationStore store, JsonMapper json, Webhooks webhooks, Mails mails,
      @Value("${strata.notifications.escalate-after-days:3}") int escalateAfterDays) {
    if (escalateAfterDays < 1) {
      throw new IllegalArgumentException("strata.notifications.escalate-after-days must be at least 1, got "
          + escalateAfterDays);
    }
    this.db = db;
    this.webhooks = webhooks;
    this.mails = mails;
    this.store = store;
    this.json = json;
    this.escalateAfterDays = escalateAfterDays;
  }

  /** The same with {@code strata.notifications.escalate-after-days} for every tier. */
  public int send(LocalDate today, OffsetDateTime now) {
    return send(today, now, Map.of());
  }

  /**
   * Writes the notices due on a day; runs in the caller's transaction (the plan's).
   *
   * @param managerAfterDays overdue days before the manager is told, by tier (the playbooks'
   *     {@code escalation.manager_after_days}); tiers not listed use {@code strata.notifications.escalate-after-days}
   * @return how many notices were written
   */
  public int send(LocalDate today, OffsetDateTime now, Map<String, Integer> managerAfterDays) {
    Map<String, Long> ids = new HashMap<>();
    Map<String, String> tiers = new HashMap<>();
    List<OpenTask> open = new ArrayList<>();
    db.sql("select id, task_key, customer_id, owner, type, due_date, reason, tier from service_task where "
            + "status = 'open' and due_date <= ?").param(today).query((ResultSet rs) -> {
          TaskType type = TaskType.of(rs.getString(5));
          ids.put(rs.getString(2), rs.getLong(1));
          tiers.put(rs.getString(2), rs.getString(8));
          open.add(new OpenTask(rs.getString(2), rs.getString(3), rs.getString(4), type,
              rs.getObject(6, LocalDate.class), type == TaskType.POOL_WARNING ? returnDay(rs.getString(7)) : null));
        });
    int written = 0;
    Map<String, List<String>> reps = new HashMap<>();
    Map<String, List<String>> managers = new HashMap<>();
    Map<String, Mails.Recipient> recipients = new HashMap<>();
    for (Reminder r : Reminders.of(open, today,
        t -> managerAfterDays.getOrDefault(tiers.get(t.key()), escalateAfterDays))) {
      List<String> to = r.kind() == Reminder.Kind.ESCALATION
          ? managers.computeIfAbsent(r.owner(), this::managersOf) : reps.computeIfAbsent(r.owner(), this::usersOf);
      String zh = ReminderText.text(r, Locale.SIMPLIFIED_CHINESE);
      String en = ReminderText.text(r, Locale.ENGLISH);
      for (String username : to) {
        Long id = store.add(r.key() + "|" + username, username, r.kind().code(), ids.get(r.taskKey()),
            r.customerId(), zh, en, now);
        if (id == null) continue;
        webhooks.enqueue(id, username, r.kind().code(), ids.get(r.taskKey()), r.customerId(), zh, en, now);
        mails.enqueue(id, recipients.computeIfAbsent(username, mails::recipient), zh, en, now);
        written++;
      }
    }
    return written;
  }

  /**
   * Tells the users who hold a customer's new owner name that it is theirs now (in-app, mail and webhook like the
   * reminders); written in the caller's transaction, so a reassignment that rolls back tells nobody.
   *
   * @param why {@code escalation} (by = the former owner) or {@code bulk} (by = the assigning user)
   * @return how many notices were written
   */
  public int assigned(String customerId, String owner, String why, String by, OffsetDateTime now) {
    if (owner.isEmpty()) return 0; // the pool has nobody to tell
    String zh = ReminderText.assigned(customerId, why, by, Locale.SIMPLIFIED_CHINESE);
    String en = ReminderText.assigned(customerId, why, by, Locale.ENGLISH);
    int written = 0;
    for (String username : usersOf(owner)) {
      Long id = store.add("assigned|" + customerId + "|" + username + "|" + now.toInstant().toEpochMilli(), username,
          "assigned", null, customerId, zh, en, now);
      if (id == null) continue;
      webhooks.enqueue(id, username, "assigned", null, customerId, zh, en, now);
      mails.enqueue(id, mails.recipient(username), zh, en, now);
      written++;
    }
    return written;
  }

  /**
   * Tells each rep the owner policies gave customers to, once per plan, how many and from which tiers: a plan that
   * assigns a new team's whole book would otherwise bury the bell under one notice per customer. In the caller's
   * transaction (the plan's), mailed and sent to the webhook like the others.
   *
   * @param perRep the moves to each rep, by owner name
   * @param model names the tiers, listed in its order
   * @return how many notices were written
   */
  public int policyAssigned(Map<String, List<OwnerChange>> perRep, TierModel model, OffsetDateTime now) {
    int written = 0;
    for (Map.Entry<String, List<OwnerChange>> rep : perRep.entrySet()) {
      Map<String, Integer> byTier = new HashMap<>();
      rep.getValue().forEach(c -> byTier.merge(c.tier(), 1, Integer::sum));
      String zh = ReminderText.policyAssigned(tierNames(byTier, model, true), Locale.SIMPLIFIED_CHINESE);
      String en = ReminderText.policyAssigned(tierNames(byTier, model, false), Locale.ENGLISH);
      // The plan's moment and the customers it moved name the notice: one per rep per plan, and two plans never
      // share one, even with a clock that stands still.
      String moved = UUID.nameUUIDFromBytes(rep.getValue().stream().map(OwnerChange::customerId)
          .collect(java.util.stream.Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8)).toString();
      for (String username : usersOf(rep.getKey())) {
        Long id = store.add("policy|" + now.toInstant().toEpochMilli() + "|" + moved + "|" + username, username,
            "assigned", null, null, zh, en, now);
        if (id == null) continue;
        webhooks.enqueue(id, username, "assigned", null, null, zh, en, now);
        mails.enqueue(id, mails.recipient(username), zh, en, now);
        written++;
      }
    }
    return written;
  }

  /** The counts by tier name in one language, in the model's order; a tier the model lacks keeps its id. */
  private static Map<String, Integer> tierNames(Map<String, Integer> byTier, TierModel model, boolean chinese) {
    Map<String, Integer> left = new LinkedHashMap<>(byTier);
    Map<String, Integer> named = new LinkedHashMap<>();
    for (TierRule t : model.tiers()) {
      Integer n = left.remove(t.id());
      if (n != null) named.merge(t.name(chinese), n, Integer::sum);
    }
    left.forEach((id, n) -> named.merge(id, n, Integer::sum));
    return named;
  }

  /** The enabled users who hold customers under an owner name. */
  private List<String> usersOf(String owner) {
    return db.sql("select username from app_user where owner = ? and enabled = true and role in ('sales', 'manager') "
        + "order by username").param(owner).query(String.class).list();
  }

  /** The enabled managers of the teams of the sales users with that owner name. */
  private List<String> managersOf(String owner) {
    return db.sql("select distinct m.username from app_user m join app_user s on s.team = m.team where "
        + "m.role = 'manager' and m.enabled = true and s.role = 'sales' and s.owner = ? order by m.username")
        .param(owner).query(String.class).list();
  }

  /** The return day a pool warning's reason names ({@code return_date}). */
  private LocalDate returnDay(String reason) {
    for (JsonNode v : json.readTree(reason).path("values")) {
      if (v.path("name").asString().equals("return_date")) return LocalDate.parse(v.path("value").asString());
    }
    return null;
  }
}
