package strata.server.duplicate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.api.Conflict;
import strata.server.api.NotFound;
import strata.server.api.Page;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;
import strata.server.security.Viewer;

/**
 * The review queue of possible duplicate customers (README "Duplicate customers"). Listing follows owner scoping;
 * deciding is for admins and analysts (SecurityConfig). An accepted pair is merged by the next run; undo puts a
 * decided pair back to pending, and the next run counts the two customers apart again.
 */
@RestController
@RequestMapping("/api/v1/duplicates")
class DuplicateController {
  static final int MAX_NOTE = 1000;
  private static final Set<String> STATUSES = Set.of("pending", "accepted", "rejected");

  /** @param note why, optional; stored and shown as given (at most {@link #MAX_NOTE} characters) */
  record Decision(String note) {}

  private final DuplicateStore store;
  private final Audited audited;

  DuplicateController(DuplicateStore store, Audited audited) {
    this.store = store;
    this.audited = audited;
  }

  @GetMapping
  Page<DuplicateStore.Pair> list(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    if (status != null && !STATUSES.contains(status)) {
      throw new BadRequest("status", "must be pending, accepted or rejected");
    }
    return store.list(Viewer.current(), status, page, size);
  }

  @PostMapping("/{id}/accept")
  DuplicateStore.Pair accept(@PathVariable long id, @RequestBody(required = false) Decision body) {
    return decide(id, "accepted", body);
  }

  @PostMapping("/{id}/reject")
  DuplicateStore.Pair reject(@PathVariable long id, @RequestBody(required = false) Decision body) {
    return decide(id, "rejected", body);
  }

  /** An accepted or rejected pair back to pending; 409 for a pending one. */
  @PostMapping("/{id}/undo")
  DuplicateStore.Pair undo(@PathVariable long id, @RequestBody(required = false) Decision body) {
    return decide(id, "pending", body);
  }

  /**
   * Deciding what is already decided the same way changes nothing (200, no audit entry: a double click); the other
   * decision needs an undo first (409), so nobody overturns a colleague's decision unknowingly.
   */
  private DuplicateStore.Pair decide(long id, String to, Decision body) {
    String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note();
    if (note != null && note.length() > MAX_NOTE) {
      throw new BadRequest("note", "must be at most " + MAX_NOTE + " characters");
    }
    String by = Viewer.current().username();
    return audited.write(audit -> {
      DuplicateStore.Pair pair = store.get(id).orElseThrow(() -> new NotFound("no duplicate pair " + id));
      if (pair.status().equals(to)) {
        if (to.equals("pending")) throw new Conflict("not_decided", "pair " + id + " is not decided: nothing to undo");
        return pair;
      }
      if (!to.equals("pending") && !pair.status().equals("pending")) {
        throw new Conflict("already_decided", "pair " + id + " is already " + pair.status() + "; undo it first");
      }
      OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
      if (!store.move(id, pair.status(), to, by, at, note)) {
        throw new Conflict("already_decided", "pair " + id + " was decided meanwhile; reload it");
      }
      String action = switch (to) {
        case "accepted" -> "duplicate_accepted";
        case "rejected" -> "duplicate_rejected";
        default -> "duplicate_undone";
      };
      audit.record(by, action,
          AuditDetail.of("duplicate", "pair", id, "a", pair.a().id(), "b", pair.b().id(), "reasons", pair.reasons(),
              "was", pair.status(), "note", note));
      return store.get(id).orElseThrow();
    });
  }
}
