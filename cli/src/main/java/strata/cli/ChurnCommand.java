package strata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import strata.churn.ChurnFeatures;
import strata.churn.ChurnResult;
import strata.churn.ChurnStage;
import strata.churn.EngagementAsOf;
import strata.churn.Evaluation;
import strata.intake.FormatSniffer;
import strata.intake.IntakeException;
import strata.intake.SideFiles;
import strata.intake.TransactionIntake;
import strata.summary.PurchaseColumns;

/**
 * {@code strata churn}: trains the churn classifier on features as of --calibration-end with outcomes from the window
 * up to --holdout-end, and compares it on held-out customers with BG/NBD's expected purchases in that window.
 */
@Command(name = "churn", mixinStandardHelpOptions = true)
final class ChurnCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--transactions", required = true, paramLabel = "FILE")
  Path transactions;
  @Option(names = "--customers", paramLabel = "FILE") Path customers;
  @Option(names = "--interactions", paramLabel = "FILE") Path interactions;
  @Option(names = "--surveys", paramLabel = "FILE") Path surveys;

  @Option(names = "--calibration-end", required = true, paramLabel = "YYYY-MM-DD")
  LocalDate calibrationEnd;

  @Option(names = "--holdout-end", required = true, paramLabel = "YYYY-MM-DD")
  LocalDate holdoutEnd;

  @Option(names = "--seed", defaultValue = "1") long seed;
  @Mixin Language language;
  @Option(names = "--json") boolean json;
  @Option(names = "--encoding", paramLabel = "NAME") String encoding;
  @Option(names = "--delimiter", paramLabel = "D") String delimiter;
  @Option(names = "--columns", split = ",", paramLabel = "KEYS") List<String> columns;
  @Option(names = "--map", paramLabel = "KEY=HEADER") Map<String, String> columnMap = new LinkedHashMap<>();
  @Option(names = "--date-format", paramLabel = "PATTERN") String dateFormat;

  @Override
  public Integer call() throws Exception {
    Locale locale = language.locale();
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IntakeException(IntakeException.HOLDOUT_NOT_AFTER, holdoutEnd, calibrationEnd);
    }
    int cut = (int) calibrationEnd.toEpochDay();
    int end = (int) holdoutEnd.toEpochDay();
    TransactionIntake.Result atCut = read(calibrationEnd);
    TransactionIntake.Result atEnd = read(holdoutEnd);
    PurchaseColumns before = atCut.table().freeze(cut - 90);
    PurchaseColumns after = atEnd.table().freeze(end - 90);
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    FormatSniffer.Hints side = new FormatSniffer.Hints(atCut.charset(), null, null, dateFormat);
    var profiles = customers == null ? Map.<String, strata.intake.CustomerProfile>of()
        : SideFiles.customers(customers, side, Map.copyOf(columnMap), r -> { }, temp).profiles();
    ChurnFeatures.Side sideCut = new ChurnFeatures.Side(
        EngagementAsOf.read(interactions, surveys, side, Map.copyOf(columnMap), temp, cut), profiles);
    ChurnFeatures.Side sideEnd = new ChurnFeatures.Side(
        EngagementAsOf.read(interactions, surveys, side, Map.copyOf(columnMap), temp, end), profiles);
    ChurnResult r = ChurnStage.run(before, cut, sideCut, after, end, sideEnd, atCut.charset(), seed);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("calibration_end", calibrationEnd.toString());
    doc.put("holdout_end", holdoutEnd.toString());
    doc.put("window_days", end - cut);
    doc.put("customers", before.size);
    doc.put("classifier", r.classifier() == null ? null : r.classifier().toJson());
    doc.put("baseline", r.baseline() == null ? null : r.baseline().toJson());
    doc.put("classifier_beats_baseline", r.usesClassifier());
    doc.put("features", r.features());
    doc.put("notes", strata.run.QualityDocument.notes(r.notes(), locale));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Output.mapper().writeValueAsString(doc));
    } else {
      out.println(Language.text(locale, "churn.window", "customers", before.size, "calibration_end", calibrationEnd,
          "days", end - cut));
      line(out, locale, Language.text(locale, "churn.classifier"), r.classifier());
      line(out, locale, Language.text(locale, "churn.baseline"), r.baseline());
      r.notes().forEach(n -> out.println(Language.text(locale, "note", "text", n.text(locale))));
    }
    out.flush();
    return 0;
  }

  private static void line(PrintWriter out, Locale locale, String name, Evaluation e) {
    String padded = String.format(Locale.ROOT, "%-16s", name);
    if (e == null) {
      out.println(padded + Language.text(locale, "churn.not_computed"));
    } else {
      out.println(padded + Language.text(locale, "churn.evaluation", "auc", Output.figure("%.4f", e.auc()),
          "pr_auc", Output.figure("%.4f", e.prAuc()), "brier", Output.figure("%.4f", e.brier()),
          "lift", Output.figure("%.2f", e.topDecileLift()), "held_out", e.customers(), "churned", e.churned()));
    }
  }

  private TransactionIntake.Result read(LocalDate asOf) {
    TransactionIntake.Options options = new TransactionIntake.Options(
        new FormatSniffer.Hints(ScoreCommand.charset(encoding), delimiter, columns, dateFormat), Map.copyOf(columnMap), asOf,
        Runtime.getRuntime().availableProcessors(), Path.of(System.getProperty("java.io.tmpdir")));
    return TransactionIntake.read(transactions, options, r -> { }, b -> { });
  }
}
