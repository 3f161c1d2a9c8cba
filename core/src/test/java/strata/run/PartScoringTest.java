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

  private void assertPartsMatchTheWholeRun(Path tx, TierModel model, int parts, long seed) throws IOException {
    RunInputs in = RunInputs.of(tx);
    RunResult whole = ScoringRun.run(in, CompletableFuture.completedFuture(model), r -> { }, Progress.NONE);
    assertThat(PartScoring.applies(in, model, Predictions.NONE)).isTrue();
    PurchaseColumns all = whole.customers().purchases;
    int[][] rows = randomParts(all.size, parts, new Random(seed));
    List<PurchaseColumns> cut = new ArrayList<>();
    List<PartCounts.Positions> at = new ArrayList<>();
    for (int[] r : rows) {
      cut.add(all.select(r));
      at.add(PartCounts.Positions.of(all, r));
    }
    int asOfDay = whole.customers().asOfDay;
    PartCounts counts = null;
    for (int k = 0; k < parts; k++) {
      PartCounts c = PartCounts.of(cut.get(k), at.get(k), asOfDay);
      counts = counts == null ? c : counts.merge(c);
    }
    assertThat(counts.buyers()).isEqualTo(all.size);
    PartContext context = PartContext.of(counts, model, whole.customers().idCharset, asOfDay, all.splitDay);
    // Each part is scored once and kept between the rounds, as an engine keeps it (on disk too: sent and received).
    List<ScoredPart> scored = new ArrayList<>();
    for (PurchaseColumns p : cut) scored.add(sentAndReceived(ScoredPart.of(p, context, model)));
    InputCounts inputs = null;
    for (ScoredPart p : scored) {
      InputCounts c = p.inputCounts(model);
      inputs = inputs == null ? c : inputs.merge(c);
    }
    context = context.withInputs(inputs);
    ValueCounts potentials = ValueCounts.EMPTY;
    for (int k = 0; k < parts; k++) {
      scored.set(k, sentAndReceived(scored.get(k).withComposite(context, model)));
      potentials = potentials.merge(scored.get(k).potentialCounts());
    }
    context = sentAndReceived(context.withPotentials(potentials, model));

    Map<String, String> expected = rowsById(whole, "whole");
    Map<String, String> got = new HashMap<>();
    for (int k = 0; k < parts; k++) {
      RunResult part = scored.get(k).score(context, model, 2, whole.quality());
      assertThat(part.notes()).isEqualTo(whole.notes());
      got.putAll(rowsById(part, "part" + k));
    }
    assertThat(got.keySet()).isEqualTo(expected.keySet());
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
}
