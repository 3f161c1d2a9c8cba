package strata.server.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import strata.i18n.Labels;
import strata.run.ScoringRun;
import strata.scoring.ConfigException;
import strata.server.api.BadRequest;
import strata.tier.ConditionError;
import strata.tier.TierModel;
import strata.tier.TierModelError;
import strata.tier.TierModelException;

/** The command line's validation of a model, with errors located for the editor (tier, field, line). */
public final class ModelValidation {
  /**
   * One located error. {@code code} is stable for the UI to translate: a {@link ConditionError} code for a condition
   * that cannot be used (then {@code rule} is the tier's 1-based number, {@code column} the place in the condition and
   * {@code args} the pieces of the sentence), else a {@link TierModelError} or {@link ConfigException} code with its
   * {@code args} (tier, key, value, line …), or {@code empty_model}, {@code model_too_large}. {@code text} is the
   * whole sentence in zh and en; {@code message} its English.
   */
  public record ModelError(String field, String tier, Integer line, String message, String code, Integer rule,
      Integer column, Map<String, String> args, Map<String, String> text) {
    /** An error that is not about one tier, its sentence in each language from {@code render}. */
    static ModelError of(String field, Integer line, String code, Map<String, String> args,
        Function<Locale, String> render) {
      String en = render.apply(Locale.ENGLISH);
      return new ModelError(field, null, line, en, code, null, null, args,
          Map.of("zh", render.apply(Locale.SIMPLIFIED_CHINESE), "en", en));
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

  /** Nothing but blanks was sent. */
  public static final String EMPTY_MODEL = "empty_model";
  /** More than {@code max} characters were sent. */
  public static final String MODEL_TOO_LARGE = "model_too_large";
  private static final int MAX_CHARS = 1 << 20;

  private ModelValidation() {}

  public static TierModel check(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw new Invalid(ModelError.of("yaml", null, EMPTY_MODEL, Map.of(), locale -> sentence(EMPTY_MODEL, Map.of(), locale)));
    }
    if (yaml.length() > MAX_CHARS) {
      Map<String, String> args = Map.of("max", Integer.toString(MAX_CHARS));
      throw new Invalid(ModelError.of("yaml", null, MODEL_TOO_LARGE, args, locale -> sentence(MODEL_TOO_LARGE, args, locale)));
    }
    try {
      TierModel model = TierModel.parse(yaml, null);
      ScoringRun.checkScoringSettings(model);
      return model;
    } catch (TierModelException e) {
      throw new Invalid(located(yaml, e));
    } catch (ConfigException e) {
      throw new Invalid(ModelError.of("scoring", lineOf(yaml, "scoring:", 0), e.code(), e.args(), e::text));
    }
  }

  /** The sentence of an error found before the model is parsed, from the labels as the model's own errors. */
  private static String sentence(String code, Map<String, String> args, Locale locale) {
    return Labels.fill(Labels.get("model.error." + code, locale), args);
  }

  private static ModelError located(String yaml, TierModelException e) {
    TierModelError error = e.error();
    String key = error.args().getOrDefault("key", "");
    if (e.tierIndex() >= 0 && (key.equals("service") || key.startsWith("service."))) return playbookError(yaml, e, key);
    boolean aboutWhen = error.code().equals(TierModelError.BAD_CONDITION)
        || error.code().equals(TierModelError.CONDITION_NOT_RUNNABLE);
    String field = e.tierIndex() < 0 ? "yaml" : "tiers[" + e.tierIndex() + "]" + (aboutWhen ? ".when" : "");
    Integer line = error.args().containsKey("line") ? Integer.valueOf(error.args().get("line")) : line(yaml, e, aboutWhen);
    Map<String, String> text = Map.of("zh", e.text(Locale.SIMPLIFIED_CHINESE), "en", e.getMessage());
    ConditionError c = e.condition();
    return c == null
        ? new ModelError(field, e.tierId(), line, e.getMessage(), error.code(), null, null, error.args(), text)
        : new ModelError(field, e.tierId(), line, e.getMessage(), c.code(), e.tierIndex() + 1,
            c.column() > 0 ? c.column() : null, c.args(), text);
  }

  /**
   * A {@code service:} error at its key ({@code tiers[2].service.cadence.every_days}), with the tier's 1-based number
   * in {@code rule} and the line of the key, so the playbook form marks the field.
   */
  private static ModelError playbookError(String yaml, TierModelException e, String key) {
    Integer tierLine = line(yaml, e, false);
    Integer line = null;
    // The deepest key written at the start of a line: flow maps ({every_days: 21}) put the leaf inside its parent's.
    String[] path = key.split("\\.");
    for (int i = path.length - 1; i >= 0 && line == null && tierLine != null; i--) {
      line = lineOf(yaml, path[i].replaceAll("\\[\\d+]$", "") + ":", tierLine);
    }
    return new ModelError("tiers[" + e.tierIndex() + "]." + key, e.tierId(), line != null ? line : tierLine,
        e.getMessage(), e.error().code(), e.tierIndex() + 1, null, e.error().args(),
        Map.of("zh", e.text(Locale.SIMPLIFIED_CHINESE), "en", e.getMessage()));
  }

  /** The 1-based line of the offending tier's condition (or of its id), so the editor can mark it. */
  private static Integer line(String yaml, TierModelException e, boolean aboutWhen) {
    if (e.tierId() == null) return null;
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].matches("\\s*-?\\s*id:\\s*['\"]?" + java.util.regex.Pattern.quote(e.tierId()) + "['\"]?\\s*")) {
        Integer when = lineOf(yaml, "when:", i + 1);
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
