package strata.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    int n = commonLength(inputs);
    Map<String, float[]> ranks = ranks(config, inputs);
    List<String> absent = new ArrayList<>();
    for (String name : config.inputNames()) {
      if (!inputs.containsKey(name)) {
        absent.add(name);
      }
    }
    float[][] components = new float[Component.values().length][];
    for (Component c : Component.values()) {
      components[c.ordinal()] = component(config.inputs(c), inputs, ranks, n);
    }
    byte[] mask = new byte[n];
    float[] score = new float[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double weights = 0;
      for (Component c : Component.values()) {
        float value = components[c.ordinal()][i];
        if (Float.isNaN(value)) {
          mask[i] |= (byte) c.bit();
        } else {
          sum += config.weight(c) * value;
          weights += config.weight(c);
        }
      }
      score[i] = weights > 0 ? (float) (sum / weights) : Float.NaN;
    }
    return new CompositeScores(score, components[0], components[1], components[2], mask, absent);
  }

  /**
   * Every rank the components read, computed side by side: one ranking is a single-threaded sort, and there are
   * several inputs.
   */
  private static Map<String, float[]> ranks(CompositeConfig config, Map<String, double[]> inputs) {
    Map<String, CompositeInput> specs = new LinkedHashMap<>();
    for (Component c : Component.values()) {
      for (CompositeInput spec : config.inputs(c)) {
        if (inputs.containsKey(spec.name())) specs.putIfAbsent(rankKey(spec), spec);
      }
    }
    Map<String, float[]> ranks = new ConcurrentHashMap<>();
    specs.entrySet().parallelStream().forEach(e -> {
      double[] values = inputs.get(e.getValue().name());
      ranks.put(e.getKey(), e.getValue().lowerIsBetter()
          ? PercentileRank.fractionAbove(values) : PercentileRank.fractionBelow(values));
    });
    return ranks;
  }

  private static String rankKey(CompositeInput spec) {
    return spec.name() + (spec.lowerIsBetter() ? "/lower" : "/higher");
  }

  private static float[] component(
      List<CompositeInput> specs, Map<String, double[]> inputs, Map<String, float[]> ranks, int n) {
    List<float[]> present = new ArrayList<>();
    List<Double> specWeights = new ArrayList<>();
    for (CompositeInput spec : specs) {
      double[] values = inputs.get(spec.name());
      if (values != null) {
        present.add(ranks.get(rankKey(spec)));
        specWeights.add(spec.weight());
      }
    }
    double[] weights = specWeights.stream().mapToDouble(Double::doubleValue).toArray();
    float[] result = new float[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double weight = 0;
      for (int j = 0; j < present.size(); j++) {
        float rank = present.get(j)[i];
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
