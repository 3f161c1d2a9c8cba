package strata.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import strata.i18n.Note;
import strata.identity.IdMerges;
import strata.identity.IdentityReport;
import strata.intake.FileQuality;
import strata.run.CustomersCsv;
import strata.run.PartScoring;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.scoring.ValueCounts;
import strata.summary.CustomerSummary;
import strata.summary.PurchaseColumns;
import strata.summary.SummaryTable;
import strata.tier.TierModel;

/**
 * The merged customers scored where they are ({@link PartScoring}): each partition counts its buyers, the driver
 * merges the counts (a few entries per distinct value, the fits' sample) into the run's context and sends it to every
 * partition, which scores its buyers with core's code and writes their rows. The driver never holds the customers.
 */
final class ScoringInParts {
  private ScoringInParts() {}

  /** The model text each executor compiles once (compiling the tier conditions takes about half a second). */
  private static final Map<String, TierModel> MODELS = new ConcurrentHashMap<>();

  /** The model and its text, which is what reaches the executors (a compiled model is not serializable). */
  record Model(String yaml, String name) implements java.io.Serializable {
    TierModel compiled() {
      return MODELS.computeIfAbsent(name + "\n" + yaml, k -> TierModel.parse(yaml, name));
    }
  }

  /**
   * Where the customers go: customers.csv on the driver's disk, the parts' folder is made in {@code work} (a folder
   * of any file system the whole cluster writes), and the Parquet at {@code parquet} (null: none).
   */
  record Out(SparkSession spark, Path customersCsv, String work, String parquet) {}

  /** What the job reports: quality.json's document; customers.csv (and the Parquet, when asked for) is written. */
  record Outcome(Map<String, Object> quality, long customers) {}

