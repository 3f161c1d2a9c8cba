package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.summary.PurchaseColumns;
import strata.summary.StripePatch;

/**
 * The partitions without the outlier amounts that a read folds beside its table, applied to the table's columns, must
 * give the columns a second read leaving those rows out builds: the independent method is that second read (the way
 * runs compared before), column by column and in the same order of first appearance.
 */
class WithoutOutliersTest {
  @TempDir Path dir;

  private static final LocalDate AS_OF = LocalDate.of(2024, 12, 1);
  private static final int SPLIT = (int) LocalDate.of(2024, 6, 1).toEpochDay();

  /**
   * 120,000 rows of 20,000 customers (~40 in each of the table's 512 partitions), amounts 50-150 (so the threshold
   * is 100 × the median) with order ids and categories, and 40 rows of 5,000,000; then such rows on a customer's
   * first row (the customer then first appears later), as a customer's only rows (the customer is gone without
   * them), inside an order with ordinary lines, and after the as-of date (not in the run, so it changes nothing).
   */
  private Path file() throws IOException {
    Random random = new Random(7);
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount,order_id,category\n");
    sb.append("FIRST,2023-02-01,5000000,F1,cat1\n");
    LocalDate start = LocalDate.of(2023, 1, 1);
    for (int row = 0; row < 120_000; row++) {
      int c = random.nextInt(20_000);
      LocalDate day = start.plusDays(random.nextInt(700));
      String amount = (50 + random.nextInt(100)) + "." + random.nextInt(10) + "0";
      if (row % 3000 == 1500) amount = "5000000";
      sb.append("K").append(c).append(',').append(day).append(',').append(amount).append(",O")
          .append(random.nextInt(40_000)).append(',').append("cat").append(random.nextInt(5)).append('\n');
    }
    sb.append("FIRST,2023-03-01,80,F2,cat1\n");
    sb.append("ONLY,2023-04-01,5000000,G1,cat2\nONLY,2023-04-02,-5000000,G2,cat2\n");
    sb.append("MIXED,2023-05-01,90,H1,cat3\nMIXED,2023-05-01,5000000,H1,cat4\nMIXED,2023-06-01,70,H2,cat3\n");
    sb.append("LATE,2024-11-01,60,L1,cat0\nLATE,2024-12-20,5000000,L2,cat0\n");
    Path p = dir.resolve("tx.csv");
    Files.writeString(p, sb, StandardCharsets.UTF_8);
    return p;
  }

  private TransactionIntake.Options options() {
    return new TransactionIntake.Options(FormatSniffer.Hints.NONE, Map.of(), AS_OF, 2, dir);
  }

  private static TransactionIntake.Result read(Path p, TransactionIntake.Options o) {
    return TransactionIntake.read(p, o, r -> { }, b -> { }, phase -> { }, (first, last) -> SPLIT);
  }

  @Test
  void theTableWithoutOutliersIsTheTableOfAReadLeavingThemOut() throws IOException {
    Path p = file();
    TransactionIntake.Result both = read(p, options().withoutOutliersToo());
    AmountOutliers outliers = both.quality().amountOutliers();
    assertThat(outliers.rows()).isEqualTo(40 + 1 + 2 + 1); // the generated ones, FIRST, ONLY's two, MIXED's
    TransactionIntake.Result leftOut = read(p, options().withOutlierCents(outliers.thresholdCents()));
    TransactionIntake.Result plain = read(p, options());

    StripePatch without = both.withoutOutliers();
    PurchaseColumns run = both.table().freeze(SPLIT, without);
    assertSame(run, plain.table().freeze(SPLIT));
    PurchaseColumns otherWay = without.applyTo(run);
    assertSame(otherWay, leftOut.table().freeze(SPLIT));
    assertThat(otherWay.size).isEqualTo(run.size - 1);
    assertThatThrownBy(() -> without.applyTo(run)).isInstanceOf(IllegalStateException.class);
    assertThat(index(plain(p), "FIRST")).isZero();
    assertThat(index(otherWay, "FIRST")).isGreaterThan(10_000); // first seen on its second row, near the end
    assertThat(index(otherWay, "ONLY")).isEqualTo(-1);
  }

  @Test
  void withoutOutliersOrWithoutAskingThereIsNoSecondTable() throws IOException {
    Path p = file();
    assertThat(read(p, options()).withoutOutliers()).isNull();
    Files.writeString(p, Files.readString(p).replace("5000000", "100"));
    assertThat(read(p, options().withoutOutliersToo()).withoutOutliers()).isNull();
  }

  private PurchaseColumns plain(Path p) {
    return read(p, options()).table().freeze(SPLIT);
  }

  private static int index(PurchaseColumns c, String id) {
    for (int i = 0; i < c.size; i++) if (c.customerId(i, StandardCharsets.UTF_8).equals(id)) return i;
    return -1;
  }

  /** Every field, ids and first-appearance order included (NaN shares equal). */
  private static void assertSame(PurchaseColumns a, PurchaseColumns b) {
    assertThat(a).usingRecursiveComparison().withComparatorForType(Float::compare, Float.class).isEqualTo(b);
  }
}
