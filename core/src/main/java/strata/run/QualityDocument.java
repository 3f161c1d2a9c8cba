package strata.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import strata.identity.IdentityReport;
import strata.intake.FileQuality;
import strata.tier.TierRule;

/**
 * The content of a run's {@code quality.json} as plain maps and lists (any JSON writer with snake_case names renders
 * it), so every engine writes the same document.
 */
public final class QualityDocument {
  private QualityDocument() {}

  private static final int EXAMPLES = 10;

  public static Map<String, Object> of(RunResult result) {
    Map<String, Object> doc = head(result.asOf(), result.model(), result.customers().size,
        result.customers().purchasers, tierCounts(result), result.quality(), result.identity());
    if (result.customers().churn != null) doc.put("churn", PredictionsDocument.churn(result.customers().churn));
    if (result.customers().clusters != null) {
      doc.put("clusters", PredictionsDocument.clusters(result.customers().clusters));
    }
    // The same document from every engine, whatever its --lang: text in English, code and args for any other language.
    doc.put("notes", notes(result.notes(), java.util.Locale.ENGLISH));
    return doc;
  }

  /**
   * The document of a run scored in parts ({@link PartScoring}), from its counts.
   *
   * @param customers buyers and prospects
   * @param tiers customers per tier id, in the model's tier order
   * @param clusters the run's clusters ({@link PartContext#clusters}), null when it computed none
   */
  public static Map<String, Object> of(java.time.LocalDate asOf, strata.tier.TierModel model, long customers,
      long purchasers, Map<String, Long> tiers, List<FileQuality> quality, IdentityReport identity,
      strata.cluster.ClusterAnalysis.Result clusters, List<strata.i18n.Note> notes) {
    Map<String, Object> doc = head(asOf, model, customers, purchasers, tiers, quality, identity);
    if (clusters != null) doc.put("clusters", PredictionsDocument.clusters(clusters));
    doc.put("notes", notes(notes, java.util.Locale.ENGLISH));
    return doc;
  }

  private static Map<String, Object> head(java.time.LocalDate asOf, strata.tier.TierModel model, long customers,
      long purchasers, Map<String, Long> tiers, List<FileQuality> quality, IdentityReport identity) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("as_of", asOf.toString());
    doc.put("model", model.name());
    doc.put("customers", customers);
    doc.put("purchasers", purchasers);
    doc.put("tiers", tiers);
    doc.put("files", quality.stream().map(QualityDocument::file).toList());
    doc.put("identity", identity(identity));
    return doc;
  }

  /**
   * One file's quality, its keys as the record's components in snake_case; warnings as notes ({@code code},
   * {@code args}, English {@code text}) like the run's.
   */
  static Map<String, Object> file(FileQuality q) {
    Map<String, Object> doc = ordered("file", q.file(), "kind", q.kind(), "encoding", q.encoding(), "delimiter",
        q.delimiter(), "columns", q.columns(), "rows_read", q.rowsRead(), "rows_accepted", q.rowsAccepted(),
        "rows_rejected", q.rowsRejected(), "rejected_by_reason", q.rejectedByReason(), "rows_after_as_of",
        q.rowsAfterAsOf(), "duplicate_rows", q.duplicateRows(), "duplicate_lines", q.duplicateLines(),
        "amounts_rounded", q.amountsRounded());
    doc.put("warnings", notes(q.warnings(), java.util.Locale.ENGLISH));
    doc.put("amount_outliers", q.amountOutliers());
    return doc;
  }

  /** Customers per tier id, in the model's tier order. */
  public static Map<String, Long> tierCounts(RunResult result) {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<TierRule> tiers = result.model().tiers();
    long[] n = new long[tiers.size()];
    ScoredCustomers s = result.customers();
    for (int i = 0; i < s.size; i++) n[s.tier[i]]++;
    for (int t = 0; t < tiers.size(); t++) counts.put(tiers.get(t).id(), n[t]);
    return counts;
  }

  /** Counts and the first few examples; every candidate pair is in duplicates.csv. */
  static Map<String, Object> identity(IdentityReport id) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("duplicate_candidates", id.candidates().size());
    doc.put("duplicate_examples", id.candidates().subList(0, Math.min(EXAMPLES, id.candidates().size())).stream()
        .map(p -> ordered("id_a", p.idA(), "id_b", p.idB(), "score", p.score(), "reasons", p.reasonCodes()))
        .toList());
    doc.put("common_keys", id.commonKeys().stream().map(k -> ordered("reason", k.reason().code(), "customers",
        k.customers(), "example_ids", k.exampleIds())).toList());
    doc.put("case_variant_groups", id.caseVariants().size());
    doc.put("case_variant_examples", id.caseVariants().subList(0, Math.min(EXAMPLES, id.caseVariants().size())));
    doc.put("case_ids_merged", id.caseIdsMerged());
    doc.put("merged_ids", id.merged().size());
    doc.put("merged_examples", id.merged().entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(EXAMPLES)
        .map(e -> ordered("id", e.getKey(), "merged_into", e.getValue())).toList());
    doc.put("unknown_customers", id.unknownCustomers());
    doc.put("unknown_customer_examples", id.unknownExamples());
    return doc;
  }

  /**
   * Keys in the order given. Map.of's order depends on a seed drawn at each JVM start, so quality.json's examples came
   * out with their keys in a different order from run to run (seen comparing runs byte for byte, bench/README.md).
   */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }

  /**
   * Notes for machines: the stable code, its arguments, the text in {@code locale} and the note's reason as such a
   * note, if any.
   */
  public static List<Map<String, Object>> notes(List<strata.i18n.Note> notes, java.util.Locale locale) {
    return notes.stream().map(n -> note(n, locale)).toList();
  }

  private static Map<String, Object> note(strata.i18n.Note n, java.util.Locale locale) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", n.code());
    out.put("args", n.args());
    out.put("text", n.text(locale));
    if (n.because() != null) out.put("because", note(n.because(), locale));
    return out;
  }
}
