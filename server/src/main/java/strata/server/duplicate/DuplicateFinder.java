package strata.server.duplicate;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.identity.CandidatePair;
import strata.identity.DuplicateCandidates;
import strata.intake.CustomerProfile;
import strata.server.run.RunPublished;

/**
 * Fills the review queue after each published run: core's {@link DuplicateCandidates} over the stored customers (the
 * customers table read twice, holding only those that share a key), stored in one transaction. A pair found again
 * keeps its decision; a pending pair no longer found (a phone corrected since) leaves the queue.
 */
@Service
class DuplicateFinder {
  private static final Logger log = LoggerFactory.getLogger(DuplicateFinder.class);
  static final String PENDING = "pending";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  DuplicateFinder(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    // PostgreSQL streams a query's rows only with a fetch size, inside a transaction (see refresh).
    this.jdbc.setFetchSize(1000);
    this.tx = new TransactionTemplate(transactions);
  }

  /**
   * A failure is logged and the queue keeps what it had: the run stays published. Runs that build up history (the
   * demo's earlier quarters) are skipped, the run after them finds the same customers.
   */
  @EventListener
  void runPublished(RunPublished published) {
    if (published.history()) return;
    try {
      int pairs = refresh(published.runId());
      log.info("run {}: {} possible duplicate customer pairs", published.runId(), pairs);
    } catch (RuntimeException e) {
      log.warn("duplicate customers after run {} not searched: {}", published.runId(), e.getMessage(), e);
    }
  }

  /** Searches the stored customers and stores the pairs found; returns how many. */
  int refresh(long runId) {
    return tx.execute(s -> {
      DuplicateCandidates.Result found = DuplicateCandidates.find(action -> jdbc.query(
          "select id, name, phone, email from customer", (RowCallbackHandler) rs -> action.accept(profile(rs))));
      List<Object[]> rows = new ArrayList<>(found.pairs().size());
      for (CandidatePair p : found.pairs()) {
        // One row per pair whichever record the database listed first: the smaller id is id_a (and survives).
        boolean inOrder = p.idA().compareTo(p.idB()) < 0;
        rows.add(new Object[] {inOrder ? p.idA() : p.idB(), inOrder ? p.idB() : p.idA(), p.reasonCodes(), p.score(),
            runId});
      }
      jdbc.batchUpdate("insert into duplicate_pair (id_a, id_b, reasons, score, found_run, status) "
          + "values (?, ?, ?, ?, ?, '" + PENDING + "') on conflict do nothing", rows);
      List<Object[]> updates = rows.stream().map(r -> new Object[] {r[2], r[3], r[4], r[0], r[1]}).toList();
      jdbc.batchUpdate("update duplicate_pair set reasons = ?, score = ?, found_run = ? where id_a = ? and id_b = ?",
          updates);
      jdbc.update("delete from duplicate_pair where status = ? and found_run <> ?", PENDING, runId);
      return rows.size();
    });
  }

  private static CustomerProfile profile(ResultSet rs) throws java.sql.SQLException {
    return new CustomerProfile(rs.getString(1), rs.getString(2), null, null, null, null, rs.getString(3),
        rs.getString(4), null, null);
  }
}
