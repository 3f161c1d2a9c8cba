package strata.rfm;

import java.util.Locale;
import strata.i18n.Labels;

/**
 * The common named RFM segments (Champions, Loyal Customers ...), plus {@link #OTHERS} for
 * customers no rule matches. The rules are in {@link RfmSegments#segment11(int, int, int)}.
 */
public enum RfmSegment11 {
  CHAMPIONS("champions"),
  LOYAL_CUSTOMERS("loyal_customers"),
  POTENTIAL_LOYALIST("potential_loyalist"),
  NEW_CUSTOMERS("new_customers"),
  PROMISING("promising"),
  NEED_ATTENTION("need_attention"),
  ABOUT_TO_SLEEP("about_to_sleep"),
  AT_RISK("at_risk"),
  CANT_LOSE_THEM("cant_lose_them"),
  HIBERNATING("hibernating"),
  LOST("lost"),
  OTHERS("others");

  private static final RfmSegment11[] VALUES = values();
  private final String code;

  RfmSegment11(String code) {
    this.code = code;
  }

  public static RfmSegment11 ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /** Stable English snake_case code, as written to output files. */
  public String code() {
    return code;
  }

  /** Key in the label bundles. */
  public String labelKey() {
    return "rfm.segment." + code;
  }

  public String label(Locale locale) {
    return Labels.get(labelKey(), locale);
  }
}
