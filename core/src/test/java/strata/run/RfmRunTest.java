package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.intake.Rejection;

class RfmRunTest {
  @TempDir Path dir;

  private List<String> score(String csv, LocalDate asOf, List<Rejection> rejects) throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, csv, StandardCharsets.UTF_8);
    RfmRun.Result run = RfmRun.run(RunInputs.of(tx).withAsOf(asOf), rejects::add, Progress.NONE);
    Path out = dir.resolve("rfm.csv");
    RfmCsv.write(run, out);
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  @Test
  void writesTheHandComputedScoresOfFiveCustomers() throws IOException {
    List<Rejection> rejects = new ArrayList<>();
    List<String> rows = score("""
        customer_id,order_date,amount
        A,2024-01-05,50.50
        B,2024-01-01,20.00
        C,2024-01-10,30.00
        A,2024-01-10,100.00
        D,2023-12-22,20.00
        C,2024-01-08,-10.00
        E,2024-01-06,0.99
        A,2024-01-15,999.00
        C,2024-01-02,5.25
        B,2024-01-03,abc
        E,2024-01-06,7.00
        """, LocalDate.of(2024, 1, 11), rejects);
    // By hand, as of 2024-01-11 (A's row of 01-15 is after it; B's 'abc' is rejected), n = 5,
    // score = 1 + floor(5 * worse / 5) = 1 + worse:
    //   recency days A 1, B 10, C 1, D 20, E 5; worse = strictly more days: A 3, B 1, C 3, D 0, E 2
    //   frequency A 2, B 1, C 3, D 1, E 2; worse = strictly fewer: A 2, B 0, C 4, D 0, E 2
    //   monetary A 150.50, B 20.00, C 25.25 (30 - 10 refund + 5.25), D 20.00, E 7.99; worse: A 4, B 1, C 3, D 1, E 0
    assertThat(rows).containsExactly(
        "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score",
        "A,1,2,150.50,4,3,5",
        "B,10,1,20.00,2,1,2",
        "C,1,3,25.25,4,5,4",
        "D,20,1,20.00,1,1,2",
        "E,5,2,7.99,3,3,1");
    assertThat(rejects).hasSize(1);
    assertThat(rejects.get(0).line()).isEqualTo(11);
  }

  @Test
  void tiedCustomersShareAScoreWhereNtileWouldSplitThem() throws IOException {
    // Six of ten customers bought once for 10.00 on the same day: strictly worse than them is nobody, so all six score
    // 1 on every dimension (NTILE(5) would put two of them in bucket 2 and one in bucket 3).
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    for (int c = 0; c < 6; c++) csv.append("T").append(c).append(",2024-01-01,10.00\n");
    for (int c = 0; c < 4; c++) {
      for (int k = 0; k <= c + 1; k++) csv.append("U").append(c).append(",2024-01-0").append(2 + c).append(",6.00\n");
    }
    List<String> rows = score(csv.toString(), LocalDate.of(2024, 1, 10), new ArrayList<>());
    for (int c = 0; c < 6; c++) assertThat(rows.get(1 + c)).isEqualTo("T" + c + ",9,1,10.00,1,1,1");
    // U0..U3: 2..5 orders of 6.00 on 01-02..01-05 (repeated rows are kept, as DuckDB's count(*) counts them);
    // worse = 6 + c on every dimension (the six ties, then the other Us), score 1 + floor(5 * (6 + c) / 10): 4, 4, 5, 5.
    assertThat(rows.subList(7, 11)).containsExactly("U0,8,2,12.00,4,4,4", "U1,7,3,18.00,4,4,4",
        "U2,6,4,24.00,5,5,5", "U3,5,5,30.00,5,5,5");
  }

  @Test
  void agreesWithABruteForceCountOnARandomFileWithManyTies() throws IOException {
    Random random = new Random(7);
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    // Independent computation: plain maps, BigDecimal sums, and strictly-worse counted pair by pair.
    Map<String, int[]> lastDayAndCount = new LinkedHashMap<>();
    Map<String, BigDecimal> spend = new LinkedHashMap<>();
    LocalDate start = LocalDate.of(2024, 1, 1);
    for (int row = 0; row < 3000; row++) {
      String id = "c" + random.nextInt(400);
      LocalDate day = start.plusDays(random.nextInt(60));
      BigDecimal amount = BigDecimal.valueOf((1 + random.nextInt(50)) * (random.nextInt(20) == 0 ? -100 : 100), 2);
      csv.append(id).append(',').append(day).append(',').append(amount.toPlainString()).append('\n');
      int[] dc = lastDayAndCount.computeIfAbsent(id, k -> new int[] {Integer.MIN_VALUE, 0});
      dc[0] = Math.max(dc[0], (int) day.toEpochDay());
      dc[1]++;
      spend.merge(id, amount, BigDecimal::add);
    }
    LocalDate asOf = start.plusDays(60);
    List<String> ids = new ArrayList<>(lastDayAndCount.keySet());
    int n = ids.size();
    List<String> expected = new ArrayList<>();
    expected.add(RfmCsv.HEADER);
    for (String id : ids) {
      int recency = (int) asOf.toEpochDay() - lastDayAndCount.get(id)[0];
      int count = lastDayAndCount.get(id)[1];
      int rWorse = 0, fWorse = 0, mWorse = 0;
      for (String other : ids) {
        if ((int) asOf.toEpochDay() - lastDayAndCount.get(other)[0] > recency) rWorse++;
        if (lastDayAndCount.get(other)[1] < count) fWorse++;
        if (spend.get(other).compareTo(spend.get(id)) < 0) mWorse++;
      }
      expected.add(id + "," + recency + "," + count + "," + spend.get(id).setScale(2).toPlainString() + ","
          + (1 + 5 * rWorse / n) + "," + (1 + 5 * fWorse / n) + "," + (1 + 5 * mWorse / n));
    }
    assertThat(score(csv.toString(), asOf, new ArrayList<>())).containsExactlyElementsOf(expected);
  }

  @Test
  void keepsTheOrderOfFirstAppearanceAcrossTheChunksItFormatsInParallel() throws IOException {
    // 70,000 customers (three chunks of 32,768 and a partial one), one order each on the same day, the k-th spending
    // k + 1 cents: exactly k customers spend less, so M = 1 + floor(5k / n); R and F are all ties, 1.
    int n = 70_000;
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    List<String> expected = new ArrayList<>();
    expected.add(RfmCsv.HEADER);
    for (int k = 0; k < n; k++) {
      String amount = BigDecimal.valueOf(k + 1, 2).toPlainString();
      csv.append("K").append(k).append(",2024-01-01,").append(amount).append('\n');
      expected.add("K" + k + ",1,1," + amount + ",1,1," + (1 + 5L * k / n));
    }
    assertThat(score(csv.toString(), LocalDate.of(2024, 1, 2), new ArrayList<>())).containsExactlyElementsOf(expected);
  }
}
