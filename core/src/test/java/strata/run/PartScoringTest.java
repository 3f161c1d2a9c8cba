package strata.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.scoring.ValueCounts;
import strata.summary.PurchaseColumns;
import strata.tier.TierModel;

/**
 * Buyers scored in random parts with the context from the parts' merged statistics get, row for row, what the whole
 * run gives them (the independent method here is the whole run itself, {@link ScoringRun}).
 */
class PartScoringTest {
  @TempDir Path dir;

  @Test
  void cdnowSampleInRandomPartsGetsTheWholeRunsRows() throws IOException {
    Path tx = dir.resolve("cdnow.csv");
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    String shared = System.getProperty("strata.shared");
    for (String line : Files.readAllLines(Path.of(shared, "data", "CDNOW_sample.txt"))) {
      String[] f = line.trim().split("\\s+");
      String d = f[2];
      csv.append(f[0]).append(',').append(d, 0, 4).append('-').append(d, 4, 6).append('-').append(d, 6, 8)
          .append(',').append(f[4]).append('\n');
    }
    Files.writeString(tx, csv);
    for (int parts : new int[] {1, 3, 7}) {
      assertPartsMatchTheWholeRun(tx, TierModel.defaultModel(), parts, 11 + parts);
    }
  }

  @Test
  void tiedValuesAndSampledFitsInRandomPartsGetTheWholeRunsRows() throws IOException {
    // 120,000 buyers: beyond ClvStage.FIT_SAMPLE, so the fits and the holdout check take every second buyer; spends
    // from ten amounts and days from a few weeks, so most ranks, ABC groups and gaps are shared by many buyers.
    Path tx = dir.resolve("ties.csv");
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    for (int c = 0; c < 120_000; c++) {
      int orders = 1 + random.nextInt(3) * random.nextInt(3);
      for (int o = 0; o < orders; o++) {
        int day = 1 + (c % 5 == 0 ? 0 : random.nextInt(20) * 14);
        csv.append('C').append(c).append(',').append(java.time.LocalDate.of(2024, 1, 1).plusDays(day)).append(',')
            .append(10 * (1 + random.nextInt(10))).append(random.nextInt(40) == 0 ? ".50" : "").append('\n');
      }
    }
    Files.writeString(tx, csv);
    assertPartsMatchTheWholeRun(tx, TierModel.defaultModel(), 4, 3);
    TierModel thresholds = TierModel.parse("""
        scoring:
          rfm: {mode: thresholds, recency_days: [30, 90, 180], frequency: [2, 3], monetary: [20, 50, 100]}
          lifecycle: {mode: days}
          matrix: {value_cut: 500}
        tiers:
          - id: top
            when: m_score >= 4 && value_quadrant == 'star'
          - id: rest
        """, "t.yaml");
    assertPartsMatchTheWholeRun(tx, thresholds, 5, 4);
  }

  @Test
  void clustersFittedOnTheMergedSampleGetTheWholeRunsClusters() throws IOException {
    // 120,000 buyers, beyond ClusterSample.SIZE: the parts' samples, merged, must be the whole run's, and each part's
    // tally of its members must add up to the whole run's centres to the last digit.
    Path tx = dir.resolve("clusters.csv");
    Random random = new Random(8);
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    for (int c = 0; c < 120_000; c++) {
      int group = c % 3;
      int orders = group == 0 ? 6 + random.nextInt(6) : group == 1 ? 1 : 2 + random.nextInt(3);
      int last = group == 0 ? random.nextInt(20) : group == 1 ? 200 + random.nextInt(150) : 60 + random.nextInt(60);
      for (int o = 0; o < orders; o++) {
        csv.append("客户").append(c).append(',').append(java.time.LocalDate.of(2025, 12, 31).minusDays(last + 9L * o))
            .append(',').append((group == 1 ? 900 : group == 0 ? 15 : 120) + random.nextInt(100)).append('\n');
      }
    }
    Files.writeString(tx, csv);
    TierModel model = TierModel.parse("""
        tiers:
          - id: first
            when: cluster == 1
          - id: lapsed
            when: cluster > 1 && recency_days > 180
          - id: rest
        """, "clusters.yaml");
    assertPartsMatchTheWholeRun(tx, model, 5, 9);
  }

