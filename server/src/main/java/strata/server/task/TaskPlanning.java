package strata.server.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.plan.Contact;
import strata.plan.Plan;
import strata.plan.PlanCustomer;
import strata.plan.PlanOptions;
import strata.plan.PlannedTask;
import strata.plan.Planner;
import strata.pool.PoolRules;
import strata.server.experiment.ExperimentStore;
import strata.server.model.ModelStore;
import strata.server.notify.Notifications;
import strata.server.pool.PolicyOwners;
import strata.server.pool.Pool;
import strata.server.run.Run;
import strata.server.run.RunPublished;
import strata.server.run.RunStore;
import strata.tier.TierModel;
import strata.tier.TierRule;

/**
 * Re-plans the service tasks with core's {@link Planner} from the current snapshot: after each published run and on
 * a daily schedule ({@link TaskSchedule}). The server gives the planner the clock (today in
 * {@code strata.tasks.time-zone}) and the stored history, and stores what it returns, in one transaction: re-planning
 * the same day creates nothing new, and tasks whose reason disappeared are cancelled with why. Before planning, the
 * pool rules return lapsed customers to the pool ({@link Pool#recycle}), so the plan already sees them ownerless;
 * then customers with tasks overdue past their tier's {@code escalation.after_days} are reassigned or pooled
 * ({@link TaskEscalation}); the owners the tiers' owner policies choose are stored with the plan's tasks
 * ({@link PolicyOwners}); after planning, the day's reminders and escalations are sent ({@link Notifications}).
 */
@Service
public class TaskPlanning {
  private static final Logger log = LoggerFactory.getLogger(TaskPlanning.class);

  /**
   * What one re-plan did.
   *
   * @param returnedToPool customers the pool rules took from their owner on this day
   * @param escalated customers whose overdue tasks moved them to another rep or to the pool on this day
   * @param assigned customers the owner policies gave to a rep ({@code assign}); {@code pooled} took to the pool
   * @param notices in-app notifications written (reminders, pool warnings, escalations, customers assigned)
   */
  public record Result(LocalDate asOf, long runId, int created, int updated, int cancelled, int returnedToPool,
      int escalated, int assigned, int pooled, int notices, List<String> warnings) {}

  private final RunStore runs;
  private final ModelStore models;
  private final PlanData data;
  private final TaskStore tasks;
  private final JdbcClient db;
  private final PlanOptions options;
  private final Clock clock;
  private final Pool pool;
  private final Notifications notifications;
  private final TaskEscalation escalation;
  private final TransactionTemplate transaction;
  private final ExperimentStore experiments;
  private final PolicyOwners policyOwners;

  TaskPlanning(RunStore runs, ModelStore models, PlanData data, TaskStore tasks, JdbcClient db,
      PlatformTransactionManager transactions, @Value("${strata.tasks.time-zone:Asia/Shanghai}") String zone,
      @Value("${strata.tasks.horizon-days:14}") int horizonDays, ObjectProvider<Clock> clock, Pool pool,
      Notifications notifications, ExperimentStore experiments, TaskEscalation escalation,
      PolicyOwners policyOwners) {
    this.policyOwners = policyOwners;
    this.experiments = experiments;
    this.escalation = escalation;
    this.pool = pool;
    this.notifications = notifications;
    this.runs = runs;
    this.models = models;
    this.data = data;
    this.tasks = tasks;
    this.db = db;
    this.options = new PlanOptions(horizonDays, ZoneId.of(zone));
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Today in the tasks' time zone: the as-of day of plans, and the day a completion counts for. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(options.zone()));
  }

  public ZoneId zone() {
    return options.zone();
  }

  /** The touches the caps count up to a day: interactions and completed tasks, as the planner reads them. */
  public List<Contact> contacts(LocalDate asOf) {
    List<Contact> history = new ArrayList<>(data.interactions(asOf).contacts());
    history.addAll(tasks.earlier(options.zone()).done());
    return history;
  }

