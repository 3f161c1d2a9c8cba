package strata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import strata.intake.FileQuality;
import strata.intake.IntakeException;
import strata.kpi.KpiCsv;
import strata.kpi.KpiTable;
import strata.report.HtmlReport;
import strata.report.KpiTableSection;
import strata.report.ReportSection;
import strata.run.CustomersCsv;
import strata.run.RunKpis;
import strata.run.RunReport;
import strata.run.RunResult;
import strata.run.ScoredCustomers;
import strata.tier.TierRule;

/** The files a run leaves in its output folder, and the few lines it prints. */
final class Output {
  private Output() {}

  static void prepare(Path out) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IntakeException(IntakeException.NOT_A_FOLDER, out);
    }
    Files.createDirectories(out);
  }

  /**
   * Writes the run's files. report.html is written on a thread of its own beside the others: on a small file each
   * half takes about a tenth of a second, mostly the first (interpreted) run of its code, while the other core has
   * little left to do (bench/README.md, "Small files: start-up").
   */
  /** @param planned report sections of the run's plan (after the KPI table), none without one */
  static void write(RunResult result, Path out, Locale locale, List<ReportSection> planned) throws IOException {
    KpiTable kpis = RunKpis.of(result);
    FutureTask<Void> report = new FutureTask<>(() -> {
      report(result, kpis, planned, out, locale);
      return null;
    });
    new Thread(report, "strata-report").start();
    try {
      CustomersCsv.write(result, out.resolve("customers.csv"), locale);
      qualityJson(result, out.resolve("quality.json"));
      strata.run.DuplicatesCsv.write(result.identity(), out.resolve("duplicates.csv"));
      KpiCsv.write(kpis, out.resolve("kpi.csv"));
    } catch (IOException | RuntimeException e) {
      finish(report, e);
      throw e;
    }
    finish(report, null);
  }

  /** Waits for the report; its failure is thrown, or kept as suppressed by {@code earlier}, the other files' one. */
  private static void finish(FutureTask<Void> report, Exception earlier) throws IOException {
    try {
      report.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (earlier != null) earlier.addSuppressed(cause);
      else if (cause instanceof IOException io) throw io;
      else if (cause instanceof RuntimeException re) throw re;
      else if (cause instanceof Error err) throw err;
      else throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing report.html");
    }
  }

  private static void report(RunResult result, KpiTable kpis, List<ReportSection> planned, Path out, Locale locale)
      throws IOException {
    boolean zh = locale.getLanguage().equals("zh");
    List<ReportSection> extra = new ArrayList<>();
    extra.add(KpiTableSection.of(kpis, result.model().tiers().stream().map(t -> t.name(zh)).toList(), locale));
    extra.addAll(planned);
    var clv = strata.run.ClvSection.of(result.customers().clv, locale);
    if (clv != null) extra.add(clv);
    var products = strata.run.ProductSection.of(result, locale);
    if (products != null) extra.add(products);
    if (result.customers().churn != null) extra.add(strata.report.ChurnSection.of(result.customers().churn, locale));
    if (result.customers().clusters != null) {
      extra.add(strata.report.ClusterSection.of(result.customers().clusters, locale));
    }
    HtmlReport.write(RunReport.of(result, locale, extra), out.resolve("report.html"));
  }

  static void qualityJson(RunResult result, Path file) throws IOException {
    mapper().writeValue(file.toFile(), strata.run.QualityDocument.of(result));
  }

  /**
   * Loads and initialises the JSON and report code on a background thread while the run reads its files: cold, they
   * cost about a second at the very end of every run (measured on a 3-row file: quality.json 0.6 s, report 0.4 s).
   */
  static void warmUp() {
    Thread t = new Thread(() -> {
      try {
        FileQuality sample = new FileQuality("f", "k", "UTF-8", ",", Map.of("a", "b"), 1, 1, 0, Map.of("r", 1L), 0, 0,
            List.of(1L), 0, List.of(strata.i18n.Note.of("quality_repeated_rows", 1)));
        mapper().writeValueAsBytes(Map.of("files", List.of(sample), "tiers", Map.of("t", 1L)));
        for (String c : new String[] {"HtmlReport", "Page", "SvgCharts", "BarCharts", "HeatMapChart", "LineChart",
            "TierSection", "QualitySection", "KpiSection", "GroupSections", "ReportText"}) {
          Class.forName("strata.report." + c);
        }
      } catch (Exception | LinkageError e) {
        // only a head start: the real write reports any problem
      }
    }, "strata-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  static ObjectMapper mapper() {
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  static void rfmSummary(strata.run.RfmRun.Result result, Path out, Locale locale, PrintWriter w) {
    w.println(Language.text(locale, "scored_rfm", "customers", result.columns().size, "as_of", result.asOf()));
    FileQuality q = result.quality();
    w.println(Language.text(locale, q.rowsAfterAsOf() > 0 ? "file_after_as_of" : "file", "file", q.file(),
        "rows", count(q.rowsRead()), "accepted", count(q.rowsAccepted()), "rejected", count(q.rowsRejected()),
        "after", count(q.rowsAfterAsOf())));
    q.warnings().forEach(warning -> w.println(Language.text(locale, "note", "text", warning.text(locale))));
    w.println(Language.text(locale, "results", "folder", out.toAbsolutePath()));
    w.flush();
  }

  static void summary(RunResult result, Path out, Locale locale, PrintWriter w) {
    boolean zh = locale.getLanguage().equals("zh");
    ScoredCustomers s = result.customers();
    w.println(Language.text(locale, "scored", "customers", s.size, "purchasers", s.purchasers, "as_of", result.asOf()));
    Map<String, Long> counts = strata.run.QualityDocument.tierCounts(result);
    for (TierRule t : result.model().tiers()) {
      w.printf("  %-12s %-16s %,d%n", t.id(), t.name(zh), counts.get(t.id()));
    }
    result.quality().forEach(q -> w.println(Language.text(locale, q.rowsAfterAsOf() > 0 ? "file_after_as_of" : "file",
        "file", q.file(), "rows", count(q.rowsRead()), "accepted", count(q.rowsAccepted()),
        "rejected", count(q.rowsRejected()), "after", count(q.rowsAfterAsOf()))));
    result.notes().forEach(n -> w.println(Language.text(locale, "note", "text", n.text(locale))));
    w.println(Language.text(locale, "results", "folder", out.toAbsolutePath()));
    w.flush();
  }

  /** A count with thousands separators, as both languages write them in the console. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A figure in {@code format} ({@code %.3f}), with a decimal point whatever the machine's locale. */
  static String figure(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
