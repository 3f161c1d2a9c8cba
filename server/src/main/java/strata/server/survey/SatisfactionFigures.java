package strata.server.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.data.Visible;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.security.Viewer;
import strata.server.task.TaskPlanning;
import strata.survey.SatisfactionFacts;
import strata.survey.SatisfactionRow;
import strata.survey.SatisfactionTable;
import strata.tier.TierRule;

/**
 * Reads each customer's invitations and latest answers of the last days for core's {@link SatisfactionTable}, with
 * the customer's owner now and tier and top category in the current snapshot. Scoped like every figure: rows are
 * kept by the customer's owner, so a rep counts only their own customers (a customer without a customer row has no
 * owner and only those who see all count it).
 */
@Service
class SatisfactionFigures {
  /** The period: {@code days} days up to and including {@code to} (today in the tasks' time zone). */
  record Table(String by, int days, LocalDate from, LocalDate to, Long runId, List<SatisfactionRow> rows) {}

  /** The keys every fact query reads beside its own columns, the current snapshot's run id twice. */
  private static final String KEYS = " left join customer c on c.id = x.customer_id "
      + "left join snapshot_row r on r.run_id = ? and r.customer_id = x.customer_id "
      + "left join snapshot_product p on p.run_id = ? and p.customer_id = x.customer_id where ";

  private final JdbcClient db;
  private final RunStore runs;
  private final ModelStore models;
  private final TaskPlanning tasks;

  SatisfactionFigures(JdbcClient db, RunStore runs, ModelStore models, TaskPlanning tasks) {
    this.db = db;
    this.runs = runs;
    this.models = models;
    this.tasks = tasks;
  }

  Table table(SatisfactionFacts.By by, int days, Viewer viewer) {
    LocalDate to = tasks.today();
    LocalDate from = to.minusDays(days - 1L);
    Optional<Run> current = runs.current().filter(r -> r.modelVersion() != null);
    long runId = current.map(Run::id).orElse(-1L);
    Map<String, Facts> facts = new LinkedHashMap<>();
    invitations(facts, runId, from, to, viewer);
    answers(facts, runId, from, to, viewer);
    List<SatisfactionFacts> list = facts.values().stream().map(Facts::done).toList();
    List<String> tiers = current.map(r -> models.get(r.modelVersion()).model().tiers().stream().map(TierRule::id)
        .toList()).orElse(List.of());
    return new Table(by.name().toLowerCase(java.util.Locale.ROOT), days, from, to, current.map(Run::id).orElse(null),
        SatisfactionTable.of(list, by, tiers));
  }

  /** Invitations made in the period, and of those the answered ones (answered by now). */
  private void invitations(Map<String, Facts> facts, long runId, LocalDate from, LocalDate to, Viewer viewer) {
    List<Object> params = new ArrayList<>(List.of(from, to, runId, runId));
    String scope = viewer.ownerCondition("c.owner", params);
    db.sql("select x.customer_id, c.owner, r.tier, p.top_category, x.invited, x.answered from (select customer_id, "
            + "count(*) as invited, count(answered_at) as answered from survey_invitation where invited_on >= ? and "
            + "invited_on <= ? group by customer_id) x" + KEYS + scope)
        .params(params).query((ResultSet rs) -> {
          Facts f = facts(facts, rs);
          f.invited = rs.getInt(5);
          f.answered = rs.getInt(6);
        });
  }

  /** Every visible survey record of the period, page answers and imported ones alike; the latest of each wins. */
  private void answers(Map<String, Facts> facts, long runId, LocalDate from, LocalDate to, Viewer viewer) {
    List<Object> params = new ArrayList<>(List.of(runId, runId, from.atStartOfDay(), to.plusDays(1).atStartOfDay()));
    String scope = viewer.ownerCondition("c.owner", params);
    db.sql("select x.customer_id, c.owner, r.tier, p.top_category, x.nps, x.csat from survey x" + KEYS
            + "x.at >= ? and x.at < ? and " + Visible.rows("x") + " and " + scope + " order by x.at, x.record_id")
        .params(params).query((ResultSet rs) -> {
          Facts f = facts(facts, rs);
          Integer nps = rs.getObject(5, Integer.class);
          Integer csat = rs.getObject(6, Integer.class);
          if (nps != null) f.nps = nps;
          if (csat != null) f.csat = csat;
        });
  }

  private static Facts facts(Map<String, Facts> facts, ResultSet rs) throws SQLException {
    String owner = rs.getString(2);
    String tier = rs.getString(3);
    String category = rs.getString(4);
    return facts.computeIfAbsent(rs.getString(1), id -> new Facts(tier, owner == null ? "" : owner, category));
  }

  private static final class Facts {
    final String tier;
    final String owner;
    final String category;
    int invited;
    int answered;
    Integer nps;
    Integer csat;

    Facts(String tier, String owner, String category) {
      this.tier = tier;
      this.owner = owner;
      this.category = category;
    }

    SatisfactionFacts done() {
      return new SatisfactionFacts(tier, owner, category, invited, answered, nps, csat);
    }
  }
}
