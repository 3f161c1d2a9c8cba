package strata.server.run;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.run.RunResult;
import strata.run.ScoredCustomers;
import strata.server.data.Dialect;
import strata.server.data.KpiInputWriter;
import strata.server.data.OwnTransaction;
import strata.tier.Metric;

/**
 * Writes a run's snapshot_kpi_input rows beside its snapshot rows (README "KPIs by tier" reads them): the model
 * tier and the purchase, prediction and complaint figures of each customer as plain columns, in customer id order, so
 * computing KPIs walks a narrow table front to back instead of the snapshot rows' metrics JSON. As the snapshot
 * rows, they are written before the run publishes and nobody reads them until it has.
 */
final class KpiInputRows {
  private KpiInputRows() {}

  static void write(DataSource dataSource, Dialect dialect, long runId, RunResult result) throws SQLException {
    ScoredCustomers s = result.customers();
    String[] ids = new String[s.size];
    Integer[] order = new Integer[s.size];
    for (int i = 0; i < s.size; i++) {
      ids[i] = s.customerId(i);
      order[i] = i;
    }
    // The ids' code-unit order is the order of the KPI walk; PostgreSQL's C collation and H2 sort alike.
    Arrays.sort(order, Comparator.comparing(i -> ids[i]));
    long asOfDay = result.asOf().toEpochDay();
    OwnTransaction.run(dataSource, c -> {
      try (KpiInputWriter rows = new KpiInputWriter(c, dialect)) {
        for (int i : order) rows.add(row(runId, result, s, ids[i], i, asOfDay));
        rows.flush();
      }
    });
  }

  private static Object[] row(long runId, RunResult result, ScoredCustomers s, String id, int i, long asOfDay) {
    Number recency = (Number) s.value(i, Metric.RECENCY_DAYS);
    return new Object[] {runId, id, result.model().tiers().get(s.tier[i]).id(),
        ((Number) s.value(i, Metric.FREQUENCY)).longValue(), ((Number) s.value(i, Metric.PURCHASE_DAYS)).intValue(),
        s.bought(i) ? s.purchases.netCents[i] : 0L, recency == null ? null : (int) (asOfDay - recency.longValue()),
        real(s.value(i, Metric.CLV)), real(s.value(i, Metric.P_ALIVE)),
        ((Number) s.value(i, Metric.COMPLAINTS)).longValue(),
        s.profiles == null || s.profiles[i] == null ? null : s.profiles[i].owner(),
        text(s.value(i, Metric.REGION)), text(s.value(i, Metric.INDUSTRY))};
  }

  /** "" for none, as a snapshot row's metrics JSON reads back. */
  private static String text(Object v) {
    return v == null ? "" : (String) v;
  }

  private static Float real(Object v) {
    return v instanceof Double d && Double.isFinite(d) ? d.floatValue() : null;
  }

  /** Removes the rows of runs that failed or expired, as their snapshot rows are removed. */
  static void prune(JdbcClient db) {
    db.sql("delete from snapshot_kpi_input where run_id in (select id from tier_run where status in ('failed', "
        + "'expired'))").update();
  }
}
