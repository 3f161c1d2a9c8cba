package strata.server.data;

import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Survey answers by record id. */
@Service
public class SurveyStore {
  private final RecordTable<Survey> table;

  public SurveyStore(JdbcTemplate jdbc, DataSource dataSource, Dialect dialect) {
    this.table = new RecordTable<>(jdbc, dataSource, dialect, "survey",
        List.of("record_id", "customer_id", "at", "nps", "csat", "comment"), Survey::recordId,
        s -> new Object[] {s.recordId(), s.customerId(), s.at(), s.nps(), s.csat(), s.comment()},
        (rs, n) -> new Survey(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
            (Integer) rs.getObject(4, Integer.class), (Integer) rs.getObject(5, Integer.class), rs.getString(6)));
  }

  /** Inserts new record ids, updates changed ones. Callers hold the {@link WriteLock}. */
  @Transactional
  public Written write(List<Survey> surveys) {
    return Written.of(table.write(surveys));
  }

  /** The writes of one file import, hidden until its switch ({@link ImportWrite}). */
  public ImportWrite<Survey> fileWrite(long importId) {
    return new StagedRecords<>(table, importId);
  }
}
