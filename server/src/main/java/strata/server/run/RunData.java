package strata.server.run;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.server.data.SummaryStore;
import strata.summary.CustomerSummary;

/** What a run scores, read from the stores: purchase summaries (not the history), profiles and engagement. */
@Service
class RunData {
  record Inputs(List<CustomerSummary> summaries, Map<String, CustomerProfile> profiles,
      Map<String, Engagement> engagement, int firstDay, int lastDay) {}

  private final JdbcClient db;
  private final SummaryStore summaries;

  RunData(JdbcClient db, SummaryStore summaries) {
    this.db = db;
    this.summaries = summaries;
  }

  Inputs load() {
    List<CustomerSummary> all = new ArrayList<>();
    int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
    summaries.forEach(s -> {
      all.add(s);
      range[0] = Math.min(range[0], s.firstDay());
      range[1] = Math.max(range[1], s.lastDay());
    });
    return new Inputs(all, profiles(), engagement(), range[0], range[1]);
  }

  private Map<String, CustomerProfile> profiles() {
    Map<String, CustomerProfile> out = new HashMap<>();
    db.sql("select id, name, industry, size, region, owner, phone, email, birthday, created from customer")
        .query((ResultSet rs) -> {
          out.put(rs.getString(1), new CustomerProfile(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
              rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class)));
        });
    return out;
  }

  private Map<String, Engagement> engagement() {
    Map<String, Engagement> out = new HashMap<>();
    db.sql("select customer_id, at, type from interaction").query((ResultSet rs) -> {
      out.merge(rs.getString(1), Engagement.interaction(rs.getString(3), day(rs.getObject(2, LocalDateTime.class))),
          Engagement::merge);
    });
    db.sql("select customer_id, at, nps, csat from survey").query((ResultSet rs) -> {
      Integer nps = rs.getObject(3, Integer.class);
      Integer csat = rs.getObject(4, Integer.class);
      out.merge(rs.getString(1), Engagement.survey(nps == null ? -1 : nps, csat == null ? -1 : csat,
          day(rs.getObject(2, LocalDateTime.class))), Engagement::merge);
    });
    return out;
  }

  private static int day(LocalDateTime t) {
    return (int) t.toLocalDate().toEpochDay();
  }
}
