package strata.run;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;

/**
 * The named per-customer inputs the composite score may use (NaN where a customer has no value). Only the inputs the
 * model names are built, each an array over all customers.
 */
final class CompositeInputs {
  private CompositeInputs() {}

  /** Input names the composite section may use. */
  static final List<String> NAMES = List.of("monetary", "frequency", "recency_days", "purchase_rate", "annual_value",
      "avg_order_value", "size_score", "nps", "csat", "interactions", "complaints", "clv", "p_alive");

  static Map<String, double[]> build(ScoredCustomers s, List<String> names, Map<String, Double> sizeScores) {
    Map<String, double[]> inputs = new HashMap<>();
    for (String name : names) {
      if (!NAMES.contains(name)) {
        throw new strata.scoring.ConfigException("scoring.composite: unknown input '" + name + "'; known inputs: "
            + String.join(", ", NAMES));
      }
      double[] v = new double[s.size];
      java.util.stream.IntStream.range(0, s.size).parallel().forEach(i -> v[i] = value(s, i, name, sizeScores));
      if (hasAny(v)) inputs.put(name, v);
    }
    return inputs;
  }

  private static boolean hasAny(double[] v) {
    for (double d : v) {
      if (!Double.isNaN(d)) return true;
    }
    return false;
  }

  private static double value(ScoredCustomers s, int i, String name, Map<String, Double> sizeScores) {
    boolean bought = s.bought(i);
    Engagement e = s.engagements == null ? null : s.engagements[i];
    CustomerProfile p = s.profiles == null ? null : s.profiles[i];
    return switch (name) {
      case "monetary" -> bought ? s.monetary(i) : 0;
      case "frequency" -> bought ? s.purchases.orders[i] : 0;
      case "recency_days" -> bought ? s.recencyDays(i) : Double.NaN;
      case "purchase_rate" -> bought ? s.purchaseRate(i) : 0;
      case "annual_value" -> bought ? s.annualValue(i) : 0;
      case "avg_order_value" -> bought && s.purchases.orders[i] > 0 ? s.monetary(i) / s.purchases.orders[i] : Double.NaN;
      case "clv" -> s.prediction(s.clv.clv(), i);
      case "p_alive" -> s.prediction(s.clv.pAlive(), i);
      case "size_score" -> p == null ? Double.NaN : sizeScores.getOrDefault(p.size().toLowerCase(Locale.ROOT), Double.NaN);
      case "nps" -> e == null || e.nps() < 0 ? Double.NaN : e.nps();
      case "csat" -> e == null || e.csat() < 0 ? Double.NaN : e.csat();
      case "interactions" -> e == null ? 0 : e.interactions();
      case "complaints" -> e == null ? 0 : e.complaints();
      default -> Double.NaN;
    };
  }
}
