package strata.spark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import strata.identity.IdMerges;
import strata.identity.UnknownPurchasers;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.run.PartScoring;
import strata.run.PartSide;
import strata.run.ScoringRun;
import strata.summary.PurchaseColumns;
import strata.summary.SummaryTable;

/**
 * The side files' entries joined with the parts of their buyers, and the prospects as parts of their own
 * ({@link PartSide}), with what the run's identity report needs of every buyer. The buyers' ids go to the partition
 * of their id folded to lower case, where the driver sends the entries of the same partition in batches, so that
 * an id meets its entry and the ids that differ from it only by case in one place; the entries then go to their
 * buyers' parts in batches. No machine holds every buyer. The entries are read on the driver by core's readers (same
 * columns, encodings and reject reasons as {@code strata score}), so the driver holds the side files, never the
 * buyers.
 */
final class SideJoin {
  private SideJoin() {}

  /**
   * Entries per batch the driver sends: a slice of a parallelized list travels inside its task, and a task must stay
   * well under Spark's message limit (spark.rpc.message.maxSize, 128 MiB); 100,000 profiles are some 15 MB.
   */
  private static final int BATCH = 100_000;

  /** Prospects per part of their own, at most. */
  private static final long PROSPECTS_PER_PART = 200_000;

  /** A part's buyers and what the side files say of them, or a part of prospects (no buyers). */
  record Part(PurchaseColumns columns, PartSide side) implements java.io.Serializable {}

  /**
   * The parts joined: the buyers' parts in their order, then the prospects' in the customers file's order.
   *
   * @param unknownPurchasers buyers without a profile (none without a customers file)
   * @param unknownEngagement interactions' and answers' ids that are neither a buyer nor a prospect
   * @param caseVariants the groups of ids that differ only by case, as core finds them (empty unless asked for)
   */
  record Joined(JavaRDD<Part> parts, UnknownPurchasers unknownPurchasers, long unknownEngagement,
      List<List<String>> caseVariants) {}

  /** What the side files say of one id: its profile (null: none) and place in the customers file, its engagement. */
  record Entry(String id, CustomerProfile profile, long order, Engagement engagement)
      implements java.io.Serializable {}

  /** A buyer: its id and place (part in the upper half, index in the part in the lower). */
  private record Buyer(String id, long at) implements java.io.Serializable {}

  /** The buyers and entries whose folded ids fall in one partition of the join. */
  private record Bucket(List<Buyer> buyers, Map<String, Entry> entries) implements java.io.Serializable {
    /** The buyer's entry, null when the side files do not name it. */
    Entry of(Buyer b) {
      return entries.get(b.id());
    }

    /** The entries of ids no buyer of the bucket has: prospects, late profiles, engagement nobody matches. */
    java.util.stream.Stream<Entry> unbought() {
      Set<String> bought = new HashSet<>();
      for (Buyer b : buyers) bought.add(b.id());
      return entries.values().stream().filter(e -> !bought.contains(e.id()));
    }
  }

  /**
   * @param parts the buyers' parts, in order (persisted by the caller)
   * @param side the side files by surviving id ({@link PartScoring#merged})
   * @param listed the customers file's ids resolved by the accepted merges, once each, in the file's order (empty
   *     without a customers file); null: the case groups are not asked for
   * @param kept receives the RDDs persisted here, which the caller unpersists
   */
  static Joined of(JavaSparkContext jsc, JavaRDD<PurchaseColumns> parts, ScoringRun.Side side, List<String> listed,
      LocalDate asOf, int splitDay, List<RDD<?>> kept) {
    return of(jsc, parts, side, listed, asOf, splitDay, kept, BATCH);
  }

