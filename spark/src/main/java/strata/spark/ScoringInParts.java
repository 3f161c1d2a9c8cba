package strata.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import strata.cluster.ClusterAnalysis;
import strata.cluster.ClusterTally;
import strata.i18n.Note;
import strata.identity.IdMerges;
import strata.identity.IdentityReport;
import strata.intake.AmountOutliers;
import strata.intake.FileQuality;
import strata.run.CustomersCsv;
import strata.run.InputCounts;
import strata.run.OutlierTiers;
import strata.run.PartContext;
import strata.run.PartCounts;
import strata.run.PartScoring;
import strata.run.Predictions;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.run.ScoredCustomers;
import strata.run.ScoredPart;
import strata.run.ScoringRun;
import strata.scoring.ValueCounts;
import strata.summary.CustomerSummary;
import strata.summary.PurchaseColumns;
import strata.summary.SummaryTable;
import strata.tier.TierModel;
import scala.Tuple2;

/**
 * The merged customers scored where they are ({@link PartScoring}): each partition counts its buyers, the driver
 * merges the counts (a few entries per distinct value, the fits' sample) into the run's context and sends it to every
 * partition, which scores its buyers with core's code and writes their rows. The driver never holds the customers.
 */
final class ScoringInParts {
  private ScoringInParts() {}

  /** The accumulator counting the parts scored with the first context: one per partition unless a task is re-run. */
  static final String PARTS_SCORED = "strata: parts scored";

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

  /**
   * What the job reports: quality.json's document, each file's quality and the customers scored (buyers and
   * prospects); customers.csv (and the Parquet, when asked for) is written.
   */
  record Outcome(Map<String, Object> quality, List<FileQuality> files, long customers) {}

  /**
   * The other way of a run with outlier amounts (left out when the run keeps them, kept when it leaves them out): its
   * buyers, merged as the run's are, and the split day of their read. The run scores them too and counts the customers
   * whose tier differs (quality.json's amount outliers, and a note), as the single-machine run does.
   */
  record OtherWay(JavaRDD<FirstSeen> merged, int splitDay) {}

