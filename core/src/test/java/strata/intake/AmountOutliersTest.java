package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class AmountOutliersTest {
  @TempDir Path dir;

  /** 60 customers with one order of 500..4,999.xx each, and BIG with an ordinary order and the issue's ¥99,999,999. */
  public static String fileWithTypo() {
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount\n");
    for (int k = 0; k < 60; k++) sb.append("c").append(k).append(",2024-03-0").append(1 + k % 9).append(',')
        .append(500 + (k * 613) % 4500).append(".50\n");
    sb.append("BIG,2024-03-05,1200\n");
    sb.append("BIG,2024-03-06,\"¥99,999,999.00\"\n");
    return sb.toString();
  }

  @Test
  void theIssuesTypoIsTheOneOutlierAndIsNamedWithItsCustomer() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, fileWithTypo());
    FileQuality q = TransactionIntake.read(tx, TransactionIntake.Options.defaults(), r -> { }, b -> { }).quality();
    AmountOutliers o = q.amountOutliers();
    // Amounts span 500-5,000 (a factor 10), so the threshold is at least 100 × the median (~2,700) and far below
    // 99,999,999: exactly that row is flagged; the largest ordinary order (≈4,999) is not.
    assertThat(o.rows()).isEqualTo(1);
    assertThat(o.threshold()).isGreaterThan(100 * 2_000.0).isLessThan(10_000_000.0);
    assertThat(o.median()).isBetween(2_000.0, 3_500.0);
    assertThat(o.examples()).containsExactly(new AmountOutliers.Example("BIG", "2024-03-06", 99_999_999.0));
    assertThat(o.excluded()).isFalse();
    assertThat(q.warnings()).anySatisfy(w -> {
      assertThat(w.code()).isEqualTo("quality_amount_outliers");
      assertThat(w.args().get(0)).isEqualTo("1");
      assertThat(w.args().get(3)).isEqualTo("BIG 99999999.00 (2024-03-06)");
    });
  }

  @Test
  void smallBlocksOnTwoThreadsGiveTheSameJudgement() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, fileWithTypo());
    var options = TransactionIntake.Options.defaults();
    FileQuality oneBlock = TransactionIntake.read(tx, options, r -> { }, b -> { }).quality();
    int saved = ParallelCsv.blockSize;
    try {
      ParallelCsv.blockSize = 128; // ~6 rows a block
      FileQuality blocks = TransactionIntake.read(tx, new TransactionIntake.Options(options.hints(), Map.of(), null, 2,
          options.tempDir()), r -> { }, b -> { }).quality();
      assertThat(blocks.amountOutliers()).isEqualTo(oneBlock.amountOutliers());
    } finally {
      ParallelCsv.blockSize = saved;
    }
  }

  @Test
  void aFileOfOrdinaryAmountsHasNoOutlier() throws IOException {
    Path tx = dir.resolve("tx.csv");
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount\n");
    Random random = new Random(7);
    // Log-normal amounts, median 300, σ = 1 (in ln): 6σ above the median is ×403; the largest of 2,000 draws is
    // about 3.5σ (×33), so nothing is flagged. Refunds are judged by their size too.
    for (int k = 0; k < 2_000; k++) {
      long cents = Math.round(30_000 * Math.exp(random.nextGaussian()));
      sb.append("c").append(k % 300).append(",2024-01-02,").append(k % 50 == 0 ? "-" : "").append(cents / 100)
          .append('.').append(String.format("%02d", cents % 100)).append('\n');
    }
    Files.writeString(tx, sb.toString());
    FileQuality q = TransactionIntake.read(tx, TransactionIntake.Options.defaults(), r -> { }, b -> { }).quality();
    assertThat(q.amountOutliers().rows()).isZero();
    assertThat(q.amountOutliers().examples()).isEmpty();
    assertThat(q.warnings()).noneMatch(w -> w.code().equals("quality_amount_outliers"));
  }

  @Test
  void tooFewAmountsAreNotJudged() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "customer_id,order_date,amount\na,2024-01-01,10\nb,2024-01-01,99999999\n");
    FileQuality q = TransactionIntake.read(tx, TransactionIntake.Options.defaults(), r -> { }, b -> { }).quality();
    assertThat(q.amountOutliers()).isNull();
  }

  @Test
  void eachAmountLiesInItsBucketAndBucketsAreAtMostThreePercentWide() {
    Random random = new Random(1);
    for (int k = 0; k < 100_000; k++) {
      long v = 1 + (random.nextLong() >>> (1 + random.nextInt(62)));
      int b = AmountHistogram.bucket(v);
      long lo = AmountHistogram.lowerEdge(b);
      long hi = AmountHistogram.lowerEdge(b + 1);
      assertThat(v).isBetween(lo, hi - 1);
      // Below 32 cents each value is its own bucket.
      assertThat(lo < 32 ? hi - lo : (hi - lo) / (double) lo).isLessThanOrEqualTo(lo < 32 ? 1 : 1 / 32.0 + 1e-12);
    }
  }

  @Test
  void theCountFromAnEdgeIsExact() {
    AmountHistogram h = new AmountHistogram();
    long[] amounts = {100, 5_000, 5_119, 5_120, 5_121, 9_999_999_900L, -6_000};
    for (long a : amounts) h.add(a);
    long edge = AmountHistogram.lowerEdge(AmountHistogram.bucket(5_120)); // 5,120 = 40 << 7 is an edge
    assertThat(edge).isEqualTo(5_120);
    // By hand: |amount| ≥ 5,120 → 5,120, 5,121, 9,999,999,900 and the refund 6,000.
    assertThat(h.countFrom(edge)).isEqualTo(4);
  }
}
