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
import strata.intake.IntakeException;
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
@Command(name = "score", mixinStandardHelpOptions = true)
class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--transactions", required = true, paramLabel = "FILE", descriptionKey = "strata.score.transactions")
  Path transactions;

  @Option(names = "--customers", paramLabel = "FILE", descriptionKey = "strata.score.customers")
  Path customers;

  @Option(names = "--interactions", paramLabel = "FILE", descriptionKey = "strata.score.interactions")
  Path interactions;

  @Option(names = "--surveys", paramLabel = "FILE", descriptionKey = "strata.score.surveys")
  Path surveys;

  @Option(names = "--model", paramLabel = "FILE", descriptionKey = "strata.score.model")
  Path model;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", descriptionKey = "strata.score.as-of")
  LocalDate asOf;

  @Option(names = "--churn", descriptionKey = "strata.score.churn")
  boolean churn;

  @Option(names = "--clusters", descriptionKey = "strata.score.clusters")
  boolean clusters;

  @Option(names = "--products", descriptionKey = "strata.score.products")
  boolean products;

  @Option(names = "--outliers", paramLabel = "keep|exclude", descriptionKey = "strata.score.outliers")
  String outliers = "keep";

  @Option(names = "--only", paramLabel = "rfm", descriptionKey = "strata.score.only")
  String only;

  @Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "strata.score.out")
  Path out;

  @Option(names = "--encoding", paramLabel = "NAME", descriptionKey = "strata.score.encoding")
  String encoding;

  @Option(names = "--delimiter", paramLabel = "D", descriptionKey = "strata.score.delimiter")
  String delimiter;

  @Option(names = "--columns", split = ",", paramLabel = "KEYS", descriptionKey = "strata.score.columns")
  List<String> columns;

  @Option(names = "--date-format", paramLabel = "PATTERN", descriptionKey = "strata.score.date-format")
  String dateFormat;

  @Option(names = "--map", paramLabel = "KEY=HEADER", descriptionKey = "strata.score.map")
  Map<String, String> columnMap = new LinkedHashMap<>();

  @Option(names = "--merge", paramLabel = "FILE", descriptionKey = "strata.score.merge")
  Path merge;

  @Option(names = "--merge-case-ids", descriptionKey = "strata.score.merge-case-ids")
  boolean mergeCaseIds;

  @Mixin Language language;

  @Option(names = "--threads", paramLabel = "N", descriptionKey = "strata.score.threads")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--quiet", descriptionKey = "strata.score.quiet")
  boolean quiet;

  @Option(names = "--plan", descriptionKey = "strata.score.plan")
  boolean plan;

  @Option(names = "--previous", paramLabel = "DIR", descriptionKey = "strata.score.previous")
  Path previous;

  @Option(names = "--horizon", paramLabel = "DAYS", descriptionKey = "strata.score.horizon")
  int horizon = 14;

  @Option(names = "--time-zone", paramLabel = "ZONE", descriptionKey = "strata.score.time-zone")
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
      default -> {
        IntakeException reason = new IntakeException(IntakeException.BAD_CHOICE, "--outliers", "keep, exclude", policy);
        throw new ParameterException(spec.commandLine(), reason.getMessage(), reason);
      }
    };
  }

  static Charset charset(String name) {
    return Encodings.named(name);
  }
}
