package strata.server.data;

import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Interactions by record id. */
@Service
public class InteractionStore {
  private final RecordTable<Interaction> table;

  public InteractionStore(JdbcTemplate jdbc, DataSource dataSource, Dialect dialect) {
    this.table = new RecordTable<>(jdbc, dataSource, dialect, "interaction",
        List.of("record_id", "customer_id", "at", "type", "channel", "outcome"), Interaction::recordId,
        i -> new Object[] {i.recordId(), i.customerId(), i.at(), i.type(), i.channel(), i.outcome()},
        (rs, n) -> new Interaction(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
            rs.getString(4), rs.getString(5), rs.getString(6)));
  }

  /** Inserts new record ids, updates changed ones. Callers hold the {@link WriteLock}. */
  @Transactional
  public Written write(List<Interaction> interactions) {
    return Written.of(table.write(interactions));
  }

  /** The writes of one file import, hidden until its switch ({@link ImportWrite}). */
  public ImportWrite<Interaction> fileWrite(long importId) {
    return new StagedRecords<>(table, importId);
  }
}
