package strata.spark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
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
 * ({@link PartSide}): one cogroup of the buyers' ids with the entries, so that no machine holds every buyer. The
 * entries themselves are read on the driver by core's readers (same columns, encodings and reject reasons as
 * {@code strata score}), so the driver holds the side files, never the buyers.
 */
final class SideJoin {
  private SideJoin() {}

  /** Prospects per part of their own, at most. */
  private static final long PROSPECTS_PER_PART = 200_000;

  /** A part's buyers and what the side files say of them, or a part of prospects (no buyers). */
  record Part(PurchaseColumns columns, PartSide side) implements java.io.Serializable {}

  /**
   * The parts joined: the buyers' parts in their order, then the prospects' in the customers file's order.
   *
   * @param unknownPurchasers buyers without a profile (none without a customers file)
   * @param unknownEngagement interactions' and answers' ids that are neither a buyer nor a prospect
   */
  record Joined(JavaRDD<Part> parts, UnknownPurchasers unknownPurchasers, long unknownEngagement) {}

  /** What the side files say of one id: its profile and place in the customers file, and its engagement. */
  private record Entry(CustomerProfile profile, long order, Engagement engagement) implements java.io.Serializable {}

  /**
   * @param parts the buyers' parts, in order (persisted by the caller)
   * @param side the side files by surviving id ({@link PartScoring#merged})
   * @param kept receives the RDDs persisted here, which the caller unpersists
   */
  static Joined of(JavaSparkContext jsc, JavaRDD<PurchaseColumns> parts, ScoringRun.Side side, LocalDate asOf,
      int splitDay, List<RDD<?>> kept) {
    boolean withProfiles = side.profiles() != null;
    if (!withProfiles && side.engagement().isEmpty()) {
      return new Joined(parts.map(p -> new Part(p, PartSide.NONE)), new UnknownPurchasers(0, List.of()), 0);
    }
    int n = parts.getNumPartitions();
    JavaPairRDD<String, Long> buyers = parts.mapPartitionsWithIndex((k, it) -> {
      PurchaseColumns part = it.next();
      List<Tuple2<String, Long>> ids = new ArrayList<>(part.size);
      for (int i = 0; i < part.size; i++) {
        ids.add(new Tuple2<>(part.customerId(i, StandardCharsets.UTF_8), ((long) k << 32) | i));
      }
      return ids.iterator();
    }, true).mapToPair(t -> t);
    JavaPairRDD<String, Tuple2<Iterable<Long>, Iterable<Entry>>> grouped =
        buyers.cogroup(entries(jsc, side, n), n).persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(grouped.rdd());

    // Each entry of a buyer goes to the buyer's part: partition k of a HashPartitioner(n) holds key k.
    JavaPairRDD<Integer, Tuple2<String, Entry>> routed = grouped.flatMapToPair(g -> {
      List<Tuple2<Integer, Tuple2<String, Entry>>> out = new ArrayList<>(1);
      Long at = first(g._2()._1());
      Entry entry = first(g._2()._2());
      if (at != null && entry != null) out.add(new Tuple2<>((int) (at >>> 32), new Tuple2<>(g._1(), entry)));
      return out.iterator();
    }).partitionBy(new HashPartitioner(n));
    JavaRDD<Part> buyerParts = parts.zipPartitions(routed, (columns, mine) -> {
      PurchaseColumns part = columns.next();
      Map<String, CustomerProfile> profiles = withProfiles ? new HashMap<>() : null;
      Map<String, Engagement> engagement = new HashMap<>();
      mine.forEachRemaining(t -> {
        if (t._2()._2().profile() != null) profiles.put(t._2()._1(), t._2()._2().profile());
        if (t._2()._2().engagement() != null) engagement.put(t._2()._1(), t._2()._2().engagement());
      });
      return List.of(new Part(part, PartSide.of(part, StandardCharsets.UTF_8, profiles, engagement, asOf)))
          .iterator();
    });

    // The entries without a buyer: prospects (listed, created by the as-of day), or engagement nobody matches.
    JavaPairRDD<Long, Tuple2<String, Entry>> prospects = grouped
        .filter(g -> first(g._2()._1()) == null && prospect(first(g._2()._2()), asOf))
        .mapToPair(g -> new Tuple2<>(first(g._2()._2()).order(), new Tuple2<>(g._1(), first(g._2()._2()))));
    long prospectCount = prospects.count();
    long unknownEngagement = grouped.filter(g -> {
      Entry e = first(g._2()._2());
      return first(g._2()._1()) == null && e != null && e.engagement() != null && !prospect(e, asOf);
    }).count();
    JavaRDD<Part> all = buyerParts;
    if (prospectCount > 0) {
      int partsOfProspects = (int) Math.min(n, (prospectCount + PROSPECTS_PER_PART - 1) / PROSPECTS_PER_PART);
      PurchaseColumns none = SummaryTable.of(List.of()).freeze(splitDay);
      all = buyerParts.union(prospects.sortByKey(true, partsOfProspects).mapPartitions(it -> {
        Map<String, CustomerProfile> profiles = new LinkedHashMap<>(); // the customers file's order
        Map<String, Engagement> engagement = new HashMap<>();
        it.forEachRemaining(t -> {
          profiles.put(t._2()._1(), t._2()._2().profile());
          if (t._2()._2().engagement() != null) engagement.put(t._2()._1(), t._2()._2().engagement());
        });
        return List.of(new Part(none, PartSide.of(none, StandardCharsets.UTF_8, profiles, engagement, asOf)))
            .iterator();
      }, true));
    }
    UnknownPurchasers unknown = new UnknownPurchasers(0, List.of());
    if (withProfiles) {
      JavaRDD<Tuple2<Long, String>> missing = grouped.filter(g -> {
        Entry e = first(g._2()._2());
        return first(g._2()._1()) != null && (e == null || e.profile() == null);
      }).map(g -> new Tuple2<>(first(g._2()._1()), g._1()));
      long count = missing.count();
      List<String> examples = missing.takeOrdered(PartScoring.EXAMPLES, ByPosition.INSTANCE).stream()
          .map(Tuple2::_2).toList();
      unknown = new UnknownPurchasers(count, examples);
    }
    return new Joined(all, unknown, unknownEngagement);
  }

