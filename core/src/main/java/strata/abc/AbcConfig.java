package strata.abc;

import java.math.BigDecimal;
import java.util.Map;
import strata.scoring.ConfigException;
import strata.scoring.ConfigSection;

/**
 * Revenue shares for ABC classes. YAML section {@code scoring.abc}, keys optional:
 *
 * <pre>
 * scoring:
 *   abc:
 *     a_cut: 0.80   # A: customers bringing the first 80% of revenue
 *     b_cut: 0.15   # B: the next 15%; C: the rest
 * </pre>
 *
 * @param aCut share of positive revenue for class A, in (0, 1)
 * @param bCut share for class B after A, in [0, 1 - aCut]
 */
public record AbcConfig(double aCut, double bCut) {
  public static final String SECTION = "scoring.abc";

  public AbcConfig {
    if (!(aCut > 0 && aCut < 1)) {
      throw new ConfigException(ConfigException.ABOVE_ZERO_BELOW_ONE, SECTION + ".a_cut", "value", aCut);
    }
    if (!(bCut >= 0 && bCut <= 1)) {
      throw new ConfigException(ConfigException.SETTING_OUT_OF_RANGE, SECTION + ".b_cut", "min", 0, "max", 1,
          "value", bCut);
    }
    // Compared as the decimals written, so 0.8 + 0.2 counts as exactly 1.
    if (new BigDecimal(Double.toString(aCut)).add(new BigDecimal(Double.toString(bCut))).compareTo(BigDecimal.ONE)
        > 0) {
      throw new ConfigException(ConfigException.ABC_CUTS_SUM, SECTION + ".a_cut + b_cut", "a", aCut, "b", bCut);
    }
  }

  /** A: first 80% of revenue, B: next 15%, C: the last 5%. */
  public static AbcConfig defaults() {
    return new AbcConfig(0.80, 0.15);
  }

  /**
   * Reads the {@code scoring.abc} section.
   *
   * @param map the section as parsed by snakeyaml; {@code null} or empty gives {@link #defaults()}
   * @throws ConfigException naming the key path of the first bad or unknown setting
   */
  public static AbcConfig fromMap(Map<String, ?> map) {
    ConfigSection section = ConfigSection.of(SECTION, map);
    section.allowOnly("a_cut", "b_cut");
    double aCut = section.doubleValue("a_cut", 0.80, -Double.MAX_VALUE, Double.MAX_VALUE);
    double bCut = section.doubleValue("b_cut", 0.15, -Double.MAX_VALUE, Double.MAX_VALUE);
    return new AbcConfig(aCut, bCut);
  }
}
