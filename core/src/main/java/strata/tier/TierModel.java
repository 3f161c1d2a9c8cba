package strata.tier;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import strata.playbook.PlaybookException;
import strata.playbook.Resources;
import strata.playbook.ServicePlan;
import strata.playbook.HoldoutCheck;
import strata.playbook.ServicePlanParser;

/**
 * A tier model: the scoring settings and the tiers in priority order, each customer taking the first tier whose
 * condition holds. Conditions are CEL (Common Expression Language) expressions over the {@link Metric} variables,
 * compiled and type-checked when the model is loaded; the last tier must be the catch-all {@code true}.
 *
 * @param scoring the raw {@code scoring:} section, read by each scoring method's own config
 */
public record TierModel(String name, String version, Map<String, Object> scoring, List<TierRule> tiers) {
  static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
  private static final CelCompiler COMPILER = compiler();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
  private static final int MAX_FILE_CHARS = 1 << 20;
  private static final int MAX_CONDITION_CHARS = 4000;

  private static CelCompiler compiler() {
    CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS);
    for (Metric m : Metric.values()) b.addVar(m.variable(), m.type());
    return b.build();
  }

  /** The model Strata uses when none is given: see README "Default tier model". */
  public static TierModel defaultModel() {
    try (InputStream in = TierModel.class.getResourceAsStream("/strata/tier/default-model.yaml")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-model.yaml");
    } catch (IOException e) {
      throw new IllegalStateException("default tier model missing from the build", e);
    }
  }

  /** @throws TierModelException if the file cannot be read or is not a valid model */
  public static TierModel load(Path file) {
    String name = file.getFileName().toString();
    try {
      if (Files.size(file) > MAX_FILE_CHARS) {
        throw new TierModelException(name, TierModelError.of(TierModelError.FILE_TOO_LARGE));
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), name);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new TierModelException(name, TierModelError.of(TierModelError.NOT_UTF8));
    } catch (IOException e) {
      throw new TierModelException(name, TierModelError.of(TierModelError.UNREADABLE, "detail", e.getMessage()), e);
    }
  }

  /** Parses and validates model text; {@code source} names it in error messages. */
  @SuppressWarnings("unchecked")
  public static TierModel parse(String yamlText, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setCodePointLimit(MAX_FILE_CHARS);
    options.setAllowDuplicateKeys(false);
    Object root;
    try {
      root = new Yaml(new SafeConstructor(options)).load(yamlText);
    } catch (YAMLException e) {
      throw new TierModelException(source, YamlErrors.classify(e));
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new TierModelException(source, TierModelError.of(TierModelError.NOT_A_MODEL));
    }
    for (Object key : map.keySet()) {
      if (!List.of("name", "version", "scoring", "tiers").contains(String.valueOf(key))) {
        throw new TierModelException(source, TierModelError.of(TierModelError.UNKNOWN_KEY, "key", String.valueOf(key),
            "expected", "name, version, scoring, tiers"));
      }
    }
    Object scoring = map.get("scoring");
    if (scoring != null && !(scoring instanceof Map)) {
      throw new TierModelException(source, TierModelError.of(TierModelError.NOT_MAPPING, "key", "scoring"));
    }
    if (!(map.get("tiers") instanceof List<?> list) || list.isEmpty()) {
      throw new TierModelException(source, TierModelError.of(TierModelError.NO_TIERS));
    }
    List<TierRule> tiers = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      TierRule rule;
      try {
        rule = rule(source, i, list.get(i));
      } catch (TierModelException e) {
        throw e.at(i, list.get(i) instanceof Map<?, ?> t && t.get("id") instanceof String id ? id : null);
      }
      if (!ids.add(rule.id())) {
        throw new TierModelException(source, TierModelError.of(TierModelError.DUPLICATE_TIER)).at(i, rule.id());
      }
      tiers.add(rule);
    }
    checkCatchAll(source, tiers);
    checkHoldouts(source, tiers);
    checkRepHours(source, tiers);
    return new TierModel(text(map.get("name"), "tier model"), text(map.get("version"), "1"),
        scoring == null ? Map.of() : (Map<String, Object>) scoring, List.copyOf(tiers));
  }

  private static void checkCatchAll(String source, List<TierRule> tiers) {
    TierRule last = tiers.get(tiers.size() - 1);
    if (!last.catchAll()) {
      throw new TierModelException(source, TierModelError.of(TierModelError.MISSING_CATCH_ALL))
          .at(tiers.size() - 1, last.id());
    }
    for (int i = 0; i < tiers.size() - 1; i++) {
      if (tiers.get(i).catchAll()) {
        throw new TierModelException(source, TierModelError.of(TierModelError.EARLY_CATCH_ALL)).at(i, tiers.get(i).id());
      }
    }
  }

  private static void checkHoldouts(String source, List<TierRule> tiers) {
    HoldoutCheck.Conflict c = HoldoutCheck.acrossTiers(tiers.stream().map(TierRule::service).toList());
    if (c != null) {
      throw new TierModelException(source, new TierModelError(c.code(), c.args(), null))
          .at(c.tierIndex(), tiers.get(c.tierIndex()).id());
    }
  }

  /** The tiers' shares of the reps' hours are parts of one whole: together they cannot exceed it. */
  private static void checkRepHours(String source, List<TierRule> tiers) {
    List<ServicePlan> plans = tiers.stream().map(TierRule::service).toList();
    int at = Resources.overbooked(plans);
    if (at < 0) return;
    throw new TierModelException(source, TierModelError.of(TierModelError.REP_HOURS_OVER_ONE,
        "key", "service.resources.rep_hours_share", "value", 
        java.math.BigDecimal.valueOf(Resources.repHoursTotal(plans.subList(0, at + 1)))
            .setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()))
        .at(at, tiers.get(at).id());
  }

  private static TierRule rule(String source, int index, Object item) {
    if (!(item instanceof Map<?, ?> t)) {
      throw new TierModelException(source, TierModelError.of(TierModelError.TIER_NOT_MAPPING,
          "position", String.valueOf(index + 1)));
    }
    Object idValue = t.get("id");
    if (!(idValue instanceof String id) || !id.matches("[a-z][a-z0-9_]{0,63}")) {
      throw new TierModelException(source, TierModelError.of(TierModelError.BAD_TIER_ID,
          "position", String.valueOf(index + 1), "value", String.valueOf(idValue)));
    }
    for (Object key : t.keySet()) {
      if (!Set.of("id", "name", "description", "when", "service").contains(String.valueOf(key))) {
        throw new TierModelException(source, TierModelError.of(TierModelError.UNKNOWN_KEY, "key", String.valueOf(key),
            "expected", "id, name, description, when, service"));
      }
    }
    String[] name = localized(source, "name", t.get("name"), id);
    String[] description = localized(source, "description", t.get("description"), "");
    Object whenValue = t.containsKey("when") ? t.get("when") : "true";
    String condition = whenValue instanceof Boolean b ? b.toString() : whenValue instanceof String s ? s : null;
    if (whenValue == null) throw conditionError(source, "", ConditionErrors.error(ConditionError.EMPTY_CONDITION, 0));
    if (condition == null) {
      throw conditionError(source, String.valueOf(whenValue), ConditionErrors.error(ConditionError.NOT_BOOLEAN, 0,
          "token", String.valueOf(whenValue), "type", whenValue instanceof Number ? "number" : "text"));
    }
    if (condition.isBlank()) {
      throw conditionError(source, condition, ConditionErrors.error(ConditionError.EMPTY_CONDITION, 0));
    }
    if (condition.length() > MAX_CONDITION_CHARS) {
      throw conditionError(source, condition.substring(0, 40) + "…", ConditionErrors.error(ConditionError.TOO_LONG, 0,
          "max", String.valueOf(MAX_CONDITION_CHARS)));
    }
    ServicePlan service = service(source, t.get("service"));
    CelAbstractSyntaxTree ast;
    try {
      ast = COMPILER.compile(condition).getAst();
    } catch (CelValidationException e) {
      throw conditionError(source, condition, ConditionErrors.classify(condition, e.getErrors().get(0)));
    }
    if (!ast.getResultType().equals(SimpleType.BOOL)) {
      throw conditionError(source, condition, ConditionErrors.error(ConditionError.NOT_BOOLEAN, 0, "token", condition,
          "type", ast.getResultType().name()));
    }
    checkRegexLiterals(source, condition, ast);
    try {
      return new TierRule(id, name[0], name[1], description[0], description[1], condition, reads(ast),
          RUNTIME.createProgram(ast), service);
    } catch (CelEvaluationException e) {
      throw new TierModelException(source, TierModelError.of(TierModelError.CONDITION_NOT_RUNNABLE,
          "condition", condition, "detail", e.getMessage()));
    }
  }

  /**
   * Compiles each constant pattern of {@code matches()} as the runtime will (RE2J, CEL's engine): a pattern that
   * cannot compile would otherwise make the condition false for every customer without a word.
   */
  private static void checkRegexLiterals(String source, String condition, CelAbstractSyntaxTree ast) {
    CelNavigableAst.fromAst(ast).getRoot().allNodes()
        .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.CALL)
        .map(node -> node.expr().call())
        .filter(call -> call.function().equals("matches"))
        .map(call -> call.target().isPresent() ? call.args().get(0) : call.args().get(call.args().size() - 1))
        .filter(pattern -> pattern.getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && pattern.constant().getKind() == dev.cel.common.ast.CelConstant.Kind.STRING_VALUE)
        .forEach(pattern -> {
          String regex = pattern.constant().stringValue();
          try {
            int size = com.google.re2j.Pattern.compile(regex).programSize();
            if (OPTIONS.maxRegexProgramSize() >= 0 && size > OPTIONS.maxRegexProgramSize()) {
              throw conditionError(source, condition, ConditionErrors.error(ConditionError.REGEX_TOO_LARGE, 0,
                  "token", regex, "size", String.valueOf(size), "max", String.valueOf(OPTIONS.maxRegexProgramSize())));
            }
          } catch (com.google.re2j.PatternSyntaxException e) {
            throw conditionError(source, condition, ConditionErrors.error(ConditionError.BAD_REGEX, 0, "token", regex,
                "detail", e.getDescription()));
          }
        });
  }

  private static ServicePlan service(String source, Object section) {
    if (section == null) return ServicePlan.NONE;
    try {
      return ServicePlanParser.parse(section);
    } catch (PlaybookException e) {
      throw new TierModelException(source, new TierModelError(e.code(), e.args(), null));
    }
  }

  private static TierModelException conditionError(String source, String condition, ConditionError error) {
    return new TierModelException(source, TierModelError.of(TierModelError.BAD_CONDITION, "condition", condition)
        .withCondition(error));
  }

  /** Metrics a condition refers to, in order of first mention. */
  private static List<Metric> reads(CelAbstractSyntaxTree ast) {
    Set<Metric> found = new LinkedHashSet<>();
    CelNavigableAst.fromAst(ast).getRoot().allNodes()
        .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.IDENT)
        .map(CelNavigableExpr::expr)
        .forEach(expr -> {
          Metric m = Metric.ofVariable(expr.ident().name());
          if (m != null) found.add(m);
        });
    return List.copyOf(found);
  }

  /** A name or description: a plain string, or {zh: ..., en: ...}. Returns {zh, en}. */
  private static String[] localized(String source, String key, Object value, String fallback) {
    if (value == null) return new String[] {fallback, fallback};
    if (value instanceof String s) return new String[] {s, s};
    if (value instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k.equals("zh") || k.equals("en"))) {
      String zh = m.get("zh") == null ? null : String.valueOf(m.get("zh"));
      String en = m.get("en") == null ? null : String.valueOf(m.get("en"));
      if (zh == null && en == null) return new String[] {fallback, fallback};
      return new String[] {zh == null ? en : zh, en == null ? zh : en};
    }
    throw new TierModelException(source, TierModelError.of(TierModelError.NOT_LOCALIZED, "key", key));
  }

  private static String text(Object value, String fallback) {
    return value == null ? fallback : String.valueOf(value);
  }

  /** The scoring sub-section for a method, e.g. {@code rfm}; empty when absent. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> scoringSection(String key) {
    Object v = scoring.get(key);
    if (v == null) return Map.of();
    if (!(v instanceof Map)) {
      throw new TierModelException(null, TierModelError.of(TierModelError.NOT_MAPPING, "key", "scoring." + key));
    }
    return (Map<String, Object>) v;
  }
}
