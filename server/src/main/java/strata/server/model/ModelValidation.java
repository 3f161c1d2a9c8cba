package strata.server.model;

import java.util.List;
import java.util.Map;
import strata.run.ScoringRun;
import strata.playbook.PlaybookException;
import strata.scoring.ConfigException;
import strata.server.api.BadRequest;
import strata.tier.ConditionError;
import strata.tier.TierModel;
import strata.tier.TierModelException;

/** The command line's validation of a model, with errors located for the editor (tier, field, line). */
public final class ModelValidation {
  /**
   * One located error. {@code code} is stable for the UI to translate: a {@link ConditionError} code for a condition
   * that cannot be used (then {@code rule} is the tier's 1-based number, {@code column} the place in the condition and
   * {@code args} the pieces of the sentence), else {@code invalid_model}, {@code invalid_scoring}, {@code empty_model}
   * or {@code model_too_large} with the English {@code message} only; {@code invalid_playbook} for a tier's
   * {@code service:} section, its field the offending key.
   */
  public record ModelError(String field, String tier, Integer line, String message, String code, Integer rule,
      Integer column, Map<String, String> args) {
    ModelError(String field, String tier, Integer line, String message, String code) {
      this(field, tier, line, message, code, null, null, Map.of());
    }
  }

  /** Thrown as 422 with the located errors. */
  public static final class Invalid extends BadRequest {
    Invalid(ModelError error) {
      super(422, error.message(), List.of(error));
      this.error = error;
    }

    private final ModelError error;

    public ModelError error() {
      return error;
    }
  }

  private static final int MAX_CHARS = 1 << 20;

  private ModelValidation() {}

  public static TierModel check(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw new Invalid(new ModelError("yaml", null, null, "the model is empty", "empty_model"));
    }
    if (yaml.length() > MAX_CHARS) {
      throw new Invalid(new ModelError("yaml", null, null, "a tier model is at most 1 MiB", "model_too_large"));
    }
    try {
      TierModel model = TierModel.parse(yaml, "model");
      ScoringRun.checkScoringSettings(model);
      return model;
    } catch (TierModelException e) {
      if (e.getCause() instanceof PlaybookException p && e.tierIndex() >= 0) throw playbookError(yaml, e, p);
      String field = e.tierIndex() < 0 ? "yaml" : "tiers[" + e.tierIndex() + "]"
          + (e.getMessage().contains("condition") || e.getMessage().contains("'when'") ? ".when" : "");
      ConditionError c = e.condition();
      throw new Invalid(c == null ? new ModelError(field, e.tierId(), line(yaml, e), e.getMessage(), "invalid_model")
          : new ModelError(field, e.tierId(), line(yaml, e), e.getMessage(), c.code(), e.tierIndex() + 1,
              c.column() > 0 ? c.column() : null, c.args()));
    } catch (ConfigException e) {
      throw new Invalid(new ModelError("scoring", null, lineOf(yaml, "scoring:", 0), e.getMessage(),
          "invalid_scoring"));
    }
  }

  /**
   * A {@code service:} error at its key ({@code tiers[2].service.cadence.every_days}), code {@code invalid_playbook}
   * with the tier's 1-based number in {@code rule}, the key in {@code args.key} and the reason (English) in
   * {@code args.detail}, so the form marks the field.
   */
  private static Invalid playbookError(String yaml, TierModelException e, PlaybookException p) {
    String key = p.key().isEmpty() ? "service" : "service." + p.key();
    Integer tierLine = line(yaml, e);
    Integer line = null;
    // The deepest key written at the start of a line: flow maps ({every_days: 21}) put the leaf inside its parent's.
    String[] path = key.split("\\.");
    for (int i = path.length - 1; i >= 0 && line == null && tierLine != null; i--) {
      line = lineOf(yaml, path[i].replaceAll("\\[\\d+]$", "") + ":", tierLine);
    }
    return new Invalid(new ModelError("tiers[" + e.tierIndex() + "]." + key, e.tierId(),
        line != null ? line : tierLine, e.getMessage(), "invalid_playbook", e.tierIndex() + 1, null,
        Map.of("key", key, "detail", p.getMessage().substring(p.getMessage().indexOf(": ") + 2))));
  }

  /** The 1-based line of the offending tier's condition (or of its id), so the editor can mark it. */
  private static Integer line(String yaml, TierModelException e) {
    if (e.tierId() == null) return null;
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].matches("\\s*-?\\s*id:\\s*['\"]?" + java.util.regex.Pattern.quote(e.tierId()) + "['\"]?\\s*")) {
        Integer when = lineOf(yaml, "when:", i + 1);
        boolean aboutWhen = e.getMessage().contains("condition") || e.getMessage().contains("'when'");
        return aboutWhen && when != null ? when : i + 1;
      }
    }
    return null;
  }

  private static Integer lineOf(String yaml, String key, int from) {
    String[] lines = yaml.split("\n", -1);
    for (int i = from; i < lines.length; i++) {
      String t = lines[i].strip();
      if (t.startsWith("- id:") && i > from) return null;
      if (t.startsWith(key)) return i + 1;
    }
    return null;
  }
}
