package strata.server.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.intake.Column;
import strata.intake.FileKind;
import strata.intake.RowIntake;
import strata.server.audit.AuditDetail;
import strata.server.audit.AuditLog;
import strata.server.audit.Audited;
import strata.server.api.BadRequest;
import strata.server.data.CustomerPatch;
import strata.server.data.CustomerStore;
import strata.server.data.InteractionStore;
import strata.server.data.PurchaseStore;
import strata.server.data.SurveyStore;
import strata.server.data.WriteLock;
import strata.server.data.Written;
import strata.server.security.Viewer;
import tools.jackson.databind.JsonNode;

/**
 * The batch API for CRMs and ERPs: records with their own ids, idempotent per id, so a client can retry safely.
 * Good records are stored, bad ones listed with the file intake's reasons.
 */
@RestController
@RequestMapping("/api/v1/batch")
class BatchController {
  record Answer(int received, long inserted, long updated, long unchanged, List<BatchRecords.Rejected> rejected) {}

  /** How long a batch call waits for a file import that is being applied before it answers 409. */
  private static final java.time.Duration BUSY_WAIT = java.time.Duration.ofSeconds(20);

  private final PurchaseStore purchases;
  private final CustomerStore customers;
  private final InteractionStore interactions;
  private final SurveyStore surveys;
  private final WriteLock lock;
  private final Audited audited;
  private final ApplicationEventPublisher events;

  BatchController(PurchaseStore purchases, CustomerStore customers, InteractionStore interactions,
      SurveyStore surveys, WriteLock lock, Audited audited, ApplicationEventPublisher events) {
    this.purchases = purchases;
    this.customers = customers;
    this.interactions = interactions;
    this.surveys = surveys;
    this.lock = lock;
    this.audited = audited;
    this.events = events;
  }

  /**
   * @param mode {@code merge} (the default): a customer record updates only the fields it has, RFC 7396 style;
   *     {@code replace}: it replaces the stored profile whole, fields it lacks become empty. Other kinds' records are
   *     always whole, so they take only {@code replace}.
   */
  @PostMapping("/{kind}")
  Answer batch(@PathVariable String kind, @RequestParam(required = false) String mode, @RequestBody JsonNode body) {
    FileKind fileKind = Kinds.of(kind, "kind");
    boolean merge = merge(fileKind, mode);
    BatchRecords.Checked c = BatchRecords.check(fileKind, body);
    List<Set<Column>> sent = c.sent();
    Entry entry = new Entry(Viewer.current().username(), fileKind, body.size(), c.rejected().size());
    Written w = switch (fileKind) {
      case TRANSACTIONS -> store(c, entry, (i, r) -> Records.purchase(c.recordIds().get(i), r), purchases::write);
      case CUSTOMERS -> merge
          ? store(c, entry, (i, r) -> new CustomerPatch(r.profile(), sent.get(i)), customers::merge)
          : store(c, entry, (i, r) -> r.profile(), customers::write);
      case INTERACTIONS -> store(c, entry, (i, r) -> Records.interaction(c.recordIds().get(i), r),
          interactions::write);
      case SURVEYS -> store(c, entry, (i, r) -> Records.survey(c.recordIds().get(i), r), surveys::write);
    };
    Answer answer = new Answer(body.size(), w.inserted(), w.updated(), w.unchanged(), c.rejected());
    if (w.inserted() + w.updated() > 0) {
      events.publishEvent(new BatchStored(fileKind.label(), Viewer.current().username()));
    }
    return answer;
  }

  private static boolean merge(FileKind kind, String mode) {
    if (mode == null || mode.isBlank()) return kind == FileKind.CUSTOMERS;
    if (mode.equals("replace")) return false;
    if (mode.equals("merge") && kind == FileKind.CUSTOMERS) return true;
    if (mode.equals("merge")) {
      throw new BadRequest("mode", kind.label() + " records are stored whole; only customers can be merged");
    }
    throw new BadRequest("mode", "merge or replace");
  }

  /**
   * Stores the accepted records and the call's audit entry in the lock's transaction: a retry after a kill finds either
   * both or neither.
   *
   * @param convert the accepted record's position and row to the record stored
   */
  private <T> Written store(BatchRecords.Checked c, Entry entry, BiFunction<Integer, RowIntake.Row, T> convert,
      Function<List<T>, Written> write) {
    if (c.rows().isEmpty()) {
      audited.run(audit -> entry.record(audit, Written.NONE));
      return Written.NONE;
    }
    List<T> records = new ArrayList<>();
    for (int i = 0; i < c.rows().size(); i++) records.add(convert.apply(i, c.rows().get(i)));
    return lock.lockedWithin(BUSY_WAIT, () -> audited.write(audit -> {
      Written w = write.apply(records);
      entry.record(audit, w);
      return w;
    }));
  }

  /** The audit entry of a call, written with what it stored. */
  private record Entry(String username, FileKind kind, int received, int rejected) {
    void record(AuditLog audit, Written w) {
      audit.record(username, "import",
          AuditDetail.of("import_batch", "kind", kind.label(), "received", received, "inserted", w.inserted(),
              "updated", w.updated(), "unchanged", w.unchanged(), "rejected", rejected));
    }
  }
}
