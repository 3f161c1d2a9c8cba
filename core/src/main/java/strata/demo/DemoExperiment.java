package strata.demo;

import java.time.LocalDate;
import strata.experiment.HoldoutHash;

/**
 * The demo's control-group experiment, so a new user sees one with a result: the at-risk tier's playbook holds out
 * {@value #SHARE} of its customers from the quarter that starts six months before the export day. The data plants
 * the effect a working win-back would have: a customer who had lapsed by the start (but not for years) and is not held
 * out comes back within seven weeks with chance {@value #EXTRA_RETURN}; held-out customers return only as they would
 * anyway.
 */
public final class DemoExperiment {
  public static final String ID = "winback_demo";
  public static final double SHARE = 0.2;
  /** Chance that a lapsed customer who got the win-back call orders again soon after the start. */
  static final double EXTRA_RETURN = 0.4;
  /**
   * Lapsed at the start: the last order between {@value #LAPSED_DAYS} and {@value #GONE_DAYS} days before it (a call
   * does not bring back a customer gone for years).
   */
  static final int LAPSED_DAYS = 90;
  static final int GONE_DAYS = 365;
  /**
   * Hash values below this may be held out: the server stratifies by tier, so a tier's cutoff lies near
   * {@value #SHARE} but not on it; customers between the two get no planted effect, which only makes it smaller.
   */
  private static final double TREATED_FROM = 0.25;

  private DemoExperiment() {}

  /** The first day the experiment runs for data exported on {@code asOf} (a quarter of the demo's history). */
  public static LocalDate start(LocalDate asOf) {
    return asOf.minusMonths(6);
  }

  /** Whether the data treats the customer as getting the playbook (surely not held out). */
  static boolean treated(String customerId) {
    return HoldoutHash.unit(ID, customerId) >= TREATED_FROM;
  }

  /** Strata's default model with the holdout on the at-risk tier's playbook. */
  public static String modelYaml(String defaultYaml) {
    int tier = defaultYaml.indexOf("  - id: at_risk\n");
    int service = tier < 0 ? -1 : defaultYaml.indexOf("    service:\n", tier);
    if (service < 0) throw new IllegalStateException("the default model has no at_risk tier with a service section");
    int at = service + "    service:\n".length();
    return defaultYaml.substring(0, at) + "      holdout: {experiment: " + ID + ", share: " + SHARE + "}\n"
        + defaultYaml.substring(at);
  }
}
