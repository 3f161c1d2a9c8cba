package strata.server.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import strata.demo.DemoFiles;
import strata.demo.DemoOptions;
import strata.server.intake.ImportJob;
import strata.server.intake.ImportOptions;
import strata.server.intake.Imports;
import strata.server.run.AutoRuns;
import strata.server.run.Run;
import strata.server.run.RunService;
import strata.server.run.RunStore;
import strata.server.security.Role;
import strata.server.security.Users;

/**
 * {@code --demo}: on first start, loads Strata's demo data set (a Chinese SME, 2,000 customers) and tiers it twice
 * (orders up to August, then the rest), so a new user finds tiers, history and a migration to look at. Demo users
 * share the password {@value #PASSWORD}.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "strata.demo", havingValue = "true")
class DemoLoader implements ApplicationRunner {
  static final String PASSWORD = "strata-demo";
  private static final LocalDate FIRST_AS_OF = LocalDate.of(2026, 8, 1);
  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
  private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");

  private final Users users;
  private final Imports imports;
  private final RunService runs;
  private final RunStore runStore;
  private final AutoRuns autoRuns;
  private final Environment env;
  private final Path data;

  DemoLoader(Users users, Imports imports, RunService runs, RunStore runStore, AutoRuns autoRuns, Environment env,
      @Value("${strata.data}") String data) {
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
    if (runStore.current().isEmpty()) load();
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    System.out.println();
    System.out.println("  Strata demo is ready: open http://localhost:" + port + "/");
    System.out.println("  Sign in as analyst / " + PASSWORD + "  (also admin, and the sales reps zhangwei and "
        + "chenjing, who see only their own customers)");
    System.out.println();
  }

  private void load() throws IOException {
    autoRuns.pause();
    try {
      Path dir = Files.createDirectories(data.resolve("demo"));
      DemoFiles files = DemoDataGenerator.write(dir, DemoOptions.defaults());
      Path early = dir.resolve("orders-until-august.csv");
      Path late = dir.resolve("orders-from-august.csv");
      split(dir.resolve(DemoDataGenerator.ORDERS_FILE), FIRST_AS_OF, early, late);
      load(dir.resolve(DemoDataGenerator.CUSTOMERS_FILE), "customers");
      load(early, "transactions");
      Run first = runs.runNow("demo", "demo", FIRST_AS_OF);
      load(late, "transactions");
      load(dir.resolve(DemoDataGenerator.INTERACTIONS_FILE), "interactions");
      load(dir.resolve(DemoDataGenerator.SURVEYS_FILE), "surveys");
      Run second = runs.runNow("demo", "demo", DemoOptions.DEFAULT_AS_OF);
      log.info("demo data loaded from {}: runs {} ({}) and {} ({})", files, first.id(), first.status(), second.id(),
          second.status());
    } finally {
      autoRuns.resume();
    }
  }

  private void load(Path file, String kind) {
    ImportJob job = imports.importFile(file, kind, file.getFileName().toString(), ImportOptions.NONE, "demo");
    log.info("demo import {}: {}", file.getFileName(), job.status());
  }

  private void user(String name, String display, Role role, String owner) {
    if (users.find(name).isEmpty()) users.create(name, display, PASSWORD, role, owner);
  }

  /**
   * Splits the orders file at a day: rows up to it (and rows with no readable date, which the import will reject
   * with its reason) go to the first file. The demo's rows are one line each.
   */
  static void split(Path orders, LocalDate cut, Path early, Path late) throws IOException {
    List<String> lines = Files.readAllLines(orders, StandardCharsets.UTF_8);
    List<String> a = new ArrayList<>(List.of(lines.get(0)));
    List<String> b = new ArrayList<>(List.of(lines.get(0).replace("\uFEFF", "")));
    for (String line : lines.subList(1, lines.size())) {
      Matcher m = DATE.matcher(line);
      boolean after = false;
      if (m.find()) {
        try {
          after = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3))).isAfter(cut.minusDays(1));
        } catch (java.time.DateTimeException e) {
          after = false;
        }
      }
      (after ? b : a).add(line);
    }
    Files.write(early, a, StandardCharsets.UTF_8);
    Files.write(late, b, StandardCharsets.UTF_8);
  }
}
