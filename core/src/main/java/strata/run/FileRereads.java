package strata.run;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntUnaryOperator;
import strata.intake.TransactionIntake;
import strata.product.CustomerProducts;
import strata.product.ProductPass;
import strata.summary.PurchaseColumns;
import strata.tier.TierModel;

/** A file run's second looks at its transactions: this JVM reads the file again. */
final class FileRereads implements Rereads {
  private final RunInputs in;
  private final CompletableFuture<TierModel> checked;
  private final Progress progress;

  /** @param checked the model loading beside the read: a bad one stops the read at its next block */
  FileRereads(RunInputs in, CompletableFuture<TierModel> checked, Progress progress) {
    this.in = in;
    this.checked = checked;
    this.progress = progress;
  }

  @Override
  public PurchaseColumns summaries(Map<String, String> mergedIds, long outlierCents, LocalDate asOf,
      IntUnaryOperator splitDay) {
    // Each part of the table is frozen as soon as it is built (TransactionIntake.read), at the split day the read's
    // first day gives: the same day it is frozen at below.
    TransactionIntake.Result again = ScoringRun.transactions(in, mergedIds, outlierCents, asOf, checked,
        rejection -> { }, progress, (first, last) -> splitDay.applyAsInt(first), false);
    return again.table().freeze(splitDay.applyAsInt(again.firstDay()));
  }

  @Override
  public Map<String, CustomerProducts> products(Map<String, String> mergedIds, long outlierCents, int asOfDay) {
    return ProductPass.read(in.transactions(), new ProductPass.Options(ScoringRun.withCharset(in), in.columnMap(),
        in.tempDir(), mergedIds, asOfDay, outlierCents));
  }
}
