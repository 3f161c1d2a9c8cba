package strata.server.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;
import strata.server.security.Viewer;
import strata.tier.ModelDiff;
import strata.tier.TierModel;
import strata.tier.TierRule;

/** The tier model's versions, validation and saving; the dry run against current data lives with the runs. */
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

  /** {@code builtIn} marks Strata's default model, whose stored note and actor a client shows in its own words. */
  record Model(int version, String yaml, Instant createdAt, String createdBy, String note, boolean builtIn,
      List<Tier> tiers) {
    static Model of(ModelStore.Version v) {
      return new Model(v.version(), v.yaml(), v.createdAt(), v.createdBy(), v.note(), v.builtIn(), Tier.of(v.model()));
    }
  }

  record VersionInfo(int version, Instant createdAt, String createdBy, String note, boolean builtIn) {}

  /** {@link ModelDiff.TierChange} with lower-case codes ({@code added}, {@code condition} …) and the tier's name. */
  record TierDiff(String id, Map<String, String> name, String change, int positionBefore, int positionAfter,
      String conditionBefore, String conditionAfter, List<String> changed) {
    static TierDiff of(ModelDiff.TierChange c, TierRule rule) {
      return new TierDiff(c.id(), Map.of("zh", rule.nameZh(), "en", rule.nameEn()), lower(c.kind()),
          c.positionBefore(), c.positionAfter(), c.conditionBefore(), c.conditionAfter(),
          c.changed().stream().map(ModelController::lower).toList());
    }
  }

  record Diff(int from, int to, boolean same, boolean nameChanged, boolean scoringChanged, List<TierDiff> tiers) {}

  private final ModelStore store;
  private final Audited audited;

  ModelController(ModelStore store, Audited audited) {
    this.store = store;
    this.audited = audited;
  }

  @GetMapping
  Model current() {
    return Model.of(store.current());
  }

  @GetMapping("/versions")
  List<VersionInfo> versions() {
    store.current();
    return store.versions().stream()
        .map(v -> new VersionInfo(v.version(), v.createdAt(), v.createdBy(), v.note(), v.builtIn())).toList();
  }

  @GetMapping("/versions/{version}")
  Model version(@PathVariable int version) {
    return Model.of(store.get(version));
  }

  /** What changed from {@code version} to {@code other}, tier by tier (see {@link ModelDiff}). */
  @GetMapping("/versions/{version}/diff/{other}")
  Diff diff(@PathVariable int version, @PathVariable int other) {
    TierModel before = store.get(version).model();
    TierModel after = store.get(other).model();
    ModelDiff d = ModelDiff.between(before, after);
    Map<String, TierRule> rules = new java.util.HashMap<>();
    before.tiers().forEach(t -> rules.put(t.id(), t));
    after.tiers().forEach(t -> rules.put(t.id(), t));
    return new Diff(version, other, d.same(), d.nameChanged(), d.scoringChanged(),
        d.tiers().stream().map(c -> TierDiff.of(c, rules.get(c.id()))).toList());
  }

  private static String lower(Enum<?> code) {
    return code.name().toLowerCase(java.util.Locale.ROOT);
  }

  @PostMapping("/validate")
  Map<String, Object> validate(@Valid @RequestBody Yaml body) {
    return Map.of("valid", true, "tiers", Tier.of(ModelValidation.check(body.yaml())));
  }

  @PutMapping
  @ResponseStatus(HttpStatus.CREATED)
  Model save(@Valid @RequestBody Yaml body) {
    // The version and its audit entry together: a saved model is never missing from the audit log.
    ModelStore.Version v = audited.write(audit -> {
      ModelStore.Version saved = store.save(body.yaml(), body.note(), Viewer.current().username());
      String note = body.note() == null || body.note().isBlank() ? null : body.note();
      audit.record(Viewer.current().username(), "model_update",
          AuditDetail.of("model_update", "version", saved.version(), "note", note));
      return saved;
    });
    return Model.of(v);
  }
}
