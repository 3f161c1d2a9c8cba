package strata.server.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import strata.server.data.OwnerMoveTable;
import strata.server.data.OwnerMoveTable.Move;

class OwnerMovesTest extends OwnerMovesContract {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @Autowired OwnerMoveTable staged;

  /**
   * The lock joins the staged moves to the customers by key: two tables read, each only as far as the moves. As
   * {@code id in (select … from owner_move)}, H2 re-ran the subquery for every row it locked when the staged moves
   * were uncommitted (a third read in the plan; 507 s for 20,000 moves).
   */
  @Test
  void theLockJoinsTheStagedMovesToTheCustomersByKey() {
    db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) "
        + "select 'K' || x, 'n', '', '', '', 'o', '', '', current_timestamp from system_range(1, 5000) t(x)").update();
    List<Move> moves = IntStream.rangeClosed(1, 40)
        .mapToObj(i -> new Move("K" + i * 97, "o", "p", "reassign", "policy", null, null)).toList();
    String plan = new TransactionTemplate(transactions).execute(tx -> {
      staged.stage(moves);
      String p = db.sql("explain analyze " + OwnerMoves.LOCK).query(String.class).single();
      tx.setRollbackOnly();
      return p;
    });
    // A probe by key counts two rows read (the match and the next); a scan of the customers would count 5,000.
    Matcher scans = Pattern.compile("scanCount: (\\d+)").matcher(plan);
    int tables = 0;
    while (scans.find()) {
      tables++;
      assertThat(Integer.parseInt(scans.group(1))).as(plan).isLessThanOrEqualTo(2 * moves.size() + 1);
    }
    assertThat(tables).as(plan).isEqualTo(2);
  }
}
