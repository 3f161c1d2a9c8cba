package strata.rfm;

import java.util.Locale;
import strata.i18n.Labels;

/**
 * The eight classic RFM segments used by Chinese retail (重要价值客户 ...), from whether each of R,
 * F and M is high or low. Ordinals are stable: {@link RfmSegments#classic} returns them.
 */
public enum ClassicSegment {
  /** R high, F high, M high. */
  IMPORTANT_VALUE("important_value"),
  /** R high, F low, M high. */
  IMPORTANT_DEVELOPMENT("important_development"),
  /** R low, F high, M high. */
  IMPORTANT_RETENTION("important_retention"),
  /** R low, F low, M high. */
  IMPORTANT_WINBACK("important_winback"),
  /** R high, F high, M low. */
  GENERAL_VALUE("general_value"),
  /** R high, F low, M low. */
  GENERAL_DEVELOPMENT("general_development"),
  /** R low, F high, M low. */
  GENERAL_RETENTION("general_retention"),
  /** R low, F low, M low. */
  GENERAL_WINBACK("general_winback");

  private static final ClassicSegment[] VALUES = values();
  private final String code;

  ClassicSegment(String code) {
    this.code = code;
  }

  /** The segment for high/low R, F and M. */
  public static ClassicSegment of(boolean rHigh, boolean fHigh, boolean mHigh) {
    // Enum order is M first, then R, then F, with high before low: the index is three bits.
    return VALUES[(mHigh ? 0 : 4) + (rHigh ? 0 : 2) + (fHigh ? 0 : 1)];
  }

  public static ClassicSegment ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /** Stable English snake_case code, as written to output files. */
  public String code() {
    return code;
  }

  /** Key in the label bundles. */
  public String labelKey() {
    return "rfm.classic." + code;
  }

  /** Display name, e.g. 重要价值客户 for {@link Locale#CHINESE}. */
  public String label(Locale locale) {
    return Labels.get(labelKey(), locale);
  }
}
