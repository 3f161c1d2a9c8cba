package strata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.identity.IdentityReport;
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
      throw new IntakeException(out + ": exists and is not a folder");
    }
    Files.createDirectories(out);
  }

  static void write(RunResult result, Path out, Locale locale) throws IOException {
    CustomersCsv.write(result, out.resolve("customers.csv"), locale);
    qualityJson(result, out.resolve("quality.json"));
    strata.run.DuplicatesCsv.write(result.identity(), out.resolve("duplicates.csv"));
    KpiTable kpis = RunKpis.of(result);
    KpiCsv.write(kpis, out.resolve("kpi.csv"));
    boolean zh = locale.getLanguage().equals("zh");
    List<ReportSection> extra = new ArrayList<>();
    extra.add(KpiTableSection.of(kpis, result.model().tiers().stream().map(t -> t.name(zh)).toList(), locale));
    var clv = strata.run.ClvSection.of(result.customers().clv, locale);
    if (clv != null) extra.add(clv);
    HtmlReport.write(RunReport.of(result, locale, extra), out.resolve("report.html"));
  }

  static void qualityJson(RunResult result, Path file) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("as_of", result.asOf().toString());
    doc.put("model", result.model().name());
    doc.put("customers", result.customers().size);
    doc.put("purchasers", result.customers().purchasers);
    doc.put("tiers", tierCounts(result));
    doc.put("files", result.quality());
    doc.put("identity", identity(result.identity()));
    doc.put("notes", result.notes());
    mapper().writeValue(file.toFile(), doc);
  }

  /** Counts and the first few examples; every candidate pair is in duplicates.csv. */
  static Map<String, Object> identity(IdentityReport id) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("duplicate_candidates", id.candidates().size());
    doc.put("duplicate_examples", id.candidates().subList(0, Math.min(EXAMPLES, id.candidates().size())).stream()
        .map(p -> Map.of("id_a", p.idA(), "id_b", p.idB(), "score", p.score(), "reasons", p.reasonCodes()))
        .toList());
    doc.put("common_keys", id.commonKeys().stream().map(k -> Map.of("reason", k.reason().code(), "customers",
        k.customers(), "example_ids", k.exampleIds())).toList());
    doc.put("case_variant_groups", id.caseVariants().size());
    doc.put("case_variant_examples", id.caseVariants().subList(0, Math.min(EXAMPLES, id.caseVariants().size())));
    doc.put("case_ids_merged", id.caseIdsMerged());
    doc.put("merged_ids", id.merged().size());
    doc.put("merged_examples", id.merged().entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(EXAMPLES)
        .map(e -> Map.of("id", e.getKey(), "merged_into", e.getValue())).toList());
    doc.put("unknown_customers", id.unknownCustomers());
    doc.put("unknown_customer_examples", id.unknownExamples());
    return doc;
  }

  private static final int EXAMPLES = 10;

  /**
   * Loads and initialises the JSON and report code on a background thread while the run reads its files: cold, they
   * cost about a second at the very end of every run (measured on a 3-row file: quality.json 0.6 s, report 0.4 s).
   */
  static void warmUp() {
    Thread t = new Thread(() -> {
      try {
        FileQuality sample = new FileQuality("f", "k", "UTF-8", ",", Map.of("a", "b"), 1, 1, 0, Map.of("r", 1L), 0, 0,
            List.of(1L), 0, List.of("w"));
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

  static Map<String, Long> tierCounts(RunResult result) {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<TierRule> tiers = result.model().tiers();
    long[] n = new long[tiers.size()];
    ScoredCustomers s = result.customers();
    for (int i = 0; i < s.size; i++) n[s.tier[i]]++;
    for (int t = 0; t < tiers.size(); t++) counts.put(tiers.get(t).id(), n[t]);
    return counts;
  }

  static void summary(RunResult result, Path out, Locale locale, PrintWriter w) {
    boolean zh = locale.getLanguage().equals("zh");
    ScoredCustomers s = result.customers();
    w.printf("%s %d %s (%d %s), as of %s%n", zh ? "已评分" : "scored", s.size, zh ? "位客户" : "customers",
        s.purchasers, zh ? "位有购买" : "with purchases", result.asOf());
    Map<String, Long> counts = tierCounts(result);
    for (TierRule t : result.model().tiers()) {
      w.printf("  %-12s %-16s %,d%n", t.id(), t.name(zh), counts.get(t.id()));
    }
    result.quality().forEach(q -> w.printf("%s: %,d rows, %,d accepted, %,d rejected%s%n", q.file(), q.rowsRead(),
        q.rowsAccepted(), q.rowsRejected(), q.rowsAfterAsOf() > 0 ? ", " + q.rowsAfterAsOf() + " after as-of" : ""));
    result.notes().forEach(n -> w.println("note: " + n));
    w.println((zh ? "结果：" : "results: ") + out.toAbsolutePath());
    w.flush();
  }
}
