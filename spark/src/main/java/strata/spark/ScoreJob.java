package strata.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import strata.cmdline.CommandLanguage;
import strata.i18n.Languages;
import strata.identity.MergeFile;
import strata.identity.MergeOptions;
import strata.intake.Encodings;
import strata.intake.FormatSniffer;
import strata.intake.IntakeException;
import strata.intake.RejectedRowsWriter;
import strata.run.CustomersCsv;
import strata.run.Predictions;
import strata.run.QualityDocument;
import strata.run.RunInputs;
import strata.tier.TierModel;

/**
 * {@code spark-submit --class strata.spark.ScoreJob strata-spark.jar --transactions PATH --out DIR}: scores a
 * transactions file on a Spark cluster and writes customers.csv, quality.json and rejected.csv as {@code strata score}
 * does.
 */
@Command(name = "strata-spark", mixinStandardHelpOptions = true)
public final class ScoreJob implements Callable<Integer> {
  @Option(names = "--transactions", required = true, paramLabel = "PATH")
  String transactions;

  @Option(names = "--format", paramLabel = "csv|parquet")
  String format;

  @Option(names = "--out", required = true, paramLabel = "DIR")
  Path out;

  @Option(names = "--parquet-out", paramLabel = "PATH")
  String parquetOut;

  @Option(names = "--work", paramLabel = "DIR")
  String work;

  @Option(names = "--metrics", paramLabel = "FILE")
  Path metrics;

  // The side files and their options are strata score's, by the same names; the driver reads them (DriverFiles).
  @Option(names = "--customers", paramLabel = "PATH")
  String customers;

  @Option(names = "--interactions", paramLabel = "PATH")
  String interactions;

  @Option(names = "--surveys", paramLabel = "PATH")
  String surveys;

  @Option(names = "--merge", paramLabel = "PATH")
  String merge;

  @Option(names = "--merge-case-ids")
  boolean mergeCaseIds;

  @Option(names = "--model", paramLabel = "FILE")
  Path model;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD")
  LocalDate asOf;

  @Option(names = "--encoding", paramLabel = "NAME")
  String encoding;

  @Option(names = "--delimiter", paramLabel = "D")
  String delimiter;

  @Option(names = "--columns", split = ",", paramLabel = "KEYS")
  List<String> columns;

  @Option(names = "--date-format", paramLabel = "PATTERN")
  String dateFormat;

  @Option(names = {"--map", "--column"}, paramLabel = "KEY=HEADER")
  Map<String, String> columnMap = new HashMap<>();

  @Option(names = "--outliers", paramLabel = "keep|exclude")
  String outliers = "keep";

  @Option(names = "--churn")
  boolean churn;

  @Option(names = "--clusters")
  boolean clusters;

  // strata score's options the Spark engine does not offer yet: accepted by name so that the job refuses them with a
  // sentence in --lang rather than picocli's "Unknown option".
  @Option(names = "--products", hidden = true) boolean products;
  @Option(names = "--plan", hidden = true) boolean plan;
  @Option(names = "--previous", hidden = true) String previous;
  @Option(names = "--horizon", hidden = true) Integer horizon;
  @Option(names = "--time-zone", hidden = true) String timeZone;

  @Option(names = "--lang", defaultValue = "zh", paramLabel = "zh|en")
  String lang;

  @Option(names = "--master", paramLabel = "URL")
  String master;

  @Option(names = "--range-mib", defaultValue = "64", paramLabel = "MIB")
  int rangeMib;

  public static void main(String[] args) {
    System.exit(command().execute(args));
  }

  /** The job's command line with its error handling; tests redirect its output. */
  static CommandLine command() {
    CommandLine job = new CommandLine(new ScoreJob());
    CommandLanguage.helpFollowsLang(job);
    return job.setExecutionExceptionHandler((e, cmd, parsed) -> {
          Locale locale = CommandLanguage.of(cmd, Locale.ENGLISH);
          String text = e instanceof IntakeException i ? i.text(locale)
              : e instanceof strata.scoring.ConfigException c ? c.text(locale)
              : e instanceof strata.tier.TierModelException t ? t.text(locale) : null;
          if (text == null) throw e;
          cmd.getErr().println("strata-spark: " + text);
          return 1; // as strata score: 1 for unusable input or model, 2 (picocli's) for wrong options
        });
  }

