package strata.value;

import java.util.Map;
import java.util.OptionalDouble;
import strata.scoring.ConfigException;
import strata.scoring.ConfigSection;

/**
 * Cuts of the value × potential matrix. YAML section {@code scoring.matrix}, keys optional:
 *
 * <pre>
 * scoring:
 *   matrix:
 *     value_cut: median       # or a number: "high value" means value &gt;= cut
 *     potential_cut: median   # or a number
 * </pre>
 *
 * @param valueCut empty: the median value of the customers whose value is known
 * @param potentialCut empty: the median potential of the customers whose potential is known
 */
public record MatrixConfig(OptionalDouble valueCut, OptionalDouble potentialCut) {
  public static final String SECTION = "scoring.matrix";

  public MatrixConfig {
    check("value_cut", valueCut);
    check("potential_cut", potentialCut);
  }

  /** Both axes cut at their median. */
  public static MatrixConfig defaults() {
    return new MatrixConfig(OptionalDouble.empty(), OptionalDouble.empty());
  }

  /**
   * Reads the {@code scoring.matrix} section.
   *
   * @param map the section as parsed by snakeyaml; {@code null} or empty gives {@link #defaults()}
   * @throws ConfigException naming the key path of the first bad or unknown setting
   */
  public static MatrixConfig fromMap(Map<String, ?> map) {
    ConfigSection section = ConfigSection.of(SECTION, map);
    section.allowOnly("value_cut", "potential_cut");
    return new MatrixConfig(readCut(section, "value_cut"), readCut(section, "potential_cut"));
  }

  private static OptionalDouble readCut(ConfigSection section, String key) {
    Object raw = section.raw(key);
    if (raw == null || "median".equals(raw)) {
      return OptionalDouble.empty();
    }
    if (!(raw instanceof Number)) {
      throw new ConfigException(ConfigException.MEDIAN_OR_NUMBER, section.path(key), "value", "'" + raw + "'");
    }
    return OptionalDouble.of(ConfigSection.toDouble(section.path(key), raw, -Double.MAX_VALUE, Double.MAX_VALUE));
  }

  private static void check(String key, OptionalDouble cut) {
    if (cut.isPresent() && !Double.isFinite(cut.getAsDouble())) {
      throw new ConfigException(ConfigException.SETTING_NOT_FINITE, SECTION + "." + key, "value", cut.getAsDouble());
    }
  }
}
