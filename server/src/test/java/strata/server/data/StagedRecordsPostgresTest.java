package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import strata.server.testing.Postgres;

/**
 * A file import's rows through PostgreSQL's load table: held there unindexed, moved into the table a batch at a time,
 * with the rows already stored found by the table's own unique check and reported as unchanged or changed.
 */
class StagedRecordsPostgresTest {
  record Item(String id, String customer, int value) {}

  private JdbcTemplate jdbc;
  private TransactionTemplate tx;
  private RecordTable<Item> table;
  private final StagedRecords.LoadTable load = new StagedRecords.LoadTable("item_load", "customer_id");

  @BeforeEach
  void database() {
    Postgres.Database db = Postgres.newDatabase();
    DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.user(), db.password());
    jdbc = new JdbcTemplate(ds);
    tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    jdbc.execute("create table item (record_id varchar(50) primary key, customer_id varchar(50) not null,"
        + " v int not null, import_id bigint)");
    jdbc.execute("create unlogged table item_load (like item)");
    table = new RecordTable<>(jdbc, ds, new Dialect(ds), "item", List.of("record_id", "customer_id", "v"), Item::id,
        i -> new Object[] {i.id(), i.customer(), i.value()},
        (rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getInt(3)));
    jdbc.update("insert into item values ('a', 'c1', 1, null), ('b', 'c2', 2, null)");
  }

  @Test
  void rowsWaitUntilABatchIsFullThenMoveWithStoredRowsCountedAsUnchangedOrChanged() {
    StagedRecords<Item> staged = new StagedRecords<>(table, 7, load, jdbc, 3);
    var first = tx.execute(t -> staged.stage(List.of(new Item("c", "c9", 3), new Item("a", "c1", 1))));
    assertThat(first.inserted()).isEmpty();
    assertThat(first.unchanged()).isZero();
    assertThat(count("item")).isEqualTo(2);
    assertThat(count("item_load")).isEqualTo(2);

    var second = tx.execute(t -> staged.stage(List.of(new Item("b", "c2", 5), new Item("d", "c0", 4))));
    assertThat(second.inserted()).containsExactlyInAnyOrder(new Item("c", "c9", 3), new Item("d", "c0", 4));
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(second.updated()).containsExactly(new Item("b", "c2", 5));
    assertThat(second.replaced()).containsExactly(new Item("b", "c2", 2));
    assertThat(count("item_load")).isZero();
    assertThat(jdbc.queryForList("select record_id from item where import_id = 7 order by record_id", String.class))
        .containsExactly("c", "d");
    // A change to a visible row waits for the switch.
    assertThat(jdbc.queryForObject("select v from item where record_id = 'b'", Integer.class)).isEqualTo(2);

    var last = tx.execute(t -> staged.stage(List.of(new Item("e", "c5", 6))));
    assertThat(last.inserted()).isEmpty();
    var flushed = tx.execute(t -> staged.flushChanges());
    assertThat(flushed.inserted()).containsExactly(new Item("e", "c5", 6));
    assertThat(count("item_load")).isZero();

    tx.executeWithoutResult(t -> staged.atSwitch());
    assertThat(jdbc.queryForObject("select v from item where record_id = 'b'", Integer.class)).isEqualTo(5);
    assertThat(count("item")).isEqualTo(5);
  }

  @Test
  void aReuploadMovesNothingAndCountsEveryRowUnchanged() {
    StagedRecords<Item> staged = new StagedRecords<>(table, 8, load, jdbc, 10);
    tx.execute(t -> staged.stage(List.of(new Item("a", "c1", 1), new Item("b", "c2", 2))));
    var flushed = tx.execute(t -> staged.flushChanges());
    assertThat(flushed.inserted()).isEmpty();
    assertThat(flushed.updated()).isEmpty();
    assertThat(flushed.unchanged()).isEqualTo(2);
    assertThat(count("item")).isEqualTo(2);
    assertThat(count("item_load")).isZero();
  }

  @Test
  void aMoveThatFailsLeavesTheTableAsItWas() {
    StagedRecords<Item> staged = new StagedRecords<>(table, 9, load, jdbc, 2);
    tx.execute(t -> staged.stage(List.of(new Item("x", "c1", 1))));
    jdbc.execute("alter table item add constraint small check (v < 100)");
    // The check refuses y, so the chunk's transaction, its copy and the move, rolls back.
    assertThatThrownBy(() -> tx.execute(t -> staged.stage(List.of(new Item("y", "c2", 100)))))
        .hasMessageContaining("small");
    assertThat(count("item")).isEqualTo(2);
    assertThat(count("item_load")).isEqualTo(1);
  }

  /** RecordTable's COPY carries texts CSV and COPY treat specially as they were sent, read back with plain SELECTs. */
  @Test
  void awkwardTextsGoInByCopyAsSent() {
    List<Item> sent = List.of(new Item("q", "say \"hi\", \"\"", 1), new Item("n", "two\r\nlines\n", 2),
        new Item("s", "back\\slash \\N \\", 3), new Item("e", "\\.", 4), new Item("z", "客户分级，\"北京\"", 5),
        new Item("u", "🙂 outside the BMP", 6), new Item("m", "", 7), new Item("w", " spaced ", 8));
    var written = tx.execute(t -> table.write(sent));
    assertThat(written.inserted()).containsExactlyElementsOf(sent);
    assertThat(table.load(sent.stream().map(Item::id).toList()).values()).containsExactlyInAnyOrderElementsOf(sent);
  }

  /** PostgreSQL's text has no NUL; the database refuses the COPY and the transaction keeps none of its rows. */
  @Test
  void aNulIsRefusedWithTheDatabasesReasonAndNoRowOfTheWriteStays() {
    List<Item> sent = List.of(new Item("x", "fine", 1), new Item("y", "a\u0000b", 2));
    assertThatThrownBy(() -> tx.execute(t -> table.write(sent)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot insert into item")
        .hasMessageContaining("0x00");
    assertThat(count("item")).isEqualTo(2);
  }

  private long count(String t) {
    return jdbc.queryForObject("select count(*) from " + t, Long.class);
  }
}
