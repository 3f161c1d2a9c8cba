package strata.value;

import java.util.Locale;
import strata.i18n.Labels;

/** Cells of the value × potential matrix. Ordinals are stable. */
public enum Quadrant {
  /** High value, high potential. */
  STAR("star"),
  /** High value, low potential. */
  CASH_COW("cash_cow"),
  /** Low value, high potential. */
  RISING("rising"),
  /** Low value, low potential. */
  MAINTAIN("maintain"),
  /** Value or potential unknown. */
  UNKNOWN("unknown");

  private static final Quadrant[] VALUES = values();
  private final String code;

  Quadrant(String code) {
    this.code = code;
  }

  /** The quadrant for high/low value and potential. */
  public static Quadrant of(boolean highValue, boolean highPotential) {
    return VALUES[(highValue ? 0 : 2) + (highPotential ? 0 : 1)];
  }

  public static Quadrant ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /** Stable English code, as written to output files. */
  public String code() {
    return code;
  }

  /** Key in the label bundles. */
  public String labelKey() {
    return "value.quadrant." + code;
  }

  public String label(Locale locale) {
    return Labels.get(labelKey(), locale);
  }
}
