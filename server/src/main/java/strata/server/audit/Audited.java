package strata.server.audit;

import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A write and its audit entries as one transaction: both are stored or neither, also under {@code kill -9}. The work
 * gets the {@link AuditLog} to record with; it joins the caller's transaction when there is one (a writer holding the
 * data's write lock), and starts one otherwise.
 *
 * <pre>{@code
 * return audited.write(audit -> {
 *   Saved saved = store.save(...);
 *   audit.record(username, "model_update", AuditDetail.of("model_update", "version", saved.version()));
 *   return saved;
 * });
 * }</pre>
 */
@Component
public class Audited {
  private final AuditLog log;
  private final TransactionTemplate transaction;

  Audited(AuditLog log, PlatformTransactionManager transactions) {
    this.log = log;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Runs {@code work} in one transaction; an exception it throws rolls back its writes and entries alike. */
  public <T> T write(Function<AuditLog, T> work) {
    return transaction.execute(tx -> work.apply(log));
  }

  /** {@link #write} for work that returns nothing. */
  public void run(Consumer<AuditLog> work) {
    transaction.executeWithoutResult(tx -> work.accept(log));
  }

  /** An entry about something that stores nothing else (a failed sign-in, a download). */
  public void record(String username, String action, AuditDetail detail) {
    run(audit -> audit.record(username, action, detail));
  }
}