  @Override
  public Integer call() throws Exception {
    Locale locale = Languages.locale(lang);
    if (rangeMib < 1) throw new IntakeException(IntakeException.BELOW_MINIMUM, "--range-mib", 1, rangeMib);
    if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("parquet")) {
      throw new IntakeException(IntakeException.BAD_CHOICE, "--format", "csv, parquet", format);
    }
    excludeOutliers();
    List<String> refused = new java.util.ArrayList<>();
    if (products) refused.add("--products");
    if (plan) refused.add("--plan");
    if (previous != null) refused.add("--previous");
    if (horizon != null) refused.add("--horizon");
    if (timeZone != null) refused.add("--time-zone");
    if (!refused.isEmpty()) throw new IntakeException(IntakeException.NOT_ON_SPARK, String.join(", ", refused));
    TierModel tierModel = model == null ? TierModel.defaultModel() : TierModel.load(model);
    SparkSession.Builder builder = SparkSession.builder().appName("strata score");
    if (master != null) builder.master(master);
    SparkSession spark = builder.getOrCreate();
    try {
      run(spark, tierModel, locale, (long) rangeMib << 20);
    } finally {
      if (master != null) spark.stop(); // a session from spark-submit is the submitter's to stop
    }
    return 0;
  }

  /** Whether --outliers leaves the outlier amounts out. */
  private boolean excludeOutliers() {
    return switch (outliers.toLowerCase(Locale.ROOT)) {
      case "keep" -> false;
      case "exclude" -> true;
      default -> throw new IntakeException(IntakeException.BAD_CHOICE, "--outliers", "keep, exclude", outliers);
    };
  }

  /**
   * What a run of the job reported: each file's quality, whether the customers were scored in parts on the cluster
   * (see {@link strata.run.PartScoring}) or on the driver, and how many customers were scored (buyers and prospects).
   */
  record Result(List<strata.intake.FileQuality> quality, boolean scoredInParts, long customers) {}

  /** Runs the job in a session the caller owns; {@code rangeBytes} is the size of each task's part of the file. */
  Result run(SparkSession spark, TierModel tierModel, Locale locale, long rangeBytes) throws Exception {
    if (Files.exists(out) && !Files.isDirectory(out)) throw new IntakeException(IntakeException.NOT_A_FOLDER, out);
    Files.createDirectories(out);
    try (JobMetrics moved = metrics == null ? null : new JobMetrics(spark.sparkContext())) {
      Result result = score(spark, tierModel, locale, rangeBytes);
      if (moved != null) json().writeValue(metrics.toFile(), moved.report(result.customers(), result.scoredInParts()));
      return result;
    }
  }

  private Result score(SparkSession spark, TierModel tierModel, Locale locale, long rangeBytes) throws Exception {
    Charset charset = Encodings.named(encoding);
    SparkScoring.Scored scored;
    try (DriverFiles files = new DriverFiles(spark.sparkContext().hadoopConfiguration(), out.resolve(".side-files"));
        RejectedRowsWriter rejects = new RejectedRowsWriter(out.resolve("rejected.csv"))) {
      MergeOptions merges = new MergeOptions(merge == null ? List.of() : MergeFile.read(files.local(merge)),
          mergeCaseIds);
      RunInputs in = new RunInputs(Path.of(new org.apache.hadoop.fs.Path(transactions.replaceAll("/+$", "")).getName()),
          files.local(customers), files.local(interactions), files.local(surveys), asOf,
          new FormatSniffer.Hints(null, delimiter, columns, dateFormat), charset, Map.copyOf(columnMap),
          Runtime.getRuntime().availableProcessors(), out, merges).withOutliersExcluded(excludeOutliers());
      var hints = new IntakeSpec.Hints(charset == null ? null : charset.name(), delimiter, columns, dateFormat);
      var inParts = new SparkScoring.InParts(modelText(), out.resolve("customers.csv"),
          work(spark.sparkContext().hadoopConfiguration()), parquetOut, locale);
      scored = SparkScoring.run(spark, transactions, format, hints, in, rangeBytes, tierModel,
          new Predictions(churn, clusters, false), rejects, inParts);
    }
    Object quality;
    List<strata.intake.FileQuality> files;
    if (scored.result() != null) {
      CustomersCsv.write(scored.result(), out.resolve("customers.csv"), locale);
      quality = QualityDocument.of(scored.result());
      files = scored.result().quality();
    } else {
      // Not silent: the run says it scored in parts (the outputs are the same either way).
      System.err.println("strata: customers scored in parts on the cluster (" + scored.inParts().customers()
          + " customers); customers.csv put together from the parts");
      quality = scored.inParts().quality();
      files = scored.inParts().files();
    }
    if (parquetOut != null && scored.result() != null) {
      CustomersParquet.write(spark, out.resolve("customers.csv"), parquetOut); // in parts, the tasks wrote it
    }
    json().writeValue(out.resolve("quality.json").toFile(), quality);
    long customers = scored.result() != null ? scored.result().customers().size : scored.inParts().customers();
    return new Result(files, scored.result() == null, customers);
  }

  private static ObjectMapper json() {
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Where the parts of a run scored in parts are written: --work, else beside --parquet-out, else in --out. */
  private String work(org.apache.hadoop.conf.Configuration hadoop) throws java.io.IOException {
    if (work != null) return work;
    if (parquetOut == null) return out.toAbsolutePath().toUri().toString();
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(parquetOut);
    return target.getFileSystem(hadoop).makeQualified(target).getParent().toString();
  }

  /** The model as the executors compile it: the --model file's text, or the built-in model's. */
  private ScoringInParts.Model modelText() throws java.io.IOException {
    if (model != null) {
      return new ScoringInParts.Model(Files.readString(model, java.nio.charset.StandardCharsets.UTF_8),
          model.getFileName().toString());
    }
    try (var in = TierModel.class.getResourceAsStream("/strata/tier/default-model.yaml")) {
      return new ScoringInParts.Model(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
          "default-model.yaml");
    }
  }
}
