package strata.value;

import java.util.Locale;
import strata.i18n.Labels;

/** The three parts of the composite value score. */
public enum Component {
  /** What the customer has already brought (spend, purchases). */
  HISTORICAL("historical"),
  /** What the customer is likely to bring (recency, purchase rate). */
  POTENTIAL("potential"),
  /** Worth beyond revenue (company size, recommendation). */
  STRATEGIC("strategic");

  private final String code;

  Component(String code) {
    this.code = code;
  }

  /** Stable English code, also the YAML key. */
  public String code() {
    return code;
  }

  /** This component's bit in {@link CompositeScores#missingMask()}: 1, 2 or 4. */
  public int bit() {
    return 1 << ordinal();
  }

  /** Key in the label bundles. */
  public String labelKey() {
    return "value.component." + code;
  }

  public String label(Locale locale) {
    return Labels.get(labelKey(), locale);
  }
}
