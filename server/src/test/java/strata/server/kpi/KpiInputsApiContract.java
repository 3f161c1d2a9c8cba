package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.kpi.KpiApiContract.kpis;
import static strata.server.testing.TierHistory.runToEnd;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import strata.server.testing.TestModels;

/**
 * The KPI inputs a run writes beside its snapshot (snapshot_kpi_input, V21) against the snapshot rows' metrics JSON
 * the KPIs used to be read from (model: big >= 1000, mid >= 100, small).
 */
abstract class KpiInputsApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired KpiTables tables;

  /** Two snapshots of customers in two owners, regions and industries, with complaints; returns their run ids. */
  static long[] twoSnapshots(Api admin, JdbcClient db, SummaryStore summaries) {
    assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND)).status()).isEqualTo(201);
    new TestData(db, summaries).customer("A-1", "甲一", "王芳").customer("A-2", "甲二", "王芳")
        .customer("B-1", "乙一", "李娜").customer("P-1", "丙一", "")
        .purchase("A-1", "2026-01-10", 1500).purchase("A-2", "2026-02-10", 300).purchase("B-1", "2026-01-20", 40)
        .commit();
    db.sql("update customer set region = 'east', industry = 'retail' where owner = '王芳'").update();
    db.sql("update customer set region = 'west', industry = 'energy' where owner = '李娜'").update();
    db.sql("insert into interaction (record_id, customer_id, at, type, channel, outcome) values "
        + "('i1', 'A-2', timestamp '2026-02-12 10:00:00', 'complaint', 'phone', ''), "
        + "('i2', 'B-1', timestamp '2026-03-02 10:00:00', 'complaint', 'phone', '')").update();
    long first = runToEnd(admin, "2026-02-28");
    new TestData(db, summaries).purchase("A-2", "2026-03-05", 800).purchase("B-1", "2026-03-10", 70)
        .purchase("B-1", "2026-03-20", 50).purchase("N-1", "2026-03-15", 20).commit();
    long second = runToEnd(admin, "2026-03-31");
    kpis(admin, second);
    return new long[] {first, second};
  }

  @Test
  void kpisFromTheInputsARunWritesEqualThoseReadFromItsSnapshotRows() throws Exception {
    Api admin = admin();
    long[] runs = twoSnapshots(admin, db, summaries);
    List<String> written = inputs(runs);
    List<String> figures = figures(db, runs[1]);
    // The run's own inputs, from its scored customers in memory; the fields that make groups and the complaint
    // count reach them (A-2 complained once before the first snapshot, B-1 once after it).
    for (String row : List.of(runs[1] + "|A-2|big|2|2|110000|" + day("2026-03-05") + "|1|王芳|east|retail|",
        runs[1] + "|B-1|mid|3|3|16000|" + day("2026-03-20") + "|1|李娜|west|energy|",
        runs[0] + "|B-1|small|1|1|4000|" + day("2026-01-20") + "|0|李娜|west|energy|",
        runs[1] + "|P-1|small|0|0|0|null|0||||")) {
      assertThat(written).filteredOn(r -> r.startsWith(row)).as(row + " in " + written).hasSize(1);
    }

    // The same snapshots' inputs read back from the snapshot rows' metrics JSON, as the KPIs were before V21.
    db.sql("delete from snapshot_kpi_input").update();
    db.sql("delete from snapshot_kpi where run_id = ?").param(runs[1]).update();
    tables.compute(runs[1]);
    assertThat(inputs(runs)).isEqualTo(written);
    assertThat(figures(db, runs[1])).isEqualTo(figures);
  }

  private static long day(String iso) {
    return java.time.LocalDate.parse(iso).toEpochDay();
  }

  private List<String> inputs(long[] runs) {
    return db.sql("select run_id, customer_id, tier, orders, purchase_days, net_cents, last_purchase_day, "
            + "complaints, owner, region, industry, clv, p_alive from snapshot_kpi_input where run_id in (?, ?) "
            + "order by run_id, customer_id").params(runs[0], runs[1])
        .query((rs, n) -> {
          StringBuilder row = new StringBuilder(rs.getString(1));
          for (int c = 2; c <= 13; c++) row.append('|').append(rs.getString(c));
          return row.toString();
        }).list();
  }

  static List<String> figures(JdbcClient db, long run) {
    return db.sql("select from_run, model_changed, dimension, grp, position, tier, figures from snapshot_kpi "
        + "where run_id = ? order by position").param(run).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)
            + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getInt(5) + "|" + rs.getString(6) + "|"
            + rs.getString(7)).list();
  }
}
