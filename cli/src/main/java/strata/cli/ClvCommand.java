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
import strata.clv.CalibrationData;
import strata.clv.ClvAnalysis;
import strata.clv.ClvResult;
import strata.clv.Fit;
import strata.clv.HoldoutData;
import strata.clv.HoldoutReport;
import strata.clv.SpendData;
import strata.intake.FormatSniffer;
import strata.intake.IntakeException;
import strata.intake.TransactionIntake;
import strata.run.ClvStage;
import strata.summary.PurchaseColumns;

/** {@code strata clv}: fits the CLV models on a calibration period and checks them on a holdout period. */
@Command(name = "clv", mixinStandardHelpOptions = true)
final class ClvCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--transactions", required = true, paramLabel = "FILE")
  Path transactions;

  @Option(names = "--calibration-end", required = true, paramLabel = "YYYY-MM-DD")
  LocalDate calibrationEnd;

  @Option(names = "--holdout-end", paramLabel = "YYYY-MM-DD")
  LocalDate holdoutEnd;

  @Option(names = "--time-unit", defaultValue = "weeks", paramLabel = "weeks|days")
  String timeUnit;

  @Option(names = "--json")
  boolean json;

  @Mixin Language language;

  @Option(names = "--encoding", paramLabel = "NAME") String encoding;
  @Option(names = "--delimiter", paramLabel = "D") String delimiter;
  @Option(names = "--columns", split = ",", paramLabel = "KEYS") List<String> columns;
  @Option(names = "--map", paramLabel = "KEY=HEADER") Map<String, String> columnMap = new LinkedHashMap<>();
  @Option(names = "--date-format", paramLabel = "PATTERN") String dateFormat;

  @Override
  public Integer call() throws Exception {
    Locale locale = language.locale();
    double unit = switch (timeUnit.toLowerCase(Locale.ROOT)) {
      case "weeks", "week" -> 7.0;
      case "days", "day" -> 1.0;
      default -> throw new IntakeException(IntakeException.BAD_CHOICE, "--time-unit", "weeks, days", timeUnit);
    };
    if (holdoutEnd != null && !holdoutEnd.isAfter(calibrationEnd)) {
      throw new IntakeException(IntakeException.HOLDOUT_NOT_AFTER, holdoutEnd, calibrationEnd);
    }
    int calEnd = (int) calibrationEnd.toEpochDay();
    // The calibration pass reads purchases up to the calibration end: its amounts are the spend model's input.
    PurchaseColumns cal = read(calibrationEnd).table().freeze(calEnd);
    CalibrationData data = ClvStage.calibration(cal, calEnd, unit);
    SpendData spend = ClvStage.spend(cal);
    long nonPositiveSpend = nonPositiveSpend(cal);
    HoldoutData holdout = null;
    if (holdoutEnd != null) {
      PurchaseColumns all = read(holdoutEnd).table().freeze(calEnd);
      holdout = holdout(cal, all, (holdoutEnd.toEpochDay() - calEnd) / unit);
    }
    ClvResult result = ClvAnalysis.run(data, spend, holdout);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("time_unit", unit == 7.0 ? "weeks" : "days");
    doc.put("calibration_end", calibrationEnd.toString());
    if (holdoutEnd != null) doc.put("holdout_end", holdoutEnd.toString());
    doc.put("customers", data.size());
    doc.put("spend_excluded_non_positive", nonPositiveSpend);
    doc.putAll(result.toJson());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Output.mapper().writeValueAsString(doc));
    } else {
      text(out, locale, result, data.size(), nonPositiveSpend);
    }
    out.flush();
    return 0;
  }

  private TransactionIntake.Result read(LocalDate asOf) {
    TransactionIntake.Options options = new TransactionIntake.Options(
        new FormatSniffer.Hints(ScoreCommand.charset(encoding), delimiter, columns, dateFormat), Map.copyOf(columnMap), asOf,
        Runtime.getRuntime().availableProcessors(), Path.of(System.getProperty("java.io.tmpdir")));
    return TransactionIntake.read(transactions, options, r -> { }, b -> { });
  }

  static long nonPositiveSpend(PurchaseColumns p) {
    long count = 0;
    for (int i = 0; i < p.size; i++) {
      if (p.distinctDays[i] > 1 && p.netCents[i] - p.firstDayNetCents[i] <= 0) count++;
    }
    return count;
  }

  /** Repeat purchase days after the calibration end, for the calibration customers in their order. */
  private static HoldoutData holdout(PurchaseColumns cal, PurchaseColumns all, double length) {
    // The two reads list customers in different orders, so match them by id, keyed by the raw bytes (ISO-8859-1 maps
    // each byte to one char, so distinct ids stay distinct whatever the file's encoding).
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < all.size; i++) index.put(all.customerId(i, java.nio.charset.StandardCharsets.ISO_8859_1), i);
    double[] purchases = new double[cal.size];
    for (int i = 0; i < cal.size; i++) {
      int j = index.get(cal.customerId(i, java.nio.charset.StandardCharsets.ISO_8859_1));
      purchases[i] = all.distinctDays[j] - all.daysUpToSplit[j];
    }
    return new HoldoutData(purchases, length);
  }

  private static void text(PrintWriter out, Locale locale, ClvResult r, int customers, long nonPositive) {
    out.println(Language.text(locale, "clv.customers", "customers", customers));
    fit(out, locale, "BG/NBD", r.bgNbd());
    fit(out, locale, "Pareto/NBD", r.paretoNbd());
    fit(out, locale, "MBG/NBD", r.mbgNbd());
    fit(out, locale, "Gamma-Gamma", r.gammaGamma());
    if (nonPositive > 0) out.println(Language.text(locale, "clv.spend_excluded", "customers", nonPositive));
    r.holdout().forEach((model, h) -> holdoutTable(out, locale, model, h));
  }

  private static void fit(PrintWriter out, Locale locale, String name, Fit<?> f) {
    StringBuilder p = new StringBuilder();
    f.model().parameters().forEach((k, v) -> p.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
    out.println(String.format(Locale.ROOT, "%-12s%s  LL=%.2f  ", name, p, f.logLikelihood())
        + Language.text(locale, "clv.fit_customers", "customers", f.customers())
        + (f.converged() ? "" : "  " + Language.text(locale, "clv.not_converged", "reason", f.convergenceReason())));
  }

  private static void holdoutTable(PrintWriter out, Locale locale, String model, HoldoutReport h) {
    out.println(Language.text(locale, "clv.holdout", "model", model, "predicted", Output.figure("%.1f", h.predictedTotal()),
        "actual", Output.figure("%.1f", h.actualTotal()), "mae", Output.figure("%.3f", h.meanAbsoluteError()),
        "rmse", Output.figure("%.3f", h.rootMeanSquaredError())));
    for (HoldoutReport.Row row : h.byCalibrationPurchases()) {
      out.println(String.format(Locale.ROOT, "  x=%-3s n=%-6d ", row.label(), row.customers())
          + Language.text(locale, "clv.holdout_row", "predicted", Output.figure("%.3f", row.meanPredicted()),
              "actual", Output.figure("%.3f", row.meanActual())));
    }
  }
}