  @Test
  void sideFilesJoinEachPartAndProspectsFormPartsOfTheirOwn() throws IOException {
    RunInputs in = withSideFiles(2_500, 17);
    RunResult whole = ScoringRun.run(in, CompletableFuture.completedFuture(TierModel.defaultModel()), r -> { },
        Progress.NONE);
    // What the files exercise: prospects, a profile created after the as-of day, unknown engagement, missing profiles.
    assertThat(whole.customers().size - whole.customers().purchasers).isEqualTo(300);
    assertThat(whole.notes().stream().map(strata.i18n.Note::code))
        .contains("unknown_engagement_ids", "unknown_purchasers", "duplicate_candidates");
    for (int parts : new int[] {1, 4}) {
      assertPartsMatchTheWholeRun(in, TierModel.defaultModel(), parts, parts == 1 ? 1 : 3, 40 + parts);
    }
    TierModel composite = TierModel.parse("""
        scoring:
          composite:
            strategic: {size_score: 0.4, nps: 0.3, csat: 0.1, interactions: 0.1, complaints: 0.1}
        tiers:
          - id: top
            when: composite_score >= 60 && value_quadrant == 'star'
          - id: cared
            when: strategic_score >= 50
          - id: rest
        """, "c.yaml");
    assertPartsMatchTheWholeRun(in, composite, 3, 2, 7);
    TierModel clusters = TierModel.parse("""
        scoring:
          clusters: {k: 4, seed: 3}
        tiers:
          - id: small
            when: cluster == 2 || cluster == 3
          - id: rest
        """, "k.yaml");
    assertPartsMatchTheWholeRun(in, clusters, 4, 2, 5);
  }

  private void assertPartsMatchTheWholeRun(Path tx, TierModel model, int parts, long seed) throws IOException {
    assertPartsMatchTheWholeRun(RunInputs.of(tx), model, parts, 0, seed);
  }