  /**
   * @param merged the run's buyers, merged by customer id, with where each first appeared
   * @param out where customers.csv and the Parquet go
   */
  static Outcome score(JavaRDD<FirstSeen> merged, RunInputs in, Model model, java.time.LocalDate asOf, int splitDay,
      List<FileQuality> quality, Out out, Locale locale) throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(merged.context());
    // In the file's order, so that the parts' rows put together are in the single-machine run's order and the fits'
    // evenly spread samples pick the same buyers.
    JavaRDD<CustomerSummary> buyers = merged.sortBy(FirstSeen::firstRow, true, merged.getNumPartitions())
        .map(FirstSeen::summary).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return score(jsc, buyers, in, model, asOf, splitDay, quality, out, locale);
    } finally {
      buyers.unpersist(false);
    }
  }

  private static Outcome score(JavaSparkContext jsc, JavaRDD<CustomerSummary> buyers, RunInputs in, Model model,
      java.time.LocalDate asOf, int splitDay, List<FileQuality> quality, Out out, Locale locale)
      throws IOException {
    int asOfDay = (int) asOf.toEpochDay();
    List<long[]> sizes = new ArrayList<>(buyers.mapPartitionsWithIndex((k, it) -> {
      long n = 0;
      long upToSplit = 0;
      while (it.hasNext()) {
        int[] days = it.next().purchaseDays();
        n++;
        if (splitDay >= 0 && days[0] <= splitDay) upToSplit++;
      }
      return List.of(new long[] {k, n, upToSplit}).iterator();
    }, true).collect());
    sizes.sort(java.util.Comparator.comparingLong(s -> s[0]));
    long[][] offsets = new long[sizes.size()][2];
    long total = 0;
    long totalUpToSplit = 0;
    for (long[] s : sizes) {
      offsets[(int) s[0]] = new long[] {total, totalUpToSplit};
      total += s[1];
      totalUpToSplit += s[2];
    }
    long buyersTotal = total;
    long upToSplitTotal = totalUpToSplit;
    Broadcast<long[][]> at = jsc.broadcast(offsets);
    PartScoring.Counts counts = buyers.mapPartitionsWithIndex((k, it) -> {
      PurchaseColumns part = columns(it, splitDay);
      return List.of(PartScoring.counts(part, positions(part, at.value()[k], buyersTotal, upToSplitTotal),
          asOfDay)).iterator();
    }, true).treeReduce(PartScoring.Counts::merge);
    TierModel tiers = model.compiled();
    List<Note> notes = new ArrayList<>();
    IdentityReport identity = PartScoring.identity(in, caseVariants(buyers), notes);

    PartScoring.Context first = PartScoring.Context.of(counts, tiers, StandardCharsets.UTF_8, asOfDay, splitDay);
    Broadcast<PartScoring.Context> c1 = jsc.broadcast(first);
    PartScoring.InputCounts inputs = buyers.mapPartitions(it -> List.of(PartScoring.inputCounts(columns(it, splitDay),
        c1.value(), model.compiled())).iterator()).treeReduce(PartScoring.InputCounts::merge);
    Broadcast<PartScoring.Context> c2 = jsc.broadcast(first.withInputs(inputs));
    ValueCounts potentials = buyers.mapPartitions(it -> List.of(PartScoring.potentialCounts(columns(it, splitDay),
        c2.value(), model.compiled())).iterator()).treeReduce(ValueCounts::merge);
    PartScoring.Context context = c2.value().withPotentials(potentials, tiers);
    Broadcast<PartScoring.Context> c3 = jsc.broadcast(context);

    // Rows are written by the tasks to a folder the cluster shares, then put together in partition order by
    // streaming: the driver holds one buffer, not the customers.
    String lang = locale.toLanguageTag();
    boolean facts = out.parquet() != null;
    int count = sizes.size();
    List<long[]> tierCounts = new ArrayList<>();
    try (PartsOutput parts = PartsOutput.in(out.work(), jsc.hadoopConfiguration())) {
      List<Done> done = buyers.mapPartitionsWithIndex((k, it) -> {
        PurchaseColumns part = columns(it, splitDay);
        RunResult scored = PartScoring.score(part, c3.value(), model.compiled(), 1, List.of());
        var columns = parts.write(k, file -> CustomersCsv.write(scored, file, Locale.forLanguageTag(lang)), facts);
        long[] n = new long[scored.model().tiers().size()];
        for (byte t : scored.customers().tier) n[t]++;
        return List.of(new Done(n, columns)).iterator();
      }, true).collect();
      done.forEach(d -> tierCounts.add(d.tiers()));
      if (facts) {
        CustomersParquet.Columns columns = done.stream().map(Done::columns).reduce(CustomersParquet.Columns::merge)
            .orElseThrow();
        parts.parquet(out.spark(), count, columns, out.parquet());
      }
      parts.concatenate(count, out.customersCsv());
    }
    Map<String, Long> byTier = new LinkedHashMap<>();
    for (int t = 0; t < tiers.tiers().size(); t++) {
      long sum = 0;
      for (long[] n : tierCounts) sum += n[t];
      byTier.put(tiers.tiers().get(t).id(), sum);
    }
    notes.addAll(context.notes(tiers));
    return new Outcome(strata.run.QualityDocument.of(asOf, tiers, buyersTotal, byTier, quality, identity, notes),
        buyersTotal);
  }

  private static PurchaseColumns columns(Iterator<CustomerSummary> it, int splitDay) {
    List<CustomerSummary> summaries = new ArrayList<>();
    it.forEachRemaining(summaries::add);
    return SummaryTable.of(summaries).freeze(splitDay);
  }

  private static PartScoring.Positions positions(PurchaseColumns part, long[] offset, long buyers, long upToSplit) {
    long[] index = new long[part.size];
    long[] indexUpToSplit = new long[part.size];
    long next = offset[1];
    for (int i = 0; i < part.size; i++) {
      index[i] = offset[0] + i;
      indexUpToSplit[i] = part.daysUpToSplit != null && part.daysUpToSplit[i] > 0 ? next++ : -1;
    }
    return new PartScoring.Positions(index, indexUpToSplit, buyers, upToSplit);
  }

  /**
   * The groups of ids that differ only by case, as core finds them among every buyer's id: the cluster finds the
   * folded hashes that repeat (few), and core groups the ids that have them, in the file's order.
   */
  private static List<List<String>> caseVariants(JavaRDD<CustomerSummary> buyers) {
    List<Long> repeated = buyers.map(CustomerSummary::customerId).filter(IdMerges::hasCase)
        .mapToPair(id -> new scala.Tuple2<>(IdMerges.foldedHash(id), 1L)).reduceByKey(Long::sum)
        .filter(t -> t._2() > 1).keys().collect();
    if (repeated.isEmpty()) return List.of();
    java.util.Set<Long> hashes = new java.util.HashSet<>(repeated);
    List<String> ids = buyers.map(CustomerSummary::customerId)
        .filter(id -> IdMerges.hasCase(id) && hashes.contains(IdMerges.foldedHash(id))).collect();
    return IdMerges.caseVariants(ids);
  }

  /** A part's count of customers per tier, and its columns' facts (null when no Parquet is written). */
  private record Done(long[] tiers, CustomersParquet.Columns columns) implements java.io.Serializable {}
}