  /**
   * Opens a task made outside the plan (a survey's follow-up), in the caller's transaction; the next re-plan keeps it
   * like a task of its own with that key. @return false when a task of that key exists already
   */
  public boolean open(PlannedTask task, String by) {
    return tasks.insertNew(task, by, now());
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  @EventListener
  void runPublished(RunPublished published) {
    if (published.history()) return; // the run published after it is the one to plan from
    try {
      Optional<Result> r = replan(TaskStore.SYSTEM);
      r.ifPresent(result -> log.info("tasks after run {}: {}", published.runId(), result));
    } catch (RuntimeException e) {
      log.warn("tasks were not re-planned after run {}: {}", published.runId(), e.getMessage(), e);
    }
  }

  /**
   * Plans from the current snapshot when the stored plan is of an earlier one: a server killed between a run's
   * publication and its re-plan would otherwise keep the old tiers' tasks until the next daily fire. Last among the
   * start-up listeners, after the experiments follow the snapshot, so held-out customers stay without tasks.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void planCurrent() {
    Optional<Run> current = runs.current();
    if (current.isEmpty() || current.get().asOf() == null) return;
    long planned = db.sql("select coalesce(run_id, -1) from task_plan where id = 1").query(Long.class).single();
    if (planned == current.get().id()) return;
    Run run = current.get();
    runPublished(new RunPublished(run.id(), run.asOf(), run.modelVersion(), false));
  }

  /**
   * Plans as of today from the current snapshot and stores the result.
   *
   * @return what changed; empty before any run succeeded
   * @param by who asked, for the tasks' created_by and updated_by ("system" for runs and the schedule)
   */
  public Optional<Result> replan(String by) {
    return transaction.execute(tx -> replanInTransaction(by));
  }

  /**
   * The plan as of today from the current snapshot, stored nowhere: no pool return, escalation or notice happens.
   *
   * @param proposed a model to plan with instead of the snapshot's (the editor's unsaved playbooks), or null; it
   *     plans the snapshot's tiers as they are (its conditions take effect at the next run), and customers in a tier
   *     it lacks are counted in {@link Draft#notInModel} instead of planned
   * @return empty before any run succeeded
   */
  Optional<Draft> preview(TierModel proposed) {
    TransactionTemplate readOnly = new TransactionTemplate(transaction.getTransactionManager());
    readOnly.setReadOnly(true);
    return readOnly.execute(tx -> {
      Optional<Run> current = runs.current();
      if (current.isEmpty() || current.get().asOf() == null) return Optional.<Draft>empty();
      Run run = current.get();
      TierModel model = proposed != null ? proposed : models.get(run.modelVersion()).model();
      LocalDate asOf = today();
      Run previous = runs.succeeded(3).stream().filter(r -> r.id() < run.id() && r.asOf() != null).findFirst()
          .orElse(null);
      PlanData.Interactions interactions = data.interactions(asOf);
      TaskStore.Earlier earlier = tasks.earlier(options.zone());
      List<Contact> history = new ArrayList<>(interactions.contacts());
      history.addAll(earlier.done());
      java.util.Set<String> tiers = new java.util.HashSet<>();
      model.tiers().forEach(t -> tiers.add(t.id()));
      Map<String, Long> notInModel = new java.util.TreeMap<>();
      List<PlanCustomer> customers = new ArrayList<>();
      for (PlanCustomer c : data.customers(run, previous, interactions.lastComplaint(), asOf)) {
        if (tiers.contains(c.tier())) customers.add(c); else notInModel.merge(c.tier(), 1L, Long::sum);
      }
      return Optional.of(new Draft(new Planner(model, options).plan(customers, history, earlier.open(), asOf,
          policyOwners.kept(customers, run.id())), notInModel));
    });
  }

  /** A plan stored nowhere; {@code notInModel} counts the snapshot's customers by a tier the model lacks. */
  record Draft(Plan plan, Map<String, Long> notInModel) {}

  int horizonDays() {
    return options.horizonDays();
  }

  private Optional<Result> replanInTransaction(String by) {
    // Servers sharing the database take turns: the plan's row is locked until this transaction ends.
    db.sql("select id from task_plan where id = 1 for update").query(Integer.class).single();
    Optional<Run> current = runs.current();
    if (current.isEmpty() || current.get().asOf() == null) return Optional.empty();
    Run run = current.get();
    LocalDate asOf = today();
    Run previous = runs.succeeded(3).stream().filter(r -> r.id() < run.id() && r.asOf() != null).findFirst()
        .orElse(null);
    TierModel model = models.get(run.modelVersion()).model();
    OffsetDateTime now = now();
    // Before the earlier tasks are read: the escalated customers' open tasks already carry their new owner.
    Map<String, String> escalated = escalation.escalate(model, asOf, now);
    PlanData.Interactions interactions = data.interactions(asOf);
    TaskStore.Earlier earlier = tasks.earlier(options.zone());
    List<Contact> history = new ArrayList<>(interactions.contacts());
    history.addAll(earlier.done());
    List<PlanCustomer> customers = data.customers(run, previous, interactions.lastComplaint(), asOf);
    List<Pool.Returned> returned = pool.recycle(PoolRules.due(PoolInputs.of(customers, history),
        PoolInputs.policies(model), asOf));
    Map<String, String> owners = new HashMap<>(escalated);
    returned.forEach(r -> owners.put(r.customerId(), ""));
    // The stored experiments' frozen cutoffs and strata: a customer held out stays held out across re-plans.
    Planner planner = new Planner(model, options, experiments.holdouts());
    List<PlanCustomer> placed = PoolInputs.withOwners(customers, owners);
    // After the returns and escalations: the customers they just moved keep the owner they got.
    Plan plan = planner.plan(placed, history, earlier.open(), asOf, policyOwners.kept(placed, run.id()));
    PolicyOwners.Placed byPolicy = policyOwners.place(plan.ownerChanges(), run.id(), now);
    TaskStore.Applied applied = tasks.apply(plan.tasks(), earlier, by, now);
    tasks.followOwners(now);
    db.sql("update task_plan set as_of = ?, run_id = ?, planned_at = ? where id = 1").params(asOf, run.id(), now)
        .update();
    int notices = notifications.policyAssigned(byPolicy.perRep(), model, now)
        + notifications.send(asOf, now, managerAfterDays(model));
    List<String> warnings = plan.warnings().stream()
        .map(w -> strata.plan.PlanText.warning(w, java.util.Locale.ENGLISH)).toList();
    return Optional.of(new Result(asOf, run.id(), applied.created(), applied.updated(), applied.cancelled(),
        returned.size(), escalated.size(), byPolicy.assigned(), byPolicy.pooled(), notices, warnings));
  }

  /** Each tier's {@code escalation.manager_after_days} where it sets one. */
  private static Map<String, Integer> managerAfterDays(TierModel model) {
    Map<String, Integer> days = new HashMap<>();
    for (TierRule t : model.tiers()) {
      int d = t.service().escalation().managerAfterDays();
      if (d > 0) days.put(t.id(), d);
    }
    return days;
  }
}