  /**
   * The run in random parts of its buyers, each joined with its buyers' side entries, and the prospects in
   * {@code prospectParts} parts of their own, as an engine routes them ({@link PartSide}).
   */
  private void assertPartsMatchTheWholeRun(RunInputs in, TierModel model, int parts, int prospectParts, long seed)
      throws IOException {
    RunResult whole = ScoringRun.run(in, CompletableFuture.completedFuture(model), r -> { }, Progress.NONE);
    assertThat(PartScoring.applies(in, model, Predictions.NONE)).isTrue();
    PurchaseColumns all = whole.customers().purchases;
    java.nio.charset.Charset charset = whole.customers().idCharset;
    ScoringRun.Side side = PartScoring.merged(ScoringRun.side(in, r -> { }, Progress.NONE), in);
    int[][] rows = randomParts(all.size, parts, new Random(seed));
    List<PurchaseColumns> cut = new ArrayList<>();
    List<PartCounts.Positions> at = new ArrayList<>();
    List<PartSide> sides = new ArrayList<>();
    java.time.LocalDate asOf = java.time.LocalDate.ofEpochDay(whole.customers().asOfDay);
    java.util.Set<String> buyers = new java.util.HashSet<>();
    for (int[] r : rows) {
      PurchaseColumns p = all.select(r);
      cut.add(p);
      at.add(PartCounts.Positions.of(all, r));
      Map<String, strata.intake.CustomerProfile> profiles = side.profiles() == null ? null : new HashMap<>();
      Map<String, strata.intake.Engagement> engagement = new HashMap<>();
      for (int i = 0; i < p.size; i++) {
        String id = p.customerId(i, charset);
        buyers.add(id);
        if (profiles != null && side.profiles().containsKey(id)) profiles.put(id, side.profiles().get(id));
        if (side.engagement().containsKey(id)) engagement.put(id, side.engagement().get(id));
      }
      sides.add(PartSide.of(p, charset, profiles, engagement, asOf));
    }
    // The entries without a buyer: prospects in the customers file's order, cut into parts of their own.
    List<String> rest = new ArrayList<>();
    if (side.profiles() != null) {
      side.profiles().keySet().stream().filter(id -> !buyers.contains(id)).forEach(rest::add);
    }
    long unknownEngagement = side.engagement().keySet().stream()
        .filter(id -> !buyers.contains(id) && (side.profiles() == null || !side.profiles().containsKey(id))).count();
    for (int k = 0; k < prospectParts; k++) {
      List<String> mine = rest.subList(rest.size() * k / prospectParts, rest.size() * (k + 1) / prospectParts);
      Map<String, strata.intake.CustomerProfile> profiles = new java.util.LinkedHashMap<>();
      Map<String, strata.intake.Engagement> engagement = new HashMap<>();
      for (String id : mine) {
        profiles.put(id, side.profiles().get(id));
        if (side.engagement().containsKey(id)) engagement.put(id, side.engagement().get(id));
      }
      PurchaseColumns none = all.select(new int[0]);
      cut.add(none);
      at.add(PartCounts.Positions.of(all, new int[0]));
      PartSide joined = PartSide.of(none, charset, profiles, engagement, asOf);
      unknownEngagement += joined.unknownEngagement(); // those created after the as-of day are no prospects
      sides.add(joined);
    }
    int asOfDay = whole.customers().asOfDay;
    boolean clusters = Predictions.NONE.clustersFor(model);
    assertThat(whole.customers().clusters != null).isEqualTo(clusters);
    PartCounts counts = null;
    for (int k = 0; k < cut.size(); k++) {
      PartCounts c = PartCounts.of(cut.get(k), at.get(k), asOfDay);
      if (clusters) c = c.withClusters(cut.get(k), charset, asOfDay);
      counts = counts == null ? c : counts.merge(c);
    }
    assertThat(counts.buyers()).isEqualTo(all.size);
    PartContext context = PartContext.of(counts, model, charset, asOfDay, all.splitDay);
    // Each part is scored once and kept between the rounds, as an engine keeps it (on disk too: sent and received).
    List<ScoredPart> scored = new ArrayList<>();
    for (int k = 0; k < cut.size(); k++) {
      scored.add(sentAndReceived(ScoredPart.of(cut.get(k), sentAndReceived(sides.get(k)), context, model)));
    }
    InputCounts inputs = null;
    for (ScoredPart p : scored) {
      InputCounts c = p.inputCounts(model);
      inputs = inputs == null ? c : inputs.merge(c);
    }
    context = context.withInputs(inputs);
    ValueCounts potentials = ValueCounts.EMPTY;
    for (int k = 0; k < scored.size(); k++) {
      scored.set(k, sentAndReceived(scored.get(k).withComposite(context, model)));
      potentials = potentials.merge(scored.get(k).potentialCounts());
    }
    context = sentAndReceived(context.withPotentials(potentials, model));

    // The notes the engine states before the parts' own: identity, then the engagement nobody matched.
    List<strata.i18n.Note> before = new ArrayList<>();
    var identity = PartScoring.identity(in, side.profiles() == null ? null
            : ScoringRun.side(in, r -> { }, Progress.NONE).profiles(), List.of(),
        side.profiles() == null ? new strata.identity.UnknownPurchasers(0, List.of())
            : strata.identity.UnknownPurchasers.among(all.size, i -> all.customerId(i, charset),
                side.profiles()::containsKey, PartScoring.EXAMPLES), before);
    PartScoring.unknownEngagement(unknownEngagement, before);
    assertThat(identity).isEqualTo(whole.identity());

    Map<String, String> expected = rowsById(whole, "whole");
    Map<String, String> got = new HashMap<>();
    for (int k = 0; k < scored.size(); k++) {
      RunResult part = scored.get(k).score(context, model, 2, whole.quality());
      List<strata.i18n.Note> notes = new ArrayList<>(before);
      notes.addAll(part.notes());
      assertThat(notes).isEqualTo(whole.notes());
      got.putAll(rowsById(part, "part" + k));
    }
    assertThat(got.keySet()).isEqualTo(expected.keySet());
    if (clusters) {
      strata.cluster.ClusterTally tally = null;
      for (ScoredPart p : scored) tally = tally == null ? p.clusterTally() : tally.merge(p.clusterTally());
      var described = context.clusters(tally);
      var want = whole.customers().clusters;
      assertThat(want.clusters()).isNotEmpty();
      assertThat(described.clusters()).isEqualTo(want.clusters());
      assertThat(Double.valueOf(described.silhouette())).isEqualTo(Double.valueOf(want.silhouette())); // NaN for a fixed k
      assertThat(described.notes()).isEqualTo(want.notes());
    }
    int clv = List.of(CustomersCsv.HEADER.split(",")).indexOf("clv");
    for (var e : expected.entrySet()) {
      String want = e.getValue();
      String have = got.get(e.getKey());
      if (want.equals(have)) continue;
      // CLV may differ in its last digits only (the fits see the same rows); everything else must be equal.
      String[] w = want.split(",", -1);
      String[] h = have.split(",", -1);
      assertThat(h.length).as(e.getKey()).isEqualTo(w.length);
      for (int c = 0; c < w.length; c++) {
        if (c == clv && !w[c].isEmpty()) {
          assertThat(Double.parseDouble(h[c])).as(e.getKey()).isCloseTo(Double.parseDouble(w[c]), within(1e-9));
        } else {
          assertThat(h[c]).as(e.getKey() + " column " + CustomersCsv.HEADER.split(",")[c]).isEqualTo(w[c]);
        }
      }
    }
  }

