package strata.server.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import strata.demo.DemoDataGenerator;
import strata.demo.DemoExperiment;
import strata.demo.DemoFiles;
import strata.demo.DemoOptions;
import strata.server.api.Conflict;
import strata.server.intake.ImportJob;
import strata.server.model.ModelStore;
import strata.server.intake.ImportOptions;
import strata.server.intake.Imports;
import strata.server.run.AutoRuns;
import strata.server.run.Run;
import strata.server.run.RunService;
import strata.server.run.RunStore;
import strata.server.security.Role;
import strata.server.security.Users;

/**
 * {@code --demo}: on first start, loads Strata's demo data set (a Chinese SME, 2,000 customers) and tiers it as of
 * {@value #SNAPSHOTS} successive quarter ends, so a new user finds tiers, migrations, the KPI trend and a tier forecast
 * to look at; from the quarter {@link DemoExperiment#start} a second model version holds out part of the at-risk
 * tier, so the experiments page has a result (the data plants a real effect). Demo users share the password
 * {@value #PASSWORD}. Each step is all-or-nothing, not the whole: a server killed while loading left some steps done,
 * so every start finishes the load, skipping the steps done (the quarters tiered, the experiment's model saved).
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "strata.demo", havingValue = "true")
class DemoLoader implements ApplicationRunner {
  static final String PASSWORD = "strata-demo";
  static final int SNAPSHOTS = 6;
  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private final Users users;
  private final Imports imports;
  private final RunService runs;
  private final RunStore runStore;
  private final AutoRuns autoRuns;
  private final Environment env;
  private final Path data;
  private final ModelStore models;

  DemoLoader(Users users, Imports imports, RunService runs, RunStore runStore, AutoRuns autoRuns, Environment env,
      @Value("${strata.data}") String data, ModelStore models) {
    this.models = models;
    this.users = users;
    this.imports = imports;
    this.runs = runs;
    this.runStore = runStore;
    this.autoRuns = autoRuns;
    this.env = env;
    this.data = Path.of(data);
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    user("analyst", "分析师 Analyst", Role.ANALYST, null);
    user("zhangwei", "张伟", Role.SALES, "张伟");
    user("chenjing", "陈静", Role.SALES, "陈静");
    Set<LocalDate> tiered = tiered();
    // Not over data of the user's own (runs, none of them the demo's); else until the demo's last quarter is tiered.
    boolean loaded = tiered.isEmpty() ? runStore.current().isPresent() : tiered.contains(DemoOptions.DEFAULT_AS_OF);
    if (!loaded) load(tiered);
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    System.out.println();
    System.out.println("  Strata demo is ready: open http://localhost:" + port + "/");
    System.out.println("  Sign in as analyst / " + PASSWORD + "  (also admin, and the sales reps zhangwei and "
        + "chenjing, who see only their own customers)");
    System.out.println();
  }

  /** The as-of days of the demo's succeeded runs. */
  private Set<LocalDate> tiered() {
    Set<LocalDate> days = new HashSet<>();
    for (Run r : runStore.succeeded(1000)) if (r.trigger().equals("demo") && r.asOf() != null) days.add(r.asOf());
    return days;
  }

  /** @param tiered the as-of days already tiered by an earlier start that was cut off */
  private void load(Set<LocalDate> tiered) throws IOException {
    autoRuns.pause();
    try {
      Path dir = Files.createDirectories(data.resolve("demo"));
      DemoFiles files = DemoDataGenerator.write(dir, DemoOptions.defaults());
      // Runs start after the imports; before a run, imports cut off are taken again (a whole file imported again
      // adds nothing: its rows are stored already).
      if (tiered.isEmpty()) {
        load(dir.resolve(DemoDataGenerator.CUSTOMERS_FILE), "customers");
        load(dir.resolve(DemoDataGenerator.ORDERS_FILE), "transactions");
        load(dir.resolve(DemoDataGenerator.INTERACTIONS_FILE), "interactions");
        load(dir.resolve(DemoDataGenerator.SURVEYS_FILE), "surveys");
      }
      // Each run sees only what was known on its as-of day (strata.asof.AsOfPolicy), so one import gives the
      // history a team would have built up quarter by quarter.
      List<String> made = new ArrayList<>();
      LocalDate experimentStart = DemoExperiment.start(DemoOptions.DEFAULT_AS_OF);
      for (LocalDate asOf : snapshotDays(DemoOptions.DEFAULT_AS_OF)) {
        if (tiered.contains(asOf)) continue;
        if (asOf.equals(experimentStart) && !models.current().yaml().contains(DemoExperiment.ID)) {
          models.save(DemoExperiment.modelYaml(models.current().yaml()), "demo: win-back experiment (20 % held out)",
              "demo");
        }
        // Service tasks are planned from the last quarter only (planning is most of a run's time here).
        Run run = tier(asOf);
        made.add(run.id() + " (" + asOf + ", " + run.status() + ")");
      }
      log.info("demo data loaded from {}: runs {}", files, made);
    } finally {
      autoRuns.resume();
    }
  }

  /**
   * Tiers one quarter. A run cut off by a kill holds the run lock until its server is seen dead
   * ({@code strata.instance.stale-after}) and the sweep fails it: until then, and for two minutes at most, this waits.
   */
  private Run tier(LocalDate asOf) {
    for (int attempt = 1; ; attempt++) {
      try {
        return asOf.equals(DemoOptions.DEFAULT_AS_OF) ? runs.runNow("demo", "demo", asOf)
            : runs.runForHistory("demo", "demo", asOf);
      } catch (Conflict e) {
        if (attempt == 120) throw e;
        try {
          Thread.sleep(1000);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * The as-of days of the demo's snapshots, oldest first: {@value #SNAPSHOTS} quarters ending on the data's export
   * day, so the latest period has a previous one and the same quarter a year before (its snapshot needs one before
   * it too, or its period would be the whole history).
   */
  static List<LocalDate> snapshotDays(LocalDate last) {
    List<LocalDate> days = new ArrayList<>();
    for (int k = SNAPSHOTS - 1; k >= 0; k--) days.add(last.minusMonths(3L * k));
    return days;
  }

  private void load(Path file, String kind) {
    ImportJob job = imports.importFile(file, kind, file.getFileName().toString(), ImportOptions.NONE, "demo");
    log.info("demo import {}: {}", file.getFileName(), job.status());
  }

  private void user(String name, String display, Role role, String owner) {
    if (users.find(name).isEmpty()) users.create(name, display, PASSWORD, role, owner);
  }
}
