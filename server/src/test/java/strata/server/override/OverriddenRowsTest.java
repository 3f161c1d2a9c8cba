package strata.server.override;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.H2Plans;
import strata.server.testing.ServerTest;

/**
 * A snapshot's overridden rows are read from the (run_id, override_id) index on H2: 2 of 5,000 rows carry an
 * override, and the dashboard's corrections read those, not the run's 5,000 (as {@code override_id is not null} did,
 * after every write to the database, since H2 then recomputes its cached results).
 */
class OverriddenRowsTest extends ServerTest {
  @Autowired JdbcClient db;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @Test
  void theOverriddenRowsOfARunAreAnIndexRange() {
    long run = 900_301;
    db.sql("insert into snapshot_row (run_id, customer_id, tier, model_tier, override_id, lifecycle, frequency, "
        + "monetary_cents, composite_score, metrics, explanation, owner) select " + run + ", 'OV' || x, "
        + "case when mod(x, 2500) = 0 then 't2' else 't1' end, 't1', case when mod(x, 2500) = 0 then x end, "
        + "'active', 1, 1, 0.5, '{}', '{}', 'o1' from system_range(1, 5000) t(x)").update();
    try {
      String where = " from snapshot_row where run_id = ? and " + OverrideStore.overridden("override_id");
      String plan = db.sql("explain analyze select customer_id" + where).param(run).query(String.class).single();
      assertThat(H2Plans.scanned(plan, "snapshot_row")).as(plan).isLessThanOrEqualTo(2 * 2 + 1);
      assertThat(db.sql("select customer_id" + where + " order by customer_id").param(run).query(String.class).list())
          .containsExactly("OV2500", "OV5000");
    } finally {
      db.sql("delete from snapshot_row where run_id = ?").param(run).update();
    }
  }
}
