package strata.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import strata.rfm.PercentileRank;

/**
 * The composite value score: historical, potential and strategic components, each a weighted mean
 * of percentile ranks of its inputs, combined by component weight.
 */
public final class CompositeScorer {
  private CompositeScorer() {}

  /**
   * Scores all customers. Each input is ranked among the customers who have it ({@link
   * PercentileRank#fractionBelow}, or {@link PercentileRank#fractionAbove} when lower is better)
   * and scaled to 0..100. Missing values (NaN) drop out and the remaining weights are
   * re-normalised, first within a component, then across components; see {@link CompositeScores}.
   *
   * @param inputs per-customer metrics by name, all of one length; may hold more than the config uses
   * @return scores, components, the missing mask and the configured inputs that were not given
   * @throws IllegalArgumentException if {@code inputs} is empty, holds a null, or lengths differ
   */
  public static CompositeScores score(Map<String, double[]> inputs, CompositeConfig config) {
    return score(commonLength(inputs), inputs::get, config);
  }

  /**
   * As {@link #score(Map, CompositeConfig)}, asking for each input's values when it is ranked and keeping only the
   * ranks: at millions of customers, holding every input as doubles besides its ranks cost hundreds of MB.
   *
   * @param n number of customers
   * @param input the named input's values, one per customer (NaN where unknown), or null when there is no such input;
   *     called from several threads, at most once per name
   */
  public static CompositeScores score(int n, Function<String, double[]> input, CompositeConfig config) {
    Map<String, float[]> ranks = ranks(config, input, n);
    return score(n, (name, lowerIsBetter) -> ranks.get(rankKey(name, lowerIsBetter)), config);
  }

  /** Each input's percentile ranks (0..1, NaN where unknown), or null when nobody has the input. */
  public interface Ranks {
    float[] of(String name, boolean lowerIsBetter);
  }

  /**
   * As {@link #score(int, Function, CompositeConfig)} from the inputs' ranks: for a part of a run's customers, ranked
   * among the whole run's ({@link PercentileRank#fraction}).
   */
  public static CompositeScores score(int n, Ranks given, CompositeConfig config) {
    Map<String, float[]> ranks = new java.util.HashMap<>();
    for (Component c : Component.values()) {
      for (CompositeInput spec : config.inputs(c)) {
        float[] rank = given.of(spec.name(), spec.lowerIsBetter());
        if (rank != null) ranks.put(rankKey(spec.name(), spec.lowerIsBetter()), rank);
      }
    }
    List<String> absent = new ArrayList<>();
    for (String name : config.inputNames()) {
      if (!ranks.containsKey(rankKey(name, false)) && !ranks.containsKey(rankKey(name, true))) {
        absent.add(name);
      }
    }
    float[][] components = new float[Component.values().length][];
    for (Component c : Component.values()) {
      components[c.ordinal()] = component(config.inputs(c), ranks, n);
    }
    byte[] mask = new byte[n];
    float[] score = new float[n];
    Component[] all = Component.values(); // looked up once, not per customer: this loop runs millions of times
    double[] weight = new double[all.length];
    for (Component c : all) weight[c.ordinal()] = config.weight(c);
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double weights = 0;
      for (Component c : all) {
        float value = components[c.ordinal()][i];
        if (Float.isNaN(value)) {
          mask[i] |= (byte) c.bit();
        } else {
          sum += weight[c.ordinal()] * value;
          weights += weight[c.ordinal()];
        }
      }
      score[i] = weights > 0 ? (float) (sum / weights) : Float.NaN;
    }
    return new CompositeScores(score, components[0], components[1], components[2], mask, absent);
  }

  /**
   * Every rank the components read, by input name and direction, computed side by side (one ranking is a
   * single-threaded sort, and there are several inputs). An input ranked both ways is read once per direction.
   */
  private static Map<String, float[]> ranks(CompositeConfig config, Function<String, double[]> input, int n) {
    Map<String, CompositeInput> specs = new LinkedHashMap<>();
    for (Component c : Component.values()) {
      for (CompositeInput spec : config.inputs(c)) specs.putIfAbsent(rankKey(spec.name(), spec.lowerIsBetter()), spec);
    }
    Map<String, float[]> ranks = new ConcurrentHashMap<>();
    specs.entrySet().parallelStream().forEach(e -> {
      String name = e.getValue().name();
      // Not kept in a local, so the ranking holds the only reference and can drop it early.
      float[] rank = PercentileRank.fractions(checked(input.apply(name), name, n), e.getValue().lowerIsBetter());
      if (rank != null) ranks.put(e.getKey(), rank);
    });
    return ranks;
  }

  private static double[] checked(double[] values, String name, int n) {
    if (values != null && values.length != n) {
      throw new IllegalArgumentException("input '" + name + "' has " + values.length
          + " values for " + n + " customers; every input needs one value per customer");
    }
    return values;
  }

  static String rankKey(String name, boolean lowerIsBetter) {
    return name + (lowerIsBetter ? "/lower" : "/higher");
  }

  private static float[] component(List<CompositeInput> specs, Map<String, float[]> ranks, int n) {
    List<float[]> present = new ArrayList<>();
    List<Double> specWeights = new ArrayList<>();
    for (CompositeInput spec : specs) {
      float[] rank = ranks.get(rankKey(spec.name(), spec.lowerIsBetter()));
      if (rank != null) {
        present.add(rank);
        specWeights.add(spec.weight());
      }
    }
    float[][] inputs = present.toArray(new float[0][]);
    double[] weights = specWeights.stream().mapToDouble(Double::doubleValue).toArray();
    float[] result = new float[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double weight = 0;
      for (int j = 0; j < inputs.length; j++) {
        float rank = inputs[j][i];
        if (!Float.isNaN(rank)) {
          sum += weights[j] * rank;
          weight += weights[j];
        }
      }
      result[i] = weight > 0 ? (float) (100 * sum / weight) : Float.NaN;
    }
    return result;
  }

  private static int commonLength(Map<String, double[]> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("the composite score needs at least one input; none was given");
    }
    String first = null;
    int n = -1;
    for (Map.Entry<String, double[]> e : inputs.entrySet()) {
      if (e.getValue() == null) {
        throw new IllegalArgumentException("input '" + e.getKey() + "' has no values (null)");
      }
      if (first == null) {
        first = e.getKey();
        n = e.getValue().length;
      } else if (e.getValue().length != n) {
        throw new IllegalArgumentException(
            "input '" + e.getKey() + "' has " + e.getValue().length + " values but '" + first + "' has " + n
                + "; every input needs one value per customer");
      }
    }
    return n;
  }
}