  /**
   * @param merged the run's buyers, merged by customer id, with where each first appeared
   * @param side the side files as read ({@link ScoringRun#side}; their quality is in {@code quality})
   * @param other null when the run has no outlier amounts
   * @param predictions the predictions asked for: clusters ({@link PartScoring#applies} refuses the others)
   * @param out where customers.csv and the Parquet go
   */
  static Outcome score(JavaRDD<FirstSeen> merged, RunInputs in, ScoringRun.Side side, Model model, LocalDate asOf,
      int splitDay, List<FileQuality> quality, OtherWay other, Predictions predictions, Out out, Locale locale)
      throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(merged.context());
    ScoringRun.Side joinedSide = PartScoring.merged(side, in);
    TierModel compiled = model.compiled();
    List<RDD<?>> kept = new ArrayList<>();
    try {
      JavaPairRDD<String, Byte> otherTiers = null;
      if (other != null) {
        // The other way first, down to each customer's tier: only those are kept while the run's way is scored.
        JavaRDD<PurchaseColumns> columns = parts(other.merged(), other.splitDay(), kept);
        // As the single-machine run's other way, which computes clusters only when the tiers read them.
        Ranked ranked = rank(jsc, joined(jsc, columns, joinedSide, null, asOf, other.splitDay(), kept).parts(),
            kept, model, asOf, other.splitDay(), Predictions.NONE.clustersFor(compiled));
        otherTiers = tiers(ranked, model).persist(StorageLevel.MEMORY_AND_DISK_SER());
        kept.add(otherTiers.rdd());
        otherTiers.count();
        ranked.parts().unpersist(false);
      }
      JavaRDD<PurchaseColumns> parts = parts(merged, splitDay, kept);
      SideJoin.Joined joined = joined(jsc, parts, joinedSide, PartScoring.listed(side.profiles(), in), asOf, splitDay,
          kept);
      List<Note> notes = new ArrayList<>();
      IdentityReport identity = PartScoring.identity(in, side.profiles(), joined.caseVariants(),
          joined.unknownPurchasers(), notes);
      PartScoring.unknownEngagement(joined.unknownEngagement(), notes);
      Ranked ranked = rank(jsc, joined.parts(), kept, model, asOf, splitDay, predictions.clustersFor(compiled));
      Note changed = null;
      if (otherTiers != null) {
        FileQuality transactions = quality.get(0);
        AmountOutliers o = compare(tiers(ranked, model), otherTiers, transactions.amountOutliers(), model.compiled());
        quality = new ArrayList<>(quality);
        quality.set(0, transactions.withAmountOutliers(o));
        changed = OutlierTiers.note(o);
        otherTiers.unpersist(false);
      }
      Written written = write(jsc, ranked, model, out, locale);
      notes.addAll(ranked.context().value().notes(compiled));
      if (changed != null) notes.add(changed);
      return new Outcome(strata.run.QualityDocument.of(asOf, compiled, ranked.customers(), ranked.buyers(),
          written.byTier(), quality, identity, written.clusters(), notes), quality, ranked.customers());
    } finally {
      kept.forEach(rdd -> rdd.unpersist(false));
    }
  }

  /**
   * A partition's buyers as one part's columns, which are several times smaller than its summaries; in the file's
   * order, so that the parts' rows put together are in the single-machine run's order and the fits' evenly spread
   * samples pick the same buyers.
   *
   * @param kept receives the RDDs persisted here, which the caller unpersists
   */
  private static JavaRDD<PurchaseColumns> parts(JavaRDD<FirstSeen> merged, int splitDay, List<RDD<?>> kept) {
    JavaRDD<PurchaseColumns> parts = merged.sortBy(FirstSeen::firstRow, true, merged.getNumPartitions())
        .map(FirstSeen::summary).mapPartitions(it -> List.of(columns(it, splitDay)).iterator(), true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(parts.rdd());
    return parts;
  }

  /**
   * The parts joined with the side files ({@link SideJoin}), persisted until the run ends.
   *
   * @param kept receives the RDDs persisted here, which the caller unpersists
   */
  private static SideJoin.Joined joined(JavaSparkContext jsc, JavaRDD<PurchaseColumns> columns, ScoringRun.Side side,
      List<String> listed, LocalDate asOf, int splitDay, List<RDD<?>> kept) {
    SideJoin.Joined joined = SideJoin.of(jsc, columns, side, listed, asOf, splitDay, kept);
    JavaRDD<SideJoin.Part> parts = joined.parts().persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(parts.rdd());
    return new SideJoin.Joined(parts, joined.unknownPurchasers(), joined.unknownEngagement(), joined.caseVariants());
  }

  /** The scored parts, in partition order, with the final context and the run's numbers of customers and buyers. */
  private record Ranked(JavaRDD<ScoredPart> parts, Broadcast<PartContext> context, long customers, long buyers) {}

  /**
   * Scores the parts in {@link PartScoring}'s three rounds, up to the final context; the parts' columns are released.
   *
   * @param kept receives the RDDs persisted here, which the caller unpersists
   */
  private static Ranked rank(JavaSparkContext jsc, JavaRDD<SideJoin.Part> parts, List<RDD<?>> kept, Model model,
      LocalDate asOf, int splitDay, boolean clusters) {
    int asOfDay = (int) asOf.toEpochDay();
    List<long[]> sizes = new ArrayList<>(parts.mapPartitionsWithIndex((k, it) -> {
      SideJoin.Part joined = it.next();
      PurchaseColumns part = joined.columns();
      long upToSplit = 0;
      for (int i = 0; i < part.size; i++) {
        if (part.daysUpToSplit != null && part.daysUpToSplit[i] > 0) upToSplit++;
      }
      return List.of(new long[] {k, part.size, upToSplit, joined.side().prospects().length}).iterator();
    }, true).collect());
    sizes.sort(java.util.Comparator.comparingLong(s -> s[0]));
    long[][] offsets = new long[sizes.size()][2];
    long total = 0;
    long totalUpToSplit = 0;
    long prospects = 0;
    for (long[] s : sizes) {
      offsets[(int) s[0]] = new long[] {total, totalUpToSplit};
      total += s[1];
      totalUpToSplit += s[2];
      prospects += s[3];
    }
    long buyersTotal = total;
    long upToSplitTotal = totalUpToSplit;
    Broadcast<long[][]> at = jsc.broadcast(offsets);
    PartCounts counts = parts.mapPartitionsWithIndex((k, it) -> {
      PurchaseColumns part = it.next().columns();
      PartCounts c = PartCounts.of(part, positions(part, at.value()[k], buyersTotal, upToSplitTotal), asOfDay);
      return List.of(clusters ? c.withClusters(part, StandardCharsets.UTF_8, asOfDay) : c).iterator();
    }, true).treeReduce(PartCounts::merge);
    TierModel tiers = model.compiled();

    // Each part is scored once with the first context and kept for the later rounds (recomputing a part's RFM, ABC,
    // lifecycle and CLV in each round is what the rounds would otherwise cost).
    PartContext first = PartContext.of(counts, tiers, StandardCharsets.UTF_8, asOfDay, splitDay);
    Broadcast<PartContext> c1 = jsc.broadcast(first);
    LongAccumulator scoredParts = jsc.sc().longAccumulator(PARTS_SCORED);
    JavaRDD<ScoredPart> scored = parts.map(part -> {
      scoredParts.add(1);
      return ScoredPart.of(part.columns(), part.side(), c1.value(), model.compiled());
    }).persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(scored.rdd());
    InputCounts inputs = scored.map(part -> part.inputCounts(model.compiled())).treeReduce(InputCounts::merge);
    parts.unpersist(false); // the scored parts hold the columns and sides now
    Broadcast<PartContext> c2 = jsc.broadcast(first.withInputs(inputs));
    JavaRDD<ScoredPart> ranked = scored.map(part -> part.withComposite(c2.value(), model.compiled()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(ranked.rdd());
    ValueCounts potentials = ranked.map(ScoredPart::potentialCounts).treeReduce(ValueCounts::merge);
    scored.unpersist(false);
    return new Ranked(ranked, jsc.broadcast(c2.value().withPotentials(potentials, tiers)), buyersTotal + prospects,
        buyersTotal);
  }

  /** Each buyer's tier by id (the tier's index in the model). */
  private static JavaPairRDD<String, Byte> tiers(Ranked ranked, Model model) {
    Broadcast<PartContext> context = ranked.context();
    return ranked.parts().flatMapToPair(part -> {
      ScoredCustomers s = part.score(context.value(), model.compiled(), 1, List.of()).customers();
      List<Tuple2<String, Byte>> out = new ArrayList<>(s.size);
      for (int i = 0; i < s.size; i++) out.add(new Tuple2<>(s.customerId(i), s.tier[i]));
      return out.iterator();
    });
  }

  /** The outliers with the customers whose tier differs between the run ({@code run}) and the other way. */
  private static AmountOutliers compare(JavaPairRDD<String, Byte> run, JavaPairRDD<String, Byte> other,
      AmountOutliers outliers, TierModel model) {
    ArrayList<String> ids = new ArrayList<>(model.tiers().stream().map(strata.tier.TierRule::id).toList());
    return run.fullOuterJoin(other).aggregate(new OutlierTiers.Changes(outliers.excluded()),
        (c, t) -> c.add(t._1(), tier(ids, t._2()._1()), tier(ids, t._2()._2())), OutlierTiers.Changes::merge)
        .applyTo(outliers);
  }

  private static String tier(List<String> ids, org.apache.spark.api.java.Optional<Byte> t) {
    return t.isPresent() ? ids.get(t.get()) : null;
  }

  /**
   * Writes the customers: the tasks write their rows to a folder the cluster shares, then the driver puts them
   * together in partition order by streaming (it holds one buffer, not the customers).
   *
   * @return the customers per tier, and the run's clusters described by all their members
   */
  private static Written write(JavaSparkContext jsc, Ranked ranked, Model model, Out out, Locale locale)
      throws IOException {
    String lang = locale.toLanguageTag();
    boolean facts = out.parquet() != null;
    int count = ranked.parts().getNumPartitions();
    Broadcast<PartContext> context = ranked.context();
    List<long[]> tierCounts = new ArrayList<>();
    ClusterTally clusters = null;
    try (PartsOutput files = PartsOutput.in(out.work(), jsc.hadoopConfiguration())) {
      List<Done> done = ranked.parts().mapPartitionsWithIndex((k, it) -> {
        ScoredPart part = it.next();
        RunResult tiered = part.score(context.value(), model.compiled(), 1, List.of());
        var columns = files.write(k, file -> CustomersCsv.write(tiered, file, Locale.forLanguageTag(lang)), facts);
        long[] n = new long[tiered.model().tiers().size()];
        for (byte t : tiered.customers().tier) n[t]++;
        return List.of(new Done(n, columns, part.clusterTally())).iterator();
      }, true).collect();
      for (Done d : done) {
        tierCounts.add(d.tiers());
        if (d.clusters() != null) clusters = clusters == null ? d.clusters() : clusters.merge(d.clusters());
      }
      if (facts) {
        CustomersParquet.Columns columns = done.stream().map(Done::columns).reduce(CustomersParquet.Columns::merge)
            .orElseThrow();
        files.parquet(out.spark(), count, columns, out.parquet());
      }
      files.concatenate(count, out.customersCsv());
    }
    List<strata.tier.TierRule> tiers = model.compiled().tiers();
    Map<String, Long> byTier = new LinkedHashMap<>();
    for (int t = 0; t < tiers.size(); t++) {
      long sum = 0;
      for (long[] n : tierCounts) sum += n[t];
      byTier.put(tiers.get(t).id(), sum);
    }
    return new Written(byTier, clusters == null ? null : context.value().clusters(clusters));
  }

  /** The customers per tier id, and the run's clusters (null when it computes none). */
  private record Written(Map<String, Long> byTier, ClusterAnalysis.Result clusters) {}

  private static PurchaseColumns columns(Iterator<CustomerSummary> it, int splitDay) {
    List<CustomerSummary> summaries = new ArrayList<>();
    it.forEachRemaining(summaries::add);
    return SummaryTable.of(summaries).freeze(splitDay);
  }

  private static PartCounts.Positions positions(PurchaseColumns part, long[] offset, long buyers, long upToSplit) {
    long[] index = new long[part.size];
    long[] indexUpToSplit = new long[part.size];
    long next = offset[1];
    for (int i = 0; i < part.size; i++) {
      index[i] = offset[0] + i;
      indexUpToSplit[i] = part.daysUpToSplit != null && part.daysUpToSplit[i] > 0 ? next++ : -1;
    }
    return new PartCounts.Positions(index, indexUpToSplit, buyers, upToSplit);
  }

  /**
   * A part's count of customers per tier, its columns' facts (null when no Parquet is written) and its members of each
   * cluster (null without clusters).
   */
  private record Done(long[] tiers, CustomersParquet.Columns columns, ClusterTally clusters)
      implements java.io.Serializable {}
}
