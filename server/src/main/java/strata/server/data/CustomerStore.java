package strata.server.data;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import strata.intake.CustomerProfile;

/**
 * Customer profiles by customer id: sending a profile again is an upsert (changed content counts as updated), whole
 * or only the fields sent ({@link #merge}).
 */
@Service
public class CustomerStore {
  private final RecordTable<CustomerProfile> table;
  private final OwnerFollower snapshotOwners;
  private final JdbcTemplate jdbc;

  public CustomerStore(JdbcTemplate jdbc, DataSource dataSource, Dialect dialect, OwnerFollower snapshotOwners) {
    this.snapshotOwners = snapshotOwners;
    // updated_at is written but not read back: it is not part of the profile, so it never makes a profile "changed".
    this.table = new RecordTable<>(jdbc, dataSource, dialect, "customer", List.of("id", "name", "industry", "size",
        "region", "owner", "phone", "email", "birthday", "created", "updated_at"), CustomerProfile::customerId,
        c -> new Object[] {c.customerId(), c.name(), c.industry(), c.size(), c.region(), c.owner(), c.phone(),
            c.email(), c.birthday(), c.created(), OffsetDateTime.now(ZoneOffset.UTC)},
        PROFILE);
    this.jdbc = jdbc;
  }

  private static final RowMapper<CustomerProfile> PROFILE = (rs, n) -> new CustomerProfile(rs.getString(1),
      rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
      rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class));

  /**
   * A customers file's merges ({@link #merge}'s rules), staged and applied at the import's switch with the owners
   * of snapshot rows following ({@link ImportWrite}).
   */
  public ImportWrite<CustomerPatch> fileWrite(long importId) {
    return new StagedCustomers(jdbc, table, PROFILE, snapshotOwners, importId);
  }

  /** Inserts new customers, replaces changed profiles whole. Callers hold the {@link WriteLock}. */
  @Transactional
  public Written write(List<CustomerProfile> customers) {
    return followOwners(table.write(customers));
  }

  /**
   * Inserts new customers (fields not sent are empty) and updates only the sent fields of known ones; a patch that
   * changes nothing counts as unchanged. Callers hold the {@link WriteLock}.
   *
   * @param patches distinct customer ids
   */
  @Transactional
  public Written merge(List<CustomerPatch> patches) {
    Map<String, CustomerPatch> byId = new HashMap<>();
    patches.forEach(p -> byId.put(p.profile().customerId(), p));
    return followOwners(table.write(patches.stream().map(CustomerPatch::profile).toList(),
        (stored, sent) -> byId.get(sent.customerId()).over(stored)));
  }

  /** Snapshot rows carry the customer's owner: new customers and changed owners move them, in this transaction. */
  private Written followOwners(RecordTable.Changes<CustomerProfile> changes) {
    Map<String, String> owners = new HashMap<>();
    changes.inserted().forEach(c -> owners.put(c.customerId(), c.owner()));
    for (int i = 0; i < changes.updated().size(); i++) {
      CustomerProfile now = changes.updated().get(i);
      if (!java.util.Objects.equals(now.owner(), changes.replaced().get(i).owner())) {
        owners.put(now.customerId(), now.owner());
      }
    }
    snapshotOwners.follow(owners);
    return Written.of(changes);
  }
}
