package strata.server.customer;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.api.Page;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;
import strata.server.model.ModelStore;
import strata.server.run.CurrentOverrides;
import strata.server.override.OverrideStore;
import strata.server.run.Run;
import strata.server.security.Viewer;

@RestController
@RequestMapping("/api/v1")
class CustomerController {
  record NewOverride(@NotBlank @Size(max = 64) String tier, @NotBlank @Size(max = 500) String reason,
      Instant expiresAt) {}

  private final CustomerQueries queries;
  private final OverrideStore overrides;
  private final ModelStore models;
  private final Audited audited;
  private final CurrentOverrides currentOverrides;

  CustomerController(CustomerQueries queries, OverrideStore overrides, ModelStore models, Audited audited,
      CurrentOverrides currentOverrides) {
    this.queries = queries;
    this.overrides = overrides;
    this.models = models;
    this.audited = audited;
    this.currentOverrides = currentOverrides;
  }

  @GetMapping("/customers")
  Page<CustomerRow> list(@RequestParam(required = false) Long snapshot, @RequestParam(required = false) String tier,
      @RequestParam(required = false) String segment, @RequestParam(required = false) String segment11,
      @RequestParam(required = false) String lifecycle, @RequestParam(required = false) String abc,
      @RequestParam(required = false) String quadrant, @RequestParam(required = false) String owner,
      @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
      @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String count,
      @RequestParam(required = false) String after) {
    Page.check(page, size);
    if (count != null && !count.equals("exact") && !count.equals("capped")) {
      throw new BadRequest("count", "exact or capped (the default: at most " + strata.server.api.PagedQuery.COUNT_CAP
          + ")");
    }
    CustomerFilter f = filter(snapshot, tier, segment, segment11, lifecycle, abc, quadrant, owner, q, tag);
    return queries.list(f, Viewer.current(), sort, page, size, "exact".equals(count), after);
  }

  @GetMapping("/customers/export")
  void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) Long snapshot,
      @RequestParam(required = false) String tier, @RequestParam(required = false) String segment,
      @RequestParam(required = false) String segment11, @RequestParam(required = false) String lifecycle,
      @RequestParam(required = false) String abc, @RequestParam(required = false) String quadrant,
      @RequestParam(required = false) String owner, @RequestParam(required = false) String q,
      @RequestParam(required = false) String tag, @RequestParam(required = false) String sort,
      @RequestParam(required = false) String lang,
      HttpServletResponse response) throws IOException {
    if (!format.equals("csv") && !format.equals("xlsx")) throw new BadRequest("format", "csv or xlsx");
    if (lang != null && !lang.equals("zh") && !lang.equals("en")) throw new BadRequest("lang", "zh or en");
    CustomerFilter f = filter(snapshot, tier, segment, segment11, lifecycle, abc, quadrant, owner, q, tag);
    CustomerExport.Text text = lang == null ? null : exportText(queries.snapshot(f.runId()), lang.equals("zh"));
    Viewer v = Viewer.current();
    CustomerFilter.orderBy(sort); // a bad sort is a 400 before the download starts
    CustomerExport.Rows rows = action -> queries.each(f, v, sort, action);
    String name = "customers-" + f.runId() + "." + format;
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    if (format.equals("csv")) {
      response.setContentType("text/csv; charset=UTF-8");
      CustomerExport.csv(rows, text, response.getOutputStream());
    } else {
      response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      CustomerExport.xlsx(rows, text, response.getOutputStream());
    }
  }

  /** Tier names from the model version that scored the snapshot, so an old snapshot keeps the names it had. */
  private CustomerExport.Text exportText(Run run, boolean chinese) {
    ModelStore.Version version = run.modelVersion() == null ? models.current() : models.get(run.modelVersion());
    java.util.Map<String, String> names = new java.util.HashMap<>();
    version.model().tiers().forEach(t -> names.put(t.id(), t.name(chinese)));
    return new CustomerExport.Text(chinese ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH,
        id -> names.getOrDefault(id, id));
  }

  @GetMapping("/customers/{id}")
  CustomerQueries.Detail detail(@PathVariable String id) {
    return queries.detail(id, Viewer.current());
  }

  @GetMapping("/customers/{id}/history")
  List<CustomerQueries.HistoryItem> history(@PathVariable String id) {
    return queries.history(id, Viewer.current());
  }

  @GetMapping("/customers/{id}/tier")
  CustomerQueries.HistoryItem tierAt(@PathVariable String id, @RequestParam long snapshot) {
    return queries.tierAt(id, snapshot, Viewer.current());
  }

  @GetMapping("/customers/{id}/transactions")
  Page<CustomerQueries.Transaction> transactions(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    return queries.transactions(id, Viewer.current(), page, size);
  }

  @GetMapping("/customers/{id}/interactions")
  Page<CustomerQueries.Interaction> interactions(@PathVariable String id,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    return queries.interactions(id, Viewer.current(), page, size);
  }

  @GetMapping("/customers/{id}/surveys")
  Page<CustomerQueries.Survey> surveys(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    return queries.surveys(id, Viewer.current(), page, size);
  }

  @PutMapping("/customers/{id}/override")
  @ResponseStatus(HttpStatus.CREATED)
  OverrideStore.Override override(@PathVariable String id, @Valid @RequestBody NewOverride o) {
    Viewer v = Viewer.current();
    queries.checkVisible(id, v);
    if (!models.tierIds(null).contains(o.tier())) {
      throw new BadRequest("tier", "no tier '" + o.tier() + "' in the current model");
    }
    if (o.expiresAt() != null && !o.expiresAt().isAfter(Instant.now())) {
      throw new BadRequest("expiresAt", "must be in the future");
    }
    // The override, the current snapshot's stored tier and the audit entry in one transaction: none without the others.
    return audited.write(audit -> {
      OverrideStore.Override saved = overrides.set(id, o.tier(), o.reason().strip(), o.expiresAt(), v.username());
      currentOverrides.apply();
      audit.record(v.username(), "override_set",
          AuditDetail.of("override_set", "customer", id, "tier", o.tier(), "reason", o.reason()));
      return saved;
    });
  }

  @DeleteMapping("/customers/{id}/override")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeOverride(@PathVariable String id) {
    Viewer v = Viewer.current();
    queries.checkVisible(id, v);
    audited.run(audit -> {
      overrides.remove(id, v.username());
      currentOverrides.apply();
      audit.record(v.username(), "override_removed", AuditDetail.of("override_removed", "customer", id));
    });
  }

  /** The customer's overrides, ended ones too (with why the system ended any), newest first; 404 if not visible. */
  @GetMapping("/customers/{id}/overrides")
  List<OverrideStore.Override> customerOverrides(@PathVariable String id) {
    queries.checkVisible(id, Viewer.current());
    return overrides.of(id);
  }

  @GetMapping("/overrides")
  Page<OverrideStore.Override> overrides(@RequestParam(defaultValue = "true") boolean active,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    return overrides.list(active, page, size);
  }

  private CustomerFilter filter(Long snapshot, String tier, String segment, String segment11, String lifecycle,
      String abc, String quadrant, String owner, String q, String tag) {
    Run run = queries.snapshot(snapshot);
    return new CustomerFilter(run.id(), tier, segment, segment11, lifecycle, abc, quadrant, owner, q, tag);
  }
}
