package strata.server.data;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import strata.intake.CustomerProfile;

/**
 * A customers file's profiles, staged in customer_staged as they will be stored (each patch merged over the stored
 * profile, or over the one staged by an earlier row of the file) and applied at the import's switch. A customers
 * file is small next to a purchases file, so the switch copies it over in a few statements.
 */
final class StagedCustomers implements ImportWrite<CustomerPatch> {
  private static final String FIELDS = "name, industry, size, region, owner, phone, email, birthday, created";
  private final JdbcTemplate jdbc;
  private final RecordTable<CustomerProfile> stored;
  private final RowMapper<CustomerProfile> mapper;
  private final OwnerFollower snapshotOwners;
  private final long importId;
  /** The ids this import put in customer_staged (a file's customers: about 100 bytes each). */
  private final Set<String> stagedIds = new HashSet<>();

  StagedCustomers(JdbcTemplate jdbc, RecordTable<CustomerProfile> stored, RowMapper<CustomerProfile> mapper,
      OwnerFollower snapshotOwners, long importId) {
    this.jdbc = jdbc;
    this.stored = stored;
    this.mapper = mapper;
    this.snapshotOwners = snapshotOwners;
    this.importId = importId;
  }

  @Override
  public Written write(List<CustomerPatch> patches) {
    List<String> ids = patches.stream().map(p -> p.profile().customerId()).toList();
    // Only a customer repeated in the file is staged already. Asking customer_staged about every id cost minutes at
    // 1M customers on PostgreSQL: after five runs the statement's generic plan scans the table, now large, matching
    // each row against the 10,000 ids.
    Map<String, CustomerProfile> staged = staged(ids.stream().filter(stagedIds::contains).toList());
    Map<String, CustomerProfile> before = stored.load(ids.stream().filter(id -> !staged.containsKey(id)).toList());
    before.putAll(staged);
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    List<CustomerProfile> changed = new ArrayList<>();
    for (CustomerPatch p : patches) {
      CustomerProfile was = before.get(p.profile().customerId());
      CustomerProfile now = was == null ? p.profile() : p.over(was);
      if (was == null) inserted++;
      else if (was.equals(now)) unchanged++;
      else updated++;
      if (!now.equals(was)) changed.add(now);
    }
    List<String> restaged = changed.stream().map(CustomerProfile::customerId).filter(staged::containsKey).toList();
    if (!restaged.isEmpty()) {
      List<Object> args = new ArrayList<>(restaged);
      args.add(0, importId);
      jdbc.update("delete from customer_staged where import_id = ? and id in (" + marks(restaged.size()) + ")",
          args.toArray());
    }
    jdbc.batchUpdate("insert into customer_staged (import_id, id, " + FIELDS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        + "?, ?)", changed.stream().map(c -> new Object[] {importId, c.customerId(), c.name(), c.industry(), c.size(),
            c.region(), c.owner(), c.phone(), c.email(), c.birthday(), c.created()}).toList());
    changed.forEach(c -> stagedIds.add(c.customerId()));
    return new Written(inserted, updated, unchanged);
  }

  /** New customers and changed profiles replace the stored ones; snapshot rows follow owners that changed. */
  @Override
  public void atSwitch() {
    Map<String, String> owners = new HashMap<>();
    jdbc.query("select s.id, s.owner from customer_staged s left join customer c on c.id = s.id "
        + "where s.import_id = ? and (c.id is null or c.owner <> s.owner)",
        rs -> {
          owners.put(rs.getString(1), rs.getString(2));
        }, importId);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String fromStaged = " from customer_staged s where s.import_id = ?";
    jdbc.update("update customer set (" + FIELDS + ") = (select " + prefixed() + fromStaged
        + " and s.id = customer.id), updated_at = ? where id in (select s.id" + fromStaged + ")", importId, now,
        importId);
    jdbc.update("insert into customer (id, " + FIELDS + ", updated_at) select s.id, " + prefixed()
        + ", cast(? as timestamp with time zone)" + fromStaged
        + " and not exists (select 1 from customer c where c.id = s.id)", now, importId);
    jdbc.update("delete from customer_staged where import_id = ?", importId);
    snapshotOwners.follow(owners);
  }

  private Map<String, CustomerProfile> staged(List<String> ids) {
    Map<String, CustomerProfile> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    List<Object> args = new ArrayList<>(ids);
    args.add(0, importId);
    jdbc.query("select id, " + FIELDS + " from customer_staged where import_id = ? and id in (" + marks(ids.size())
        + ")", mapper, args.toArray()).forEach(c -> out.put(c.customerId(), c));
    return out;
  }

  private static String prefixed() {
    return "s." + FIELDS.replace(", ", ", s.");
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}
