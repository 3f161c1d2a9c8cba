package strata.product;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import strata.intake.Column;
import strata.intake.FileKind;
import strata.intake.FormatSniffer;
import strata.intake.RowIntake;

/**
 * Reads what each customer bought by category and product from a transactions file, with the same row rules as the
 * scoring intake (rows it rejects are left out here too, and reported there). One more read of the file, with about
 * a few hundred bytes per customer: run only when product preference is asked for.
 */
public final class ProductPass {
  private ProductPass() {}

  /**
   * What to read.
   *
   * @param mergedIds customer id to the id it is merged into (rows of a merged id count for the survivor)
   * @param asOfDay rows dated later are outside the run
   * @param outlierCents rows of at least this absolute amount were left out of the run (Long.MAX_VALUE: none)
   */
  public record Options(FormatSniffer.Hints hints, Map<String, String> columnMap, Path tempDir,
      Map<String, String> mergedIds, int asOfDay, long outlierCents) {}

  /** Each buying customer's categories and products, by customer id; empty when the file has neither column. */
  public static Map<String, CustomerProducts> read(Path file, Options options) {
    Map<String, CustomerProducts> byCustomer = new HashMap<>();
    RowIntake.read(file, file.getFileName().toString(), FileKind.TRANSACTIONS, options.hints(), options.columnMap(),
        row -> {
          String category = row.get(Column.CATEGORY);
          String product = row.get(Column.PRODUCT);
          if (category.isEmpty() && product.isEmpty()) return;
          if (row.day() > options.asOfDay() || Math.abs(row.cents()) >= options.outlierCents()) return;
          String id = row.get(Column.CUSTOMER_ID);
          id = options.mergedIds().getOrDefault(id, id);
          byCustomer.computeIfAbsent(id, k -> new CustomerProducts()).add(category, product, row.cents(), row.day());
        }, rejected -> { }, options.tempDir(), bytes -> { });
    return byCustomer;
  }
}
