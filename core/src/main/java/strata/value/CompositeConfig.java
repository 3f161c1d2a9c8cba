package strata.value;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import strata.scoring.ConfigException;
import strata.scoring.ConfigSection;

/**
 * Weights and inputs of the composite value score. YAML section {@code scoring.composite}, keys
 * optional; a component not given keeps its default inputs, a component given replaces them:
 *
 * <pre>
 * scoring:
 *   composite:
 *     weights: {historical: 40, potential: 40, strategic: 20}   # relative; all three if given
 *     historical: {monetary: 0.5, frequency: 0.5}              # name: weight  (higher is better)
 *     potential:
 *       recency_days: {weight: 0.5, lower_is_better: true}     # long form, for lower-is-better
 *       purchase_rate: 0.5
 *     strategic: {size_score: 0.5, nps: 0.5}
 * </pre>
 *
 * @param weights relative weight of each component, each at least 0, summing to more than 0
 * @param inputs the inputs of each component; a component may have none (then always missing)
 */
public record CompositeConfig(Map<Component, Double> weights, Map<Component, List<CompositeInput>> inputs) {
  public static final String SECTION = "scoring.composite";

  /** Largest weight accepted from a file; weights are relative, so this only guards against typos. */
  public static final double MAX_WEIGHT = 1_000_000;

  public CompositeConfig {
    weights = Map.copyOf(weights);
    double total = 0;
    for (Component c : Component.values()) {
      Double w = weights.get(c);
      if (w == null || !(w >= 0 && Double.isFinite(w))) {
        throw new ConfigException(ConfigException.WEIGHT_NEGATIVE, SECTION + ".weights." + c.code(), "value", w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new ConfigException(ConfigException.WEIGHTS_ALL_ZERO, SECTION + ".weights");
    }
    Map<Component, List<CompositeInput>> copy = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      List<CompositeInput> list = List.copyOf(inputs.getOrDefault(c, List.of()));
      Set<String> names = new HashSet<>();
      for (CompositeInput input : list) {
        if (!names.add(input.name())) {
          throw new ConfigException(ConfigException.INPUT_TWICE, SECTION + "." + c.code(), "value", input.name());
        }
      }
      copy.put(c, list);
    }
    inputs = Map.copyOf(copy);
  }

  /**
   * Historical 40 {monetary 0.5, frequency 0.5}; potential 40 {clv 0.6, recency_days 0.2 lower-is-better,
   * purchase_rate 0.2}; strategic 20 {size_score 0.5, nps 0.5}.
   */
  public static CompositeConfig defaults() {
    return new CompositeConfig(
        Map.of(Component.HISTORICAL, 40.0, Component.POTENTIAL, 40.0, Component.STRATEGIC, 20.0),
        Map.of(
            Component.HISTORICAL,
            List.of(CompositeInput.higher("monetary", 0.5), CompositeInput.higher("frequency", 0.5)),
            Component.POTENTIAL,
            // CLV (BG/NBD + Gamma-Gamma) leads; recency and purchase rate carry potential when CLV cannot be fitted.
            List.of(CompositeInput.higher("clv", 0.6), CompositeInput.lower("recency_days", 0.2),
                CompositeInput.higher("purchase_rate", 0.2)),
            Component.STRATEGIC,
            List.of(CompositeInput.higher("size_score", 0.5), CompositeInput.higher("nps", 0.5))));
  }

  public double weight(Component component) {
    return weights.get(component);
  }

  public List<CompositeInput> inputs(Component component) {
    return inputs.get(component);
  }

  /** Every input name, in component then listing order, without repeats. */
  public List<String> inputNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Component c : Component.values()) {
      inputs(c).forEach(input -> names.add(input.name()));
    }
    return new ArrayList<>(names);
  }

  /**
   * Reads the {@code scoring.composite} section.
   *
   * @param map the section as parsed by snakeyaml; {@code null} or empty gives {@link #defaults()}
   * @throws ConfigException naming the key path of the first bad or unknown setting
   */
  public static CompositeConfig fromMap(Map<String, ?> map) {
    ConfigSection section = ConfigSection.of(SECTION, map);
    section.allowOnly("weights", "historical", "potential", "strategic");
    CompositeConfig d = defaults();
    Map<Component, Double> weights = new EnumMap<>(d.weights());
    if (section.has("weights")) {
      ConfigSection w = section.section("weights");
      w.allowOnly("historical", "potential", "strategic");
      for (Component c : Component.values()) {
        if (!w.has(c.code())) {
          throw new ConfigException(ConfigException.WEIGHT_MISSING, w.path(c.code()));
        }
        weights.put(c, w.doubleValue(c.code(), 0, 0, MAX_WEIGHT));
      }
    }
    Map<Component, List<CompositeInput>> inputs = new EnumMap<>(d.inputs());
    for (Component c : Component.values()) {
      if (section.raw(c.code()) != null) {
        inputs.put(c, readInputs(section.section(c.code())));
      }
    }
    return new CompositeConfig(weights, inputs);
  }

  private static List<CompositeInput> readInputs(ConfigSection component) {
    List<CompositeInput> inputs = new ArrayList<>();
    for (String name : component.keys()) {
      Object raw = component.raw(name);
      if (raw instanceof Map<?, ?>) {
        ConfigSection form = component.section(name);
        form.allowOnly("weight", "lower_is_better");
        if (!form.has("weight")) {
          throw new ConfigException(ConfigException.SETTING_MISSING, form.path("weight"));
        }
        double weight = positiveWeight(form.path("weight"), form.raw("weight"));
        Object lower = form.raw("lower_is_better");
        if (lower != null && !(lower instanceof Boolean)) {
          throw new ConfigException(ConfigException.SETTING_NOT_TRUE_FALSE, form.path("lower_is_better"), "value", lower);
        }
        inputs.add(new CompositeInput(name, weight, Boolean.TRUE.equals(lower)));
      } else {
        inputs.add(CompositeInput.higher(name, positiveWeight(component.path(name), raw)));
      }
    }
    return inputs;
  }

  private static double positiveWeight(String path, Object raw) {
    double weight = ConfigSection.toDouble(path, raw, 0, MAX_WEIGHT);
    if (weight == 0) {
      throw new ConfigException(ConfigException.WEIGHT_ZERO, path);
    }
    return weight;
  }
}
