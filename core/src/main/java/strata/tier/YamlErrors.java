package strata.tier;

import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * SnakeYAML's complaint about a model file as a {@link TierModelError} with the line and column where it is. The two
 * mistakes people make most in a hand-edited file (a tab for indentation, a key written twice) get codes of their own;
 * any other keeps SnakeYAML's English words as {@code detail}, placed by line and column.
 */
final class YamlErrors {
  private YamlErrors() {}

  static TierModelError classify(YAMLException e) {
    if (!(e instanceof MarkedYAMLException marked) || marked.getProblemMark() == null) {
      return TierModelError.of(TierModelError.YAML_INVALID, "detail", firstLine(e.getMessage()));
    }
    Mark at = marked.getProblemMark();
    String line = String.valueOf(at.getLine() + 1);
    String column = String.valueOf(at.getColumn() + 1);
    String problem = marked.getProblem() == null ? "" : marked.getProblem();
    if (e instanceof DuplicateKeyException) {
      // "found duplicate key tiers"
      String key = problem.startsWith("found duplicate key ") ? problem.substring(20) : problem;
      return TierModelError.of(TierModelError.DUPLICATE_KEY, "key", key, "line", line);
    }
    if (problem.contains("(TAB)")) return TierModelError.of(TierModelError.YAML_TAB, "line", line, "column", column);
    return TierModelError.of(TierModelError.YAML_SYNTAX, "line", line, "column", column, "detail", firstLine(problem));
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").strip();
  }
}
