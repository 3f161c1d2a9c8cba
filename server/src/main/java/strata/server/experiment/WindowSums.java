package strata.server.experiment;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.Visible;

/**
 * Revenue and buying days of a snapshot's customers in two adjacent windows, summed by the database (one row per
 * buyer, not every purchase): the experiment's pre-period and period, a model change's before and after.
 */
final class WindowSums {
  private WindowSums() {}

  /**
   * @param tiers only the snapshot's customers in these tiers; null for all
   * @return by customer id: {revenue from {@code split} to {@code to}, days bought then, revenue from {@code from}
   *     to the day before {@code split}, days bought then}
   */
  static Map<String, double[]> of(JdbcClient db, long run, Collection<String> tiers, LocalDate from, LocalDate split,
      LocalDate to) {
    Map<String, double[]> out = new HashMap<>();
    if (tiers != null && tiers.isEmpty()) return out;
    List<Object> params = new ArrayList<>(List.of(split, split, split, split, run));
    String inTiers = "";
    if (tiers != null) {
      inTiers = " and r.tier in (" + String.join(", ", Collections.nCopies(tiers.size(), "?")) + ")";
      params.addAll(tiers);
    }
    params.addAll(List.of(from, to));
    db.sql("select p.customer_id, sum(case when p.purchase_day >= ? then p.amount_cents else 0 end), "
        + "count(distinct case when p.purchase_day >= ? then p.purchase_day end), "
        + "sum(case when p.purchase_day < ? then p.amount_cents else 0 end), "
        + "count(distinct case when p.purchase_day < ? then p.purchase_day end) "
        + "from purchase p join snapshot_row r on r.customer_id = p.customer_id and r.run_id = ?" + inTiers
        + " where p.purchase_day >= ? and p.purchase_day <= ? and " + Visible.rows("p") + " group by p.customer_id")
        .params(params).query((ResultSet rs) -> {
          out.put(rs.getString(1), new double[] {rs.getLong(2) / 100.0, rs.getLong(3), rs.getLong(4) / 100.0,
              rs.getLong(5)});
        });
    return out;
  }
}
