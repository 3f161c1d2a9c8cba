package strata.server.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import strata.intake.FileKind;
import strata.intake.RowIntake;
import strata.server.audit.AuditLog;
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
  private final AuditLog audit;

  BatchController(PurchaseStore purchases, CustomerStore customers, InteractionStore interactions,
      SurveyStore surveys, WriteLock lock, AuditLog audit) {
    this.purchases = purchases;
    this.customers = customers;
    this.interactions = interactions;
    this.surveys = surveys;
    this.lock = lock;
    this.audit = audit;
  }

  @PostMapping("/{kind}")
  Answer batch(@PathVariable String kind, @RequestBody JsonNode body) {
    FileKind fileKind = Kinds.of(kind, "kind");
    BatchRecords.Checked c = BatchRecords.check(fileKind, body);
    Written w = switch (fileKind) {
      case TRANSACTIONS -> store(c, (id, r) -> Records.purchase(id, r), purchases::write);
      case CUSTOMERS -> store(c, (id, r) -> r.profile(), customers::write);
      case INTERACTIONS -> store(c, (id, r) -> Records.interaction(id, r), interactions::write);
      case SURVEYS -> store(c, (id, r) -> Records.survey(id, r), surveys::write);
    };
    Answer answer = new Answer(body.size(), w.inserted(), w.updated(), w.unchanged(), c.rejected());
    audit.record(Viewer.current().username(), "import", "batch " + fileKind.label() + ": " + answer.received()
        + " received, " + w.inserted() + " inserted, " + w.updated() + " updated, " + w.unchanged() + " unchanged, "
        + c.rejected().size() + " rejected");
    return answer;
  }

  private <T> Written store(BatchRecords.Checked c, java.util.function.BiFunction<String, RowIntake.Row, T> convert,
      Function<List<T>, Written> write) {
    if (c.rows().isEmpty()) return Written.NONE;
    List<T> records = new ArrayList<>();
    for (int i = 0; i < c.rows().size(); i++) records.add(convert.apply(c.recordIds().get(i), c.rows().get(i)));
    return lock.lockedWithin(BUSY_WAIT, () -> write.apply(records));
  }
}
