package strata.server.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The teams of the KPI table's {@code team} dimension, as they are when a snapshot's KPIs are computed: a customer is
 * in the team of each enabled sales user whose owner name it carries, the customers a manager of that team sees
 * (strata.server.security.Users#viewer) less the manager's own, so a team's figures never reach past any of its
 * managers' scope.
 */
final class KpiTeams {
  private KpiTeams() {}

  /** Owner name to its teams, in name order. */
  static Map<String, List<String>> byOwner(JdbcClient db) {
    Map<String, List<String>> teams = new TreeMap<>();
    db.sql("select distinct owner, team from app_user where role = 'sales' and enabled = true and owner is not null "
            + "and team is not null order by owner, team")
        .query((java.sql.ResultSet rs) -> {
          teams.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    return teams;
  }
}