  /** The side files' entries by id, in as many slices as the parts. */
  private static JavaPairRDD<String, Entry> entries(JavaSparkContext jsc, ScoringRun.Side side, int slices) {
    Map<String, Entry> byId = new LinkedHashMap<>();
    if (side.profiles() != null) {
      long order = 0;
      for (var e : side.profiles().entrySet()) byId.put(e.getKey(), new Entry(e.getValue(), order++, null));
    }
    side.engagement().forEach((id, e) -> byId.merge(id, new Entry(null, -1, e),
        (listed, engaged) -> new Entry(listed.profile(), listed.order(), engaged.engagement())));
    List<Tuple2<String, Entry>> list = new ArrayList<>(byId.size());
    byId.forEach((id, e) -> list.add(new Tuple2<>(id, e)));
    return jsc.parallelizePairs(list, slices);
  }

  private static boolean prospect(Entry e, LocalDate asOf) {
    return e != null && e.profile() != null && PartSide.prospect(e.profile(), asOf);
  }

  private static <T> T first(Iterable<T> values) {
    var it = values.iterator();
    return it.hasNext() ? it.next() : null;
  }

  /** Buyers in their order: by part, then by place in the part. */
  private enum ByPosition implements Comparator<Tuple2<Long, String>>, java.io.Serializable {
    INSTANCE;

    @Override
    public int compare(Tuple2<Long, String> a, Tuple2<Long, String> b) {
      return Long.compare(a._1(), b._1());
    }
  }
}
