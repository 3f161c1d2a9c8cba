package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A file import's rows on H2: each chunk looked up in the table, its new rows stored straight in under the import
 * (hidden until its switch), stored rows counted as unchanged or changed, and a change waiting for the switch. H2 has
 * no load table (db/h2/V52).
 */
class StagedRecordsH2Test {
  record Item(String id, String customer, int value) {}

  private JdbcTemplate jdbc;
  private TransactionTemplate tx;
  private RecordTable<Item> table;

  @BeforeEach
  void database() {
    DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    jdbc = new JdbcTemplate(ds);
    tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    jdbc.execute("create table item (record_id varchar(50) primary key, customer_id varchar(50) not null,"
        + " v int not null, import_id bigint)");
    table = new RecordTable<>(jdbc, ds, new Dialect(ds), "item", List.of("record_id", "customer_id", "v"), Item::id,
        i -> new Object[] {i.id(), i.customer(), i.value()},
        (rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getInt(3)));
    jdbc.update("insert into item values ('a', 'c1', 1, null), ('b', 'c2', 2, null)");
  }

  @Test
  void newRowsGoStraightInUnderTheImportWhileStoredRowsAreCountedAndChangesWaitForTheSwitch() {
    StagedRecords<Item> staged = new StagedRecords<>(table, 7);
    var first = tx.execute(t -> staged.stage(List.of(new Item("x", "c9", 3), new Item("a", "c1", 1))));
    assertThat(first.inserted()).containsExactly(new Item("x", "c9", 3));
    assertThat(first.unchanged()).isEqualTo(1);
    assertThat(jdbc.queryForList("select record_id from item where import_id = 7", String.class))
        .containsExactly("x");

    var second = tx.execute(t -> staged.stage(List.of(new Item("b", "c2", 5), new Item("d", "c0", 4))));
    assertThat(second.inserted()).containsExactly(new Item("d", "c0", 4));
    assertThat(second.updated()).containsExactly(new Item("b", "c2", 5));
    assertThat(second.replaced()).containsExactly(new Item("b", "c2", 2));
    // A change to a visible row waits for the switch.
    assertThat(jdbc.queryForObject("select v from item where record_id = 'b'", Integer.class)).isEqualTo(2);
    var flushed = tx.execute(t -> staged.flushChanges());
    assertThat(flushed.inserted()).isEmpty();
    assertThat(count("item")).isEqualTo(4);

    tx.executeWithoutResult(t -> staged.atSwitch());
    assertThat(jdbc.queryForObject("select v from item where record_id = 'b'", Integer.class)).isEqualTo(5);
  }

  @Test
  void aReuploadStoresNothingAndCountsEveryRowUnchanged() {
    StagedRecords<Item> staged = new StagedRecords<>(table, 8);
    var c = tx.execute(t -> staged.stage(List.of(new Item("a", "c1", 1), new Item("b", "c2", 2))));
    assertThat(c.unchanged()).isEqualTo(2);
    assertThat(c.inserted()).isEmpty();
    tx.execute(t -> staged.flushChanges());
    assertThat(count("item")).isEqualTo(2);
  }

  @Test
  void aChunkThatFailsLeavesTheTableAsItWas() {
    StagedRecords<Item> staged = new StagedRecords<>(table, 9);
    tx.execute(t -> staged.stage(List.of(new Item("x", "c1", 1))));
    jdbc.execute("alter table item add constraint small check (v < 100)");
    // The check refuses z, so the chunk's transaction, y with it, rolls back.
    assertThatThrownBy(() -> tx.execute(t -> staged.stage(List.of(new Item("y", "c2", 5), new Item("z", "c2", 100)))))
        .hasMessageContaining("small");
    assertThat(jdbc.queryForList("select record_id from item where import_id = 9", String.class))
        .containsExactly("x");
  }

  private long count(String t) {
    return jdbc.queryForObject("select count(*) from " + t, Long.class);
  }
}
