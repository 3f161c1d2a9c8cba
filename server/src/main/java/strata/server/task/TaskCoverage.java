package strata.server.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.security.Viewer;

/**
 * How well each rep keeps the cadence of each tier (issue 15, the team view): of the customers whose tier has a
 * cadence, the share contacted within it. The planner keeps one cadence task per such customer, due a cadence after
 * the last contact (or when the customer entered), so a customer is covered while that task is open and not overdue;
 * one whose task is overdue, or suppressed (caps, consent, missing details), is not. Counted per customer owner, the
 * scope of every task list.
 */
@Service
class TaskCoverage {
  /** @param customers customers of the owner in the tier with a cadence task; covered: those not overdue */
  record Row(String owner, String tier, long customers, long covered) {}

  private final JdbcClient db;

  TaskCoverage(JdbcClient db) {
    this.db = db;
  }

  List<Row> rows(Viewer viewer, LocalDate today) {
    List<Object> params = new ArrayList<>(List.of(today));
    String scope = viewer.ownerCondition("customer_owner", params);
    return db.sql("select customer_owner, tier, count(*), sum(case when status = 'open' and due_date >= ? "
            + "then 1 else 0 end) from service_task where trigger_kind = 'cadence' and status in ('open', "
            + "'suppressed') and " + scope + " group by customer_owner, tier order by customer_owner, tier")
        .params(params)
        .query((rs, n) -> new Row(rs.getString(1) == null ? "" : rs.getString(1), rs.getString(2), rs.getLong(3),
            rs.getLong(4)))
        .list();
  }
}
