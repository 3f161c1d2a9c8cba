package strata.server.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import strata.run.Progress;
import strata.run.RunResult;
import strata.run.ScoredCustomers;
import strata.server.audit.AuditLog;
import strata.server.run.Run;
import strata.server.run.RunService;
import strata.server.run.RunStore;
import strata.server.run.TierFlow;
import strata.server.security.Viewer;
import strata.tier.TierModel;
import strata.tier.TierRule;

@RestController
@RequestMapping("/api/v1/model")
class ModelController {
  record Yaml(@NotNull @Size(max = 1 << 20) String yaml, @Size(max = 500) String note) {}

  record Tier(String id, Map<String, String> name, Map<String, String> description, String when) {
    static List<Tier> of(TierModel m) {
      return m.tiers().stream().map(Tier::of).toList();
    }

    static Tier of(TierRule r) {
      return new Tier(r.id(), Map.of("zh", r.nameZh(), "en", r.nameEn()),
          Map.of("zh", r.descriptionZh(), "en", r.descriptionEn()), r.condition());
    }
  }

  record Model(int version, String yaml, Instant createdAt, String createdBy, String note, List<Tier> tiers) {
    static Model of(ModelStore.Version v) {
      return new Model(v.version(), v.yaml(), v.createdAt(), v.createdBy(), v.note(), Tier.of(v.model()));
    }
  }

  record VersionInfo(int version, Instant createdAt, String createdBy, String note) {}

  record DryRun(int customers, Map<String, Long> counts, Map<String, Long> current, List<TierFlow> flows, long moved) {}

  private final ModelStore store;
  private final RunService runs;
  private final RunStore runStore;
  private final AuditLog audit;
  private final JdbcClient db;

  ModelController(ModelStore store, RunService runs, RunStore runStore, AuditLog audit, JdbcClient db) {
    this.store = store;
    this.runs = runs;
    this.runStore = runStore;
    this.audit = audit;
    this.db = db;
  }

  @GetMapping
  Model current() {
    return Model.of(store.current());
  }

  @GetMapping("/versions")
  List<VersionInfo> versions() {
    store.current();
    return store.versions().stream()
        .map(v -> new VersionInfo(v.version(), v.createdAt(), v.createdBy(), v.note())).toList();
  }

  @GetMapping("/versions/{version}")
  Model version(@PathVariable int version) {
    return Model.of(store.get(version));
  }

  @PostMapping("/validate")
  Map<String, Object> validate(@Valid @RequestBody Yaml body) {
    return Map.of("valid", true, "tiers", Tier.of(ModelValidation.check(body.yaml())));
  }

  @PutMapping
  @ResponseStatus(HttpStatus.CREATED)
  Model save(@Valid @RequestBody Yaml body) {
    ModelStore.Version v = store.save(body.yaml(), body.note(), Viewer.current().username());
    audit.record(Viewer.current().username(), "model_update", "version " + v.version()
        + (body.note() == null || body.note().isBlank() ? "" : ": " + body.note()));
    return Model.of(v);
  }

  /** How the proposed model would tier today's customers, against the current snapshot; nothing is saved. */
  @PostMapping("/dry-run")
  DryRun dryRun(@Valid @RequestBody Yaml body) {
    TierModel model = ModelValidation.check(body.yaml());
    Run current = runStore.current().orElse(null);
    RunResult result = runs.score(model, current == null ? null : current.asOf(), new ArrayList<>(), Progress.NONE);
    ScoredCustomers s = result.customers();
    Map<String, String> before = new java.util.HashMap<>();
    if (current != null) {
      db.sql("select customer_id, model_tier from snapshot_row where run_id = ?").param(current.id())
          .query((java.sql.ResultSet rs) -> { before.put(rs.getString(1), rs.getString(2)); });
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    model.tiers().forEach(t -> counts.put(t.id(), 0L));
    Map<List<String>, Long> flows = new LinkedHashMap<>();
    long moved = 0;
    for (int i = 0; i < s.size; i++) {
      String tier = model.tiers().get(s.tier[i]).id();
      counts.merge(tier, 1L, Long::sum);
      String was = before.get(s.customerId(i));
      flows.merge(java.util.Arrays.asList(was, tier), 1L, Long::sum);
      if (was != null && !was.equals(tier)) moved++;
    }
    Map<String, Long> currentCounts = new LinkedHashMap<>();
    before.values().forEach(t -> currentCounts.merge(t, 1L, Long::sum));
    List<TierFlow> flowList = flows.entrySet().stream()
        .map(e -> new TierFlow(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    return new DryRun(s.size, counts, currentCounts, flowList, moved);
  }
}