  /** A context as an engine sends it to the machines that score the parts, or a part as it keeps it on disk. */
  @SuppressWarnings("unchecked")
  private static <T extends java.io.Serializable> T sentAndReceived(T object) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int[][] randomParts(int n, int parts, Random random) {
    List<List<Integer>> lists = new ArrayList<>();
    for (int k = 0; k < parts; k++) lists.add(new ArrayList<>());
    for (int i = 0; i < n; i++) lists.get(random.nextInt(parts)).add(i);
    return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  /** customers.csv's rows by customer id (no row here has a quoted comma: ids and codes are plain). */
  private Map<String, String> rowsById(RunResult run, String name) throws IOException {
    Path file = dir.resolve(name + ".csv");
    CustomersCsv.write(run, file, Locale.ENGLISH);
    Map<String, String> rows = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("\uFEFF" + CustomersCsv.HEADER); // the BOM spreadsheet programs need
    for (String line : lines.subList(1, lines.size())) rows.put(line.substring(0, line.indexOf(',')), line);
    return rows;
  }

  /**
   * A run of {@code buyers} buyers with every side file: a customers file listing 70 % of them, 300 prospects and 10
   * ids created after the as-of day (some sharing a phone), interactions and answers of buyers, prospects, late ids and
   * ids nobody lists, and two accepted merges (one moving a profile to a survivor without one).
   */
  private RunInputs withSideFiles(int buyers, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder tx = new StringBuilder("customer_id,order_date,amount\n");
    java.time.LocalDate start = java.time.LocalDate.of(2023, 1, 1);
    for (int c = 0; c < buyers; c++) {
      int orders = 1 + random.nextInt(4);
      for (int o = 0; o < orders; o++) {
        tx.append('C').append(c).append(',').append(start.plusDays(random.nextInt(730))).append(',')
            .append(5 + random.nextInt(500)).append('\n');
      }
    }
    StringBuilder customers = new StringBuilder("客户编号,客户名称,行业,规模,地区,负责人,电话,email,生日,创建日期\n");
    String[] sizes = {"大型", "medium", "small", "微型", ""};
    for (int n = 0; n < buyers + 310; n++) {
      boolean prospect = n >= buyers;
      if (!prospect && (random.nextInt(10) < 3 || n == 6)) continue; // C6 has no profile: C7's moves to it
      String id = prospect ? "P" + (n - buyers) : "C" + n;
      String created = n >= buyers + 300 ? "2025-06-01" : "2020-01-01"; // after the as-of day (2025-01-01)
      customers.append(id).append(",公司").append(n).append(",制造,").append(sizes[random.nextInt(sizes.length)])
          .append(",华东,sales").append(n % 3).append(",13").append(String.format("%09d", n % 50 == 1 ? n - 1 : n))
          .append(",c").append(n).append("@example.com,1980-01-01,").append(created).append('\n');
    }
    StringBuilder interactions = new StringBuilder("customer_id,time,type,channel,outcome\n");
    String[] types = {"电话", "拜访", "投诉", "inquiry"};
    for (int i = 0; i < buyers * 2; i++) {
      int n = random.nextInt(buyers + 310);
      String id = random.nextInt(40) == 0 ? "Z" + n : n < buyers ? "C" + n : "P" + (n - buyers);
      interactions.append(id).append(',').append(start.plusDays(random.nextInt(730))).append(" 10:30,")
          .append(types[random.nextInt(types.length)]).append(",phone,done\n");
    }
    StringBuilder surveys = new StringBuilder("客户编号,日期,NPS,CSAT,评价\n");
    for (int i = 0; i < buyers / 2; i++) {
      int n = random.nextInt(buyers + 310);
      String id = n < buyers ? "C" + n : "P" + (n - buyers);
      surveys.append(id).append(',').append(start.plusDays(random.nextInt(700))).append(',')
          .append(random.nextInt(11)).append(',').append(random.nextInt(3) == 0 ? "" : 1 + random.nextInt(5))
          .append(",ok\n");
    }
    Path dirTx = dir.resolve("side-tx.csv");
    Files.writeString(dirTx, tx);
    Files.writeString(dir.resolve("customers.csv"), customers);
    Files.writeString(dir.resolve("interactions.csv"), interactions);
    Files.writeString(dir.resolve("surveys.csv"), surveys);
    Files.writeString(dir.resolve("merge.csv"), "id_a,id_b\nC2,C3\nC6,C7\n");
    return RunInputs.of(dirTx).withSideFiles(dir.resolve("customers.csv"), dir.resolve("interactions.csv"),
        dir.resolve("surveys.csv"))
        .withMerges(new strata.identity.MergeOptions(strata.identity.MergeFile.read(dir.resolve("merge.csv")), false));
  }
}
