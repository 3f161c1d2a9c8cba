package strata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import strata.i18n.Note;
import strata.identity.MergeFile;
import strata.identity.MergeOptions;
import strata.intake.Encodings;
import strata.intake.FormatSniffer;
import strata.intake.RejectedRowsWriter;
import strata.plan.Plan;
import strata.report.ReportSection;
import strata.run.CustomersCsv;
import strata.run.Predictions;
import strata.run.RunInputs;
import strata.run.RfmCsv;
import strata.run.RfmRun;
import strata.run.RunResult;
import strata.run.RunScope;
import strata.run.ScoringRun;
import strata.tier.TierModel;

/** {@code strata score}: files in, explained tiers out. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score customers and assign tiers; writes customers.csv, kpi.csv, quality.json, rejected.csv, duplicates.csv and report.html (with --only rfm: rfm.csv and rejected.csv).")
class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--transactions", required = true, paramLabel = "FILE",
      description = "orders or order lines: customer id, date, amount (CSV; UTF-8 or GBK)")
  Path transactions;

  @Option(names = "--customers", paramLabel = "FILE", description = "customer profiles (optional)")
  Path customers;

  @Option(names = "--interactions", paramLabel = "FILE", description = "calls, visits, complaints, inquiries (optional)")
  Path interactions;

  @Option(names = "--surveys", paramLabel = "FILE", description = "NPS / CSAT answers (optional)")
  Path surveys;

  @Option(names = "--model", paramLabel = "FILE", description = "tier model YAML (default: the built-in model)")
  Path model;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "scoring date; rows after it are left out (default: the day after the last transaction)")
  LocalDate asOf;

  @Option(names = "--churn", description = "train the churn classifier and write churn_prob (reads the transactions "
      + "twice more; on anyway when a tier condition reads churn_prob)")
  boolean churn;

  @Option(names = "--clusters", description = "behavioural clusters, written as cluster and cluster_name (on anyway "
      + "when a tier condition reads cluster)")
  boolean clusters;

  @Option(names = "--products", description = "product preference by category and product, and next_product from "
      + "co-purchases (reads the transactions once more; on anyway when a tier condition reads top_category, "
      + "top_category_share or next_product)")
  boolean products;

  @Option(names = "--outliers", paramLabel = "keep|exclude", description = "amounts far beyond the file's usual "
      + "ones: keep them with a warning (default) or leave their rows out of the run (amount_outlier in rejected.csv)")
  String outliers = "keep";

  @Option(names = "--only", paramLabel = "rfm", description = "compute only this part: rfm writes rfm.csv (customer_id, "
      + "recency_days, frequency, monetary, r_score, f_score, m_score) and rejected.csv, and skips the rest of the job; "
      + "not with side files, --model, predictions or --plan")
  String only;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
  Path out;

  @Option(names = "--encoding", paramLabel = "NAME", description = "encoding of all inputs, e.g. utf-8 or gbk (default: detected)")
  String encoding;

  @Option(names = "--delimiter", paramLabel = "D",
      description = "transactions delimiter: comma, tab, semicolon, pipe or whitespace (default: detected)")
  String delimiter;

  @Option(names = "--columns", split = ",", paramLabel = "KEYS",
      description = "the transactions file has no header; its columns in order, e.g. customer_id,order_date,quantity,amount")
  List<String> columns;

  @Option(names = "--date-format", paramLabel = "PATTERN",
      description = "dates in another form than yyyy-MM-dd, yyyy/M/d, yyyyMMdd or yyyy年M月d日, e.g. M/d/yyyy or dd.MM.yyyy")
  String dateFormat;

  @Option(names = "--map", paramLabel = "KEY=HEADER",
      description = "read a column from a header Strata does not recognise, e.g. --map amount=实收款")
  Map<String, String> columnMap = new LinkedHashMap<>();

  @Option(names = "--merge", paramLabel = "FILE",
      description = "accepted duplicate pairs (id_a,id_b; a reviewed duplicates.csv will do): each pair is one customer, "
          + "under id_a")
  Path merge;

  @Option(names = "--merge-case-ids", description = "merge customer ids that differ only by case (c1, C1) into the first")
  boolean mergeCaseIds;

  @Mixin Language language;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--quiet", description = "no progress display")
  boolean quiet;

  @Option(names = "--plan", description = "also plan service tasks from the model's playbooks: tasks.csv, call-lists/")
  boolean plan;

  @Option(names = "--previous", paramLabel = "DIR",
      description = "with --plan: an earlier output folder; its tiers find who moved, its tasks.csv keeps open tasks")
  Path previous;

  @Option(names = "--horizon", paramLabel = "DAYS", description = "with --plan: days to plan ahead (default: 14)")
  int horizon = 14;

  @Option(names = "--time-zone", paramLabel = "ZONE", description = "with --plan: calendar zone (default: Asia/Shanghai)")
  String timeZone = "Asia/Shanghai";

  /** True when this command writes a plan. */
  boolean planning() {
    return plan;
  }

  @Override
  public Integer call() throws IOException {
    Locale locale = language.locale();
    RunScope scope = only == null ? RunScope.ALL : RunScope.only(only);
    RunInputs inputs = inputs();
    scope.check(inputs, predictions(), model != null, planning());
    if (scope == RunScope.RFM) return scoreRfm(inputs, locale);
    PlanStep planStep = planning() ? PlanStep.of(horizon, timeZone, previous) : null;
    // Loaded beside the intake, which stops early should the model be bad (ScoringRun.run).
    CompletableFuture<TierModel> tierModel = model == null ? EarlyModel.defaultModel()
        : CompletableFuture.supplyAsync(() -> TierModel.load(model));
    Output.prepare(out);
    Output.warmUp();
    ConsoleProgress progress = new ConsoleProgress(System.err, quiet, locale);
    RunResult result;
    try (RejectedRowsWriter rejects = new RejectedRowsWriter(out.resolve("rejected.csv"))) {
      result = ScoringRun.run(inputs, tierModel, rejects, progress, predictions());
    } finally {
      progress.done();
    }
    // Planned first: the report shows the contact coverage the plan promises.
    List<ReportSection> planned = new ArrayList<>();
    if (planStep != null) {
      progress.phase(Note.of("phase_planning"));
      Plan plan = planStep.run(result, inputs, out, locale, spec.commandLine().getOut());
      ReportSection coverage = planStep.coverage(result, plan, locale);
      if (coverage != null) planned.add(coverage);
    }
    progress.phase(Note.of("phase_writing_results"));
    Output.write(result, out, locale, planned);
    progress.phase(Note.of("phase_done"));
    progress.done();
    Output.summary(result, out, locale, spec.commandLine().getOut());
    return 0;
  }

  /** RFM alone: rfm.csv and rejected.csv, nothing else. */
  private int scoreRfm(RunInputs inputs, Locale locale) throws IOException {
    Output.prepare(out);
    ConsoleProgress progress = new ConsoleProgress(System.err, quiet, locale);
    RfmRun.Result result;
    try (RejectedRowsWriter rejects = new RejectedRowsWriter(out.resolve("rejected.csv"))) {
      result = RfmRun.run(inputs, rejects, progress);
      progress.phase(Note.of("phase_writing_results"));
      RfmCsv.write(result, out.resolve("rfm.csv"));
      progress.phase(Note.of("phase_done"));
    } finally {
      progress.done();
    }
    Output.rfmSummary(result, out, locale, spec.commandLine().getOut());
    return 0;
  }

  private RunInputs inputs() throws IOException {
    return new RunInputs(transactions, customers, interactions, surveys, asOf,
        new FormatSniffer.Hints(null, delimiter, columns, dateFormat), charset(encoding), Map.copyOf(columnMap),
        Math.max(1, threads), out,
        new MergeOptions(merge == null ? List.of() : MergeFile.read(merge), mergeCaseIds))
        .withOutliersExcluded(excludeOutliers(outliers));
  }

  private Predictions predictions() {
    return new Predictions(churn, clusters, products);
  }

  private boolean excludeOutliers(String policy) {
    return switch (policy.toLowerCase(Locale.ROOT)) {
      case "keep" -> false;
      case "exclude" -> true;
      default -> throw new ParameterException(spec.commandLine(),
          "--outliers must be keep or exclude, got '" + policy + "'");
    };
  }

  static Charset charset(String name) {
    return Encodings.named(name);
  }
}
