package strata.lifecycle;

import java.util.Locale;
import strata.i18n.Labels;

/** Where a customer is in their relationship with the shop. Ordinals are stable. */
public enum LifecycleStage {
  /** Known (e.g. from the customers file) but never bought. */
  POTENTIAL("potential"),
  /** First purchase recent enough to count as new. */
  NEW("new"),
  ACTIVE("active"),
  DORMANT("dormant"),
  CHURNED("churned");

  private static final LifecycleStage[] VALUES = values();
  private final String code;

  LifecycleStage(String code) {
    this.code = code;
  }

  public static LifecycleStage ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /** Stable English code, as written to output files. */
  public String code() {
    return code;
  }

  /** Key in the label bundles. */
  public String labelKey() {
    return "lifecycle.stage." + code;
  }

  public String label(Locale locale) {
    return Labels.get(labelKey(), locale);
  }
}
