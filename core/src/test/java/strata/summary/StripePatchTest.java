package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.intake.FormatSniffer;
import strata.intake.TransactionIntake;

/** When a read folds partitions a second time without its outlier amounts, and what the patch refuses. */
class StripePatchTest {
  @TempDir Path dir;

  private static final int SPLIT = (int) LocalDate.of(2024, 1, 1).toEpochDay();

  /** {@code customers} customers with ordinary amounts, every {@code every}-th also with a typo of 99,999,999. */
  private TransactionIntake.Result read(int customers, int every) throws IOException {
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount\n");
    for (int k = 0; k < customers; k++) {
      sb.append("c").append(k).append(",2024-03-0").append(1 + k % 9).append(',').append(50 + k % 100).append('\n');
      if (k % every == 0) sb.append("c").append(k).append(",2024-02-01,99999999\n");
    }
    Path p = dir.resolve("tx.csv");
    Files.writeString(p, sb);
    var o = new TransactionIntake.Options(FormatSniffer.Hints.NONE, Map.of(), null, 2, dir).withoutOutliersToo();
    return TransactionIntake.read(p, o, r -> { }, b -> { }, phase -> { }, (first, last) -> SPLIT);
  }

  @Test
  void outliersInMoreThanAnEighthOfThePartitionsAreLeftToASecondRead() throws IOException {
    TransactionIntake.Result few = read(5000, 500); // 10 customers: at most 10 partitions
    assertThat(few.quality().amountOutliers().rows()).isEqualTo(10);
    assertThat(few.withoutOutliers()).isNotNull();
    TransactionIntake.Result many = read(5000, 10); // 500 customers hash to ~320 of the 512 partitions
    assertThat(many.quality().amountOutliers().rows()).isEqualTo(500);
    assertThat(many.withoutOutliers()).isNull();
  }

  /**
   * In a file of 30 customers most partitions hold one customer or none: LONE's partition, folded again without its
   * only (outlier) row, has nobody left, and LONE must be gone from the patched columns as from a second read's.
   */
  @Test
  void aCustomerAloneInItsPartitionWithOnlyOutlierRowsIsGone() throws IOException {
    StringBuilder sb = new StringBuilder("customer_id,order_date,amount\n");
    for (int k = 0; k < 30; k++) sb.append("c").append(k).append(",2024-03-0").append(1 + k % 9).append(",60\n");
    sb.append("LONE,2024-03-02,99999999\n");
    Path p = dir.resolve("lone.csv");
    Files.writeString(p, sb);
    var o = new TransactionIntake.Options(FormatSniffer.Hints.NONE, Map.of(), null, 2, dir);
    TransactionIntake.Result both = TransactionIntake.read(p, o.withoutOutliersToo(), r -> { }, b -> { },
        phase -> { }, (first, last) -> SPLIT);
    long threshold = both.quality().amountOutliers().thresholdCents();
    TransactionIntake.Result leftOut = TransactionIntake.read(p, o.withOutlierCents(threshold), r -> { }, b -> { },
        phase -> { }, (first, last) -> SPLIT);
    StripePatch patch = both.withoutOutliers();
    PurchaseColumns patched = patch.applyTo(both.table().freeze(SPLIT, patch));
    assertThat(patched.size).isEqualTo(30);
    assertThat(patched).usingRecursiveComparison().withComparatorForType(Float::compare, Float.class)
        .isEqualTo(leftOut.table().freeze(SPLIT));
  }

  @Test
  void aPatchAppliesOnceAndOnlyToTheColumnsItsTableFrozeInto() throws IOException {
    TransactionIntake.Result r = read(5000, 500);
    StripePatch patch = r.withoutOutliers();
    assertThatThrownBy(() -> patch.applyTo(read(5000, 500).table().freeze(SPLIT)))
        .isInstanceOf(IllegalStateException.class); // its table not frozen with it
    PurchaseColumns columns = r.table().freeze(SPLIT, patch);
    assertThat(patch.applyTo(columns).size).isEqualTo(columns.size); // every typo'd customer has an ordinary row
    assertThatThrownBy(() -> patch.applyTo(columns)).isInstanceOf(IllegalStateException.class);
  }
}
