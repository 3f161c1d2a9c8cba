package strata.server.customer;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.run.RunMerges;
import strata.server.security.Viewer;
import strata.server.security.VisibleCustomers;

/**
 * Whether a customer was merged into another by an accepted duplicate pair (issue 18 §4), for their 360° page: a
 * merged-away id keeps its profile and records but has no tier of its own, since runs count it under its survivor.
 */
@Component
class MergedCustomers {
  /**
   * @param into the surviving id; null (with {@code name}) when the viewer may not see the survivor, so a sales user
   *     learns only that their customer was merged, not into whose
   * @param applied whether the current snapshot already counts this customer under the survivor; false until the
   *     next run after the pair was accepted
   */
  record MergedInto(String into, String name, boolean applied) {}

  private final JdbcClient db;
  private final List<RunMerges> merges;
  private final VisibleCustomers visible;

  MergedCustomers(JdbcClient db, List<RunMerges> merges, VisibleCustomers visible) {
    this.db = db;
    this.merges = merges;
    this.visible = visible;
  }

  /**
   * @param inSnapshot whether the current snapshot has a row for {@code id}
   * @return null when {@code id} is not merged into another id
   */
  MergedInto of(String id, Viewer v, boolean inSnapshot) {
    String survivor = id;
    for (RunMerges m : merges) survivor = m.current().resolve(survivor); // in the order a run applies them
    if (survivor.equals(id)) return null;
    if (!visible.sees(survivor, v)) return new MergedInto(null, null, !inSnapshot);
    String name = db.sql("select name from customer where id = ?").param(survivor).query(String.class).optional()
        .orElse(null);
    return new MergedInto(survivor, name, !inSnapshot);
  }
}
