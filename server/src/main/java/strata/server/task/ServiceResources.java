package strata.server.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import strata.playbook.Resources;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.security.Viewer;
import strata.tier.TierRule;

/**
 * The tiers' budget lines ({@code service.resources}) over the customers the viewer sees in the current snapshot: a
 * rep's own, a manager's team's, everyone's for admins and analysts. The gift budget of a tier is its customers times
 * its gift value per customer per year; the discount ceiling and the share of the reps' hours are the tier's as
 * written (a share of hours is the team's plan, not a sum over customers).
 */
@RestController
class ServiceResources {
  /**
   * @param giftValue per customer per year, null when the tier budgets none; {@code giftBudget} is it times
   *     {@code customers}, rounded to cents
   */
  record Line(String tier, long customers, Double giftValue, BigDecimal giftBudget, Double discountCeiling,
      Double repHoursShare) {}

  private final JdbcClient db;
  private final RunStore runs;
  private final ModelStore models;

  ServiceResources(JdbcClient db, RunStore runs, ModelStore models) {
    this.db = db;
    this.runs = runs;
    this.models = models;
  }

  /** One line per tier of the current snapshot's model, in its order; empty before any run succeeded. */
  @GetMapping("/api/v1/tasks/resources")
  List<Line> lines() {
    Run run = runs.current().orElse(null);
    if (run == null || run.modelVersion() == null) return List.of();
    Viewer viewer = Viewer.current();
    List<Object> params = new ArrayList<>(List.of(run.id()));
    // snapshot_row carries each customer's current owner, so the scope needs no join with customer.
    String scope = viewer.ownerCondition("owner", params);
    Map<String, Long> customers = new HashMap<>();
    db.sql("select tier, count(*) from snapshot_row where run_id = ? and " + scope + " group by tier").params(params)
        .query((rs, n) -> customers.put(rs.getString(1), rs.getLong(2))).list();
    List<Line> lines = new ArrayList<>();
    for (TierRule t : models.get(run.modelVersion()).model().tiers()) {
      Resources r = t.service().resources();
      long n = customers.getOrDefault(t.id(), 0L);
      BigDecimal budget = r.giftValue() == null ? null
          : BigDecimal.valueOf(r.giftValue()).multiply(BigDecimal.valueOf(n)).setScale(2, RoundingMode.HALF_UP);
      lines.add(new Line(t.id(), n, r.giftValue(), budget, r.discountCeiling(), r.repHoursShare()));
    }
    return lines;
  }
}
