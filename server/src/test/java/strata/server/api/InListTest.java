package strata.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** IN lists in chunks of at most 500 ids, in the order given, with the statement's other parameters after. */
class InListTest {
  @Test
  void idsAreCutIntoChunksOfAtMost500InTheirOrder() {
    List<Integer> sizes = new ArrayList<>();
    List<String> firsts = new ArrayList<>();
    List<String> seen = InList.query(ids(1201), chunk -> {
      sizes.add(chunk.ids().size());
      firsts.add(chunk.ids().get(0));
      return chunk.ids();
    });
    assertThat(sizes).containsExactly(500, 500, 201); // 1201 = 500 + 500 + 201
    assertThat(firsts).containsExactly("c0000", "c0500", "c1000");
    assertThat(seen).isEqualTo(ids(1201));
  }

  @Test
  void noIdsMeansNoStatement() {
    List<String> statements = new ArrayList<>();
    assertThat(InList.query(List.of(), chunk -> statements.add("x") ? List.of("x") : List.of())).isEmpty();
    assertThat(InList.update(List.of(), chunk -> 1)).isZero();
    assertThat(statements).isEmpty();
  }

  @Test
  void exactly500IdsAreOneChunk() {
    assertThat(InList.chunks(ids(500))).hasSize(1);
    assertThat(InList.chunks(ids(501))).extracting(c -> c.ids().size()).containsExactly(500, 1);
  }

  @Test
  void marksAndParamsMatchTheChunk() {
    InList.Chunk chunk = new InList.Chunk(List.of("a", "b", "c"));
    assertThat(chunk.marks()).isEqualTo("?, ?, ?");
    List<Object> params = chunk.params("tag", 5);
    assertThat(params).containsExactly("a", "b", "c", "tag", 5);
    params.add("more"); // the caller may add an owner condition's parameters
    assertThat(params).hasSize(6);
  }

  @Test
  void aHundredThousandIdsMake200StatementsOf500() {
    List<String> ids = IntStream.range(0, 100_000).mapToObj(i -> "c" + i).toList();
    assertThat(InList.chunks(ids)).hasSize(200).allMatch(c -> c.ids().size() == 500); // 100,000 / 500
  }

  @Test
  void theChunksRunAgainstARealDatabase() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:inlist-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    JdbcClient db = JdbcClient.create(h2);
    db.sql("create table item (id varchar(10) primary key, tag varchar(10))").update();
    db.sql("insert into item select 'c' || lpad(x, 4, '0'), case when mod(x, 2) = 0 then 'vip' else 'new' end "
        + "from system_range(0, 1200)").update();
    List<String> ids = ids(1201);
    assertThat(InList.query(ids, chunk -> db.sql("select id from item where id in (" + chunk.marks() + ") and "
        + "tag = ?").params(chunk.params("new")).query(String.class).list())).hasSize(600); // the odd of 0..1200
    int removed = InList.update(ids, chunk -> db.sql("delete from item where id in (" + chunk.marks() + ") and "
        + "tag = ?").params(chunk.params("vip")).update());
    assertThat(removed).isEqualTo(601); // the even of 0..1200
    assertThat(db.sql("select count(*) from item").query(Long.class).single()).isEqualTo(600);
  }

  private static List<String> ids(int n) {
    return IntStream.range(0, n).mapToObj(i -> String.format("c%04d", i)).toList();
  }
}
