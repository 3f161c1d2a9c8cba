package strata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.intake.CustomerProfile;
import strata.intake.IntakeException;
import strata.plan.Contact;
import strata.plan.Plan;
import strata.plan.PlanOptions;
import strata.plan.PlanText;
import strata.plan.PlannedCoverage;
import strata.plan.PlannedTask;
import strata.plan.Planner;
import strata.report.PlannedCoverageSection;
import strata.report.ReportSection;
import strata.run.PlanInputs;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.run.ScoredCustomers;

/** The planning part of {@code strata plan} and {@code strata score --plan}. */
final class PlanStep {
  private final PlanOptions options;
  private final Path previousDir;

  private PlanStep(PlanOptions options, Path previousDir) {
    this.options = options;
    this.previousDir = previousDir;
  }

  /** Checks the options before any file is read. */
  static PlanStep of(int horizon, String timeZone, Path previous) {
    if (horizon < 1 || horizon > 366) throw new IntakeException(IntakeException.HORIZON_DAYS, 366, horizon);
    ZoneId zone;
    try {
      zone = ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new IntakeException(IntakeException.UNKNOWN_TIME_ZONE, timeZone);
    }
    return new PlanStep(new PlanOptions(horizon, zone), previous);
  }

  /** Plans, writes tasks.csv and the call lists, prints the summary. @return the plan */
  Plan run(RunResult result, RunInputs inputs, Path out, Locale locale, PrintWriter console) throws IOException {
    PlanFiles.Previous previous = PlanFiles.previous(previousDir);
    PlanInputs planInputs = PlanInputs.read(inputs);
    List<Contact> history = new java.util.ArrayList<>(planInputs.history());
    history.addAll(previous.done());
    Plan plan = new Planner(result.model(), options).plan(
        planInputs.customers(result, previous.tiers(), previous.asOf(), PlanFiles.flags(inputs.customers(), inputs.charset())),
        history, previous.open(), result.asOf());
    PlanFiles.writeTasks(plan, out.resolve("tasks.csv"), locale, previous.reasons());
    PlanFiles.writeCallLists(plan, out.resolve("call-lists"), locale, contactDetails(result.customers()));
    summary(plan, locale, console);
    return plan;
  }

  /** The report's section on the contact coverage the plan promises; null when no tier has a cadence. */
  ReportSection coverage(RunResult result, Plan plan, Locale locale) {
    ScoredCustomers s = result.customers();
    Map<String, String> tierOf = new HashMap<>();
    for (int i = 0; i < s.size; i++) tierOf.put(s.customerId(i), result.model().tiers().get(s.tier[i]).id());
    boolean zh = locale.getLanguage().equals("zh");
    Map<String, String> names = new HashMap<>();
    result.model().tiers().forEach(t -> names.put(t.id(), t.name(zh)));
    return PlannedCoverageSection.of(PlannedCoverage.of(result.model(), tierOf, plan), names, options.horizonDays(),
        locale);
  }

  private static Map<String, String[]> contactDetails(ScoredCustomers s) {
    Map<String, String[]> details = new HashMap<>();
    if (s.profiles == null) return details;
    for (CustomerProfile p : s.profiles) {
      if (p != null) details.put(p.customerId(), new String[] {p.phone(), p.email()});
    }
    return details;
  }

  private static void summary(Plan plan, Locale locale, PrintWriter w) {
    long[] n = new long[PlannedTask.Status.values().length];
    long created = 0;
    for (PlannedTask t : plan.tasks()) {
      n[t.status().ordinal()]++;
      if (t.created() && t.status() == PlannedTask.Status.OPEN) created++;
    }
    w.println(Language.text(locale, "plan.tasks", "open", n[PlannedTask.Status.OPEN.ordinal()], "created", created,
        "suppressed", n[PlannedTask.Status.SUPPRESSED.ordinal()], "cancelled", n[PlannedTask.Status.CANCELLED.ordinal()]));
    plan.warnings().forEach(warning -> w.println(Language.text(locale, "warning", "text",
        PlanText.warning(warning, locale))));
    w.flush();
  }
}