  /** As above, the driver's entries sent in batches of at most {@code batch}. */
  static Joined of(JavaSparkContext jsc, JavaRDD<PurchaseColumns> parts, ScoringRun.Side side, List<String> listed,
      LocalDate asOf, int splitDay, List<RDD<?>> kept, int batch) {
    boolean withProfiles = side.profiles() != null;
    if (!withProfiles && side.engagement().isEmpty()) {
      return new Joined(parts.map(p -> new Part(p, PartSide.NONE)), new UnknownPurchasers(0, List.of()), 0,
          listed == null ? List.of() : buyersCaseVariants(parts));
    }
    int n = parts.getNumPartitions();
    HashPartitioner byFoldedId = new HashPartitioner(n);
    // The buyers go to the partition of their folded id; the entries are sent there from the driver in batches.
    JavaPairRDD<Long, Buyer> buyers = parts.mapPartitionsWithIndex((k, it) -> {
      PurchaseColumns part = it.next();
      List<Tuple2<Long, Buyer>> ids = new ArrayList<>(part.size);
      for (int i = 0; i < part.size; i++) {
        String id = part.customerId(i, StandardCharsets.UTF_8);
        ids.add(new Tuple2<>(IdMerges.foldedHash(id), new Buyer(id, ((long) k << 32) | i)));
      }
      return ids.iterator();
    }, true).mapToPair(t -> t).partitionBy(byFoldedId);
    JavaRDD<Bucket> buckets = buyers.zipPartitions(entries(jsc, side, byFoldedId, batch), (mine, batches) -> {
      List<Buyer> list = new ArrayList<>();
      mine.forEachRemaining(t -> list.add(t._2()));
      Map<String, Entry> byId = new HashMap<>();
      batches.forEachRemaining(b -> EntryWire.read(b).forEach(e -> byId.put(e.id(), e)));
      return List.of(new Bucket(list, byId)).iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(buckets.rdd());

    // What the identity report and the prospects' parts need, from each bucket in one pass.
    List<Facts> facts = buckets.map(b -> Facts.of(b, asOf, listed != null)).collect();
    List<List<String>> caseVariants = listed == null ? List.of() : caseVariants(facts, listed);

    // Each entry of a buyer goes to the buyer's part (partition k of a HashPartitioner(n) holds key k), in batches.
    JavaPairRDD<Integer, byte[]> routed = buckets.flatMapToPair(b -> {
      Map<Integer, List<Entry>> byPart = new HashMap<>();
      for (Buyer buyer : b.buyers()) {
        Entry entry = b.of(buyer);
        if (entry != null) byPart.computeIfAbsent((int) (buyer.at() >>> 32), k -> new ArrayList<>()).add(entry);
      }
      List<Tuple2<Integer, byte[]>> out = new ArrayList<>(byPart.size());
      byPart.forEach((k, entries) -> out.add(new Tuple2<>(k, EntryWire.write(entries))));
      return out.iterator();
    }).partitionBy(new HashPartitioner(n));
    JavaRDD<Part> buyerParts = parts.zipPartitions(routed, (columns, mine) -> {
      PurchaseColumns part = columns.next();
      Map<String, CustomerProfile> profiles = withProfiles ? new HashMap<>() : null;
      Map<String, Engagement> engagement = new HashMap<>();
      mine.forEachRemaining(t -> {
        for (Entry e : EntryWire.read(t._2())) {
          if (e.profile() != null) profiles.put(e.id(), e.profile());
          if (e.engagement() != null) engagement.put(e.id(), e.engagement());
        }
      });
      return List.of(new Part(part, PartSide.of(part, StandardCharsets.UTF_8, profiles, engagement, asOf)))
          .iterator();
    });

    // The entries without a buyer: prospects (listed, created by the as-of day), or engagement nobody matches.
    JavaPairRDD<Long, Entry> prospects = buckets.flatMap(b -> b.unbought().filter(e -> prospect(e, asOf)).iterator())
        .keyBy(Entry::order);
    long prospectCount = facts.stream().mapToLong(Facts::prospects).sum();
    long unknownEngagement = facts.stream().mapToLong(Facts::unknownEngagement).sum();
    JavaRDD<Part> all = buyerParts;
    if (prospectCount > 0) {
      int partsOfProspects = (int) Math.min(n, (prospectCount + PROSPECTS_PER_PART - 1) / PROSPECTS_PER_PART);
      PurchaseColumns none = SummaryTable.of(List.of()).freeze(splitDay);
      all = buyerParts.union(prospects.sortByKey(true, partsOfProspects).mapPartitions(it -> {
        Map<String, CustomerProfile> profiles = new LinkedHashMap<>(); // the customers file's order
        Map<String, Engagement> engagement = new HashMap<>();
        it.forEachRemaining(t -> {
          profiles.put(t._2().id(), t._2().profile());
          if (t._2().engagement() != null) engagement.put(t._2().id(), t._2().engagement());
        });
        return List.of(new Part(none, PartSide.of(none, StandardCharsets.UTF_8, profiles, engagement, asOf)))
            .iterator();
      }, true));
    }
    UnknownPurchasers unknown = new UnknownPurchasers(0, List.of());
    if (withProfiles) {
      unknown = new UnknownPurchasers(facts.stream().mapToLong(Facts::missing).sum(), facts.stream()
          .flatMap(f -> f.firstMissing().stream()).sorted(InOrder.INSTANCE).limit(PartScoring.EXAMPLES)
          .map(Buyer::id).toList());
    }
    return new Joined(all, unknown, unknownEngagement, caseVariants);
  }

  /**
   * The groups of ids that differ only by case among the listed ids and the buyers' (core's universe: the customers
   * file's ids first, then every other buyer in order), from each bucket's ids that share a folded hash (few), which
   * the driver orders so and lets core group (a shared hash is no proof: core compares the text).
   */
  private static List<List<String>> caseVariants(List<Facts> facts, List<String> listed) {
    List<Buyer> candidates = facts.stream().flatMap(f -> f.caseCandidates().stream()).toList();
    if (candidates.isEmpty()) return List.of();
    Set<String> ids = new HashSet<>();
    candidates.forEach(c -> ids.add(c.id()));
    return PartScoring.caseVariants(listed.stream().filter(ids::contains).toList(),
        candidates.stream().filter(c -> c.at() >= 0).sorted(InOrder.INSTANCE).map(Buyer::id).toList());
  }

  /**
   * A bucket's counts: its prospects, its engagement of ids nobody lists or buys, its buyers without a profile and
   * the first {@link PartScoring#EXAMPLES} of them, and its ids that share a folded hash with another (listed ones
   * marked by place -1).
   */
  private record Facts(long prospects, long unknownEngagement, long missing, List<Buyer> firstMissing,
      List<Buyer> caseCandidates) implements java.io.Serializable {
    static Facts of(Bucket b, LocalDate asOf, boolean byCase) {
      long missing = 0;
      // The first examples in order: a heap of the smallest places so far, its largest on top.
      java.util.PriorityQueue<Buyer> first = new java.util.PriorityQueue<>(InOrder.INSTANCE.reversed());
      for (Buyer buyer : b.buyers()) {
        Entry e = b.of(buyer);
        if (e == null || e.profile() == null) {
          missing++;
          first.add(buyer);
          if (first.size() > PartScoring.EXAMPLES) first.poll();
        }
      }
      List<Buyer> firstMissing = new ArrayList<>(first);
      firstMissing.sort(InOrder.INSTANCE);
      long prospects = 0;
      long unknown = 0;
      for (Entry e : (Iterable<Entry>) b.unbought()::iterator) {
        if (prospect(e, asOf)) prospects++;
        else if (e.engagement() != null) unknown++;
      }
      return new Facts(prospects, unknown, missing, firstMissing, byCase ? caseCandidates(b) : List.of());
    }

    private static List<Buyer> caseCandidates(Bucket b) {
      Map<Long, Map<String, Buyer>> byHash = new HashMap<>();
      for (Entry e : b.entries().values()) {
        if (e.profile() != null && IdMerges.hasCase(e.id())) {
          byHash.computeIfAbsent(IdMerges.foldedHash(e.id()), h -> new LinkedHashMap<>())
              .putIfAbsent(e.id(), new Buyer(e.id(), -1));
        }
      }
      for (Buyer buyer : b.buyers()) {
        if (IdMerges.hasCase(buyer.id())) {
          byHash.computeIfAbsent(IdMerges.foldedHash(buyer.id()), h -> new LinkedHashMap<>())
              .merge(buyer.id(), buyer, (listedToo, bought) -> listedToo);
        }
      }
      List<Buyer> out = new ArrayList<>();
      byHash.values().stream().filter(ids -> ids.size() > 1).forEach(ids -> out.addAll(ids.values()));
      return out;
    }
  }

  /**
   * The groups of ids that differ only by case among the buyers alone (no customers file): the cluster finds the
   * folded hashes that repeat (few), and core groups the ids that have them, in the buyers' order.
   */
  private static List<List<String>> buyersCaseVariants(JavaRDD<PurchaseColumns> parts) {
    JavaRDD<String> ids = parts.flatMap(part -> java.util.stream.IntStream.range(0, part.size)
        .mapToObj(i -> part.customerId(i, StandardCharsets.UTF_8)).iterator());
    List<Long> repeated = ids.filter(IdMerges::hasCase)
        .mapToPair(id -> new Tuple2<>(IdMerges.foldedHash(id), 1L)).reduceByKey(Long::sum)
        .filter(t -> t._2() > 1).keys().collect();
    if (repeated.isEmpty()) return List.of();
    Set<Long> hashes = new HashSet<>(repeated);
    return IdMerges.caseVariants(
        ids.filter(id -> IdMerges.hasCase(id) && hashes.contains(IdMerges.foldedHash(id))).collect());
  }

  /**
   * The side files' entries, partition {@code i} holding the batches of those whose folded id {@code by} puts there.
   */
  private static JavaRDD<byte[]> entries(JavaSparkContext jsc, ScoringRun.Side side, HashPartitioner by,
      int batch) {
    int n = by.numPartitions();
    List<List<Entry>> buckets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) buckets.add(new ArrayList<>());
    java.util.function.Consumer<Entry> add = e -> buckets.get(by.getPartition(IdMerges.foldedHash(e.id()))).add(e);
    Map<String, Engagement> engagement = side.engagement();
    if (side.profiles() != null) {
      long order = 0;
      for (var e : side.profiles().entrySet()) {
        add.accept(new Entry(e.getKey(), e.getValue(), order++, engagement.get(e.getKey())));
      }
    }
    for (var e : engagement.entrySet()) {
      if (side.profiles() == null || !side.profiles().containsKey(e.getKey())) {
        add.accept(new Entry(e.getKey(), null, -1, e.getValue()));
      }
    }
    List<Tuple2<Integer, byte[]>> batches = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Entry> bucket = buckets.get(i);
      for (int from = 0; from < bucket.size(); from += batch) {
        batches.add(new Tuple2<>(i, EntryWire.write(bucket.subList(from, Math.min(bucket.size(), from + batch)))));
      }
    }
    // One batch a slice, each then sent to its partition (key i is partition i of a HashPartitioner(n)).
    return jsc.parallelizePairs(batches, Math.max(1, batches.size())).partitionBy(new HashPartitioner(n)).values();
  }

  private static boolean prospect(Entry e, LocalDate asOf) {
    return e.profile() != null && PartSide.prospect(e.profile(), asOf);
  }

  /** Buyers in their order: by part, then by place in the part. */
  private enum InOrder implements Comparator<Buyer>, java.io.Serializable {
    INSTANCE;

    @Override
    public int compare(Buyer a, Buyer b) {
      return Long.compare(a.at(), b.at());
    }
  }
}
