package strata.run;

import java.util.Map;
import java.util.TreeMap;
import strata.scoring.ValueCounts;

/**
 * The second round of scoring in parts ({@link PartScoring}): each composite input's values and the annual values
 * (the matrix's value axis), counted per part ({@link ScoredPart#inputCounts}) and merged.
 */
public final class InputCounts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** By input name; values with -0.0 counted as 0.0, as the ranks take them. */
  final Map<String, ValueCounts> inputs;
  final ValueCounts annualValue;

  InputCounts(Map<String, ValueCounts> inputs, ValueCounts annualValue) {
    this.inputs = inputs;
    this.annualValue = annualValue;
  }

  /** Both parts' counts together. */
  public InputCounts merge(InputCounts other) {
    Map<String, ValueCounts> merged = new TreeMap<>(inputs);
    other.inputs.forEach((name, counts) -> merged.merge(name, counts, ValueCounts::merge));
    return new InputCounts(merged, annualValue.merge(other.annualValue));
  }
}
