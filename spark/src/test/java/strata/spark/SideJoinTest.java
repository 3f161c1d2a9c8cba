package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import strata.identity.IdMerges;
import strata.identity.UnknownPurchasers;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.run.PartScoring;
import strata.run.PartSide;
import strata.run.ScoringRun;
import strata.summary.CustomerSummary;
import strata.summary.PurchaseColumns;
import strata.summary.SummaryTable;

/**
 * The cluster's join of side entries with parts against core's join of all buyers at once ({@link PartSide#of} over
 * the whole run, the reference): each buyer's profile and engagement, the prospects in the customers file's order,
 * the counts and case groups of the identity report; with the entries in one batch per partition and in batches of
 * seven.
 */
class SideJoinTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("strata-side-join-test").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void joinsAsTheWholeRunJoinsInAnyBatchSize() {
    Random random = new Random(3);
    List<CustomerSummary> summaries = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String id = i % 97 == 5 ? "c" + (i - 1) : "C" + i; // a few buyers differ only by case from another
      summaries.add(new CustomerSummary(id, new int[] {19_000 + random.nextInt(700)}, new long[0], 1, 1,
          100 + random.nextInt(900), 0, 100, Map.of()));
    }
    PurchaseColumns all = SummaryTable.of(summaries).freeze(-1);
    Map<String, CustomerProfile> profiles = new LinkedHashMap<>();
    Map<String, Engagement> engagement = new HashMap<>();
    for (int i = 0; i < 460; i++) {
      String id = i < 400 ? "C" + i : "P" + i;
      if (i < 400 && random.nextInt(4) == 0) continue; // buyers missing from the customers file
      LocalDate created = i >= 450 ? AS_OF.plusDays(10) : LocalDate.of(2020, 1, 1); // ten created later
      profiles.put(id, new CustomerProfile(id, "公司" + i, "制造", "大型", "华东", "sales", "", "", null, created));
    }
    profiles.put("p401", profiles.get("P401")); // a listed id that differs only by case from another listed one
    for (int i = 0; i < 600; i++) {
      String id = random.nextInt(10) == 0 ? "Z" + i : random.nextInt(5) == 0 ? "P" + (400 + random.nextInt(60))
          : "C" + random.nextInt(400);
      engagement.merge(id, Engagement.interaction("电话", 19_500 + i), Engagement::merge);
    }
    ScoringRun.Side side = new ScoringRun.Side(profiles, engagement, List.of());

    // The reference: core's join of every buyer at once.
    PartSide whole = PartSide.of(all, StandardCharsets.UTF_8, profiles, engagement, AS_OF);
    List<String> listed = new ArrayList<>(profiles.keySet());
    List<String> inOrder = new ArrayList<>(listed);
    for (int i = 0; i < all.size; i++) {
      if (!profiles.containsKey(all.customerId(i, StandardCharsets.UTF_8))) {
        inOrder.add(all.customerId(i, StandardCharsets.UTF_8));
      }
    }
    List<List<String>> caseGroups = IdMerges.caseVariants(inOrder);
    assertThat(caseGroups).hasSizeGreaterThan(2); // the data holds what the check is about
    assertThat(whole.prospects()).contains("P400", "p401").doesNotContain("P455"); // P450… created later
    assertThat(whole.unknownEngagement()).isPositive();

    // Parts in the buyers' order, as the engine cuts them (by where each buyer first appears): 0..121, 122..279, …
    int[][] rows = {java.util.stream.IntStream.range(0, 122).toArray(),
        java.util.stream.IntStream.range(122, 280).toArray(), java.util.stream.IntStream.range(280, 400).toArray()};
    List<PurchaseColumns> parts = List.of(all.select(rows[0]), all.select(rows[1]), all.select(rows[2]));

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    for (int batch : new int[] {7, 100_000}) {
      List<RDD<?>> kept = new ArrayList<>();
      SideJoin.Joined joined = SideJoin.of(jsc, jsc.parallelize(parts, 3), side, listed, AS_OF, -1, kept, batch);
      List<SideJoin.Part> got = joined.parts().collect();
      kept.forEach(r -> r.unpersist(false));
      for (int k = 0; k < 3; k++) {
        PartSide mine = got.get(k).side();
        assertThat(mine.prospects()).isEmpty();
        for (int j = 0; j < rows[k].length; j++) {
          int i = rows[k][j];
          assertThat(mine.profiles()[j]).as("batch %d, %s", batch, all.customerId(i, StandardCharsets.UTF_8))
              .isEqualTo(whole.profiles()[i]);
          assertThat(mine.engagements()[j]).isEqualTo(whole.engagements()[i]);
        }
      }
      List<String> prospects = new ArrayList<>();
      for (SideJoin.Part p : got.subList(3, got.size())) {
        assertThat(p.columns().size).isZero();
        for (int j = 0; j < p.side().prospects().length; j++) {
          String id = p.side().prospects()[j];
          prospects.add(id);
          int at = all.size + List.of(whole.prospects()).indexOf(id);
          assertThat(p.side().profiles()[j]).isEqualTo(whole.profiles()[at]);
          assertThat(p.side().engagements() == null ? null : p.side().engagements()[j])
              .isEqualTo(whole.engagements()[at]);
        }
      }
      assertThat(prospects).containsExactly(whole.prospects());
      assertThat(joined.unknownEngagement()).isEqualTo(whole.unknownEngagement());
      assertThat(joined.unknownPurchasers()).isEqualTo(UnknownPurchasers.among(all.size,
          i -> all.customerId(i, StandardCharsets.UTF_8), profiles::containsKey, PartScoring.EXAMPLES));
      assertThat(joined.caseVariants()).isEqualTo(caseGroups);
    }
  }
}
