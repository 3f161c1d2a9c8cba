package strata.server.run;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import strata.i18n.Note;
import strata.identity.IdMerges;
import strata.product.ProductPreferences;
import strata.run.ScoredCustomers;
import strata.summary.PurchaseColumns;
import strata.tier.TierModel;

/**
 * Product preference in a run (README "Product preference"): computed before scoring, its rows written beside the
 * snapshot, removed with it. Implemented by the product feature, so the run does not depend on it.
 */
public interface RunProducts {
  /**
   * @param merges the accepted merges the run applied to {@code p}, in order: each merged id's lines count under its
   *     survivor
   * @return null when no stored purchase names a category or product, or when switched off
   */
  ProductPreferences compute(LocalDate asOf, PurchaseColumns p, List<IdMerges> merges, TierModel model,
      List<Note> notes) throws SQLException;

  /** Writes a scored run's rows before it publishes. */
  void write(long runId, ScoredCustomers s) throws SQLException;

  /** Removes the rows of runs whose snapshot rows are gone. */
  void prune();
}
