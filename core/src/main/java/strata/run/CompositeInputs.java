package strata.run;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;

/**
 * The named per-customer inputs the composite score may use (NaN where a customer has no value), each built when the
 * scorer ranks it.
 */
final class CompositeInputs {
  private CompositeInputs() {}

  /** Input names the composite section may use. */
  static final List<String> NAMES = List.of("monetary", "frequency", "recency_days", "purchase_rate", "annual_value",
      "avg_order_value", "size_score", "nps", "csat", "interactions", "complaints", "clv", "p_alive");

  /** @throws strata.scoring.ConfigException for a name that is not an input */
  static void check(List<String> names) {
    for (String name : names) {
      if (!NAMES.contains(name)) {
        throw new strata.scoring.ConfigException(strata.scoring.ConfigException.UNKNOWN_INPUT, "scoring.composite",
            "value", name, "expected", String.join(", ", NAMES));
      }
    }
  }

  /** The input's value for every customer, or null when no customer has one. */
  static double[] values(ScoredCustomers s, String name, Map<String, Double> sizeScores) {
    double[] v = new double[s.size];
    java.util.function.IntToDoubleFunction input = input(s, name, sizeScores);
    java.util.stream.IntStream.range(0, s.size).parallel().forEach(i -> v[i] = input.applyAsDouble(i));
    return hasAny(v) ? v : null;
  }

  private static boolean hasAny(double[] v) {
    for (double d : v) {
      if (!Double.isNaN(d)) return true;
    }
    return false;
  }

  /** The input's value of customer i; chosen once per input, not once per customer (it was a string switch each). */
  private static java.util.function.IntToDoubleFunction input(ScoredCustomers s, String name,
      Map<String, Double> sizeScores) {
    long[] orders = s.purchases.orders;
    return switch (name) {
      case "monetary" -> i -> s.bought(i) ? s.monetary(i) : 0;
      case "frequency" -> i -> s.bought(i) ? orders[i] : 0;
      case "recency_days" -> i -> s.bought(i) ? s.recencyDays(i) : Double.NaN;
      case "purchase_rate" -> i -> s.bought(i) ? s.purchaseRate(i) : 0;
      case "annual_value" -> i -> s.bought(i) ? s.annualValue(i) : 0;
      case "avg_order_value" -> i -> s.bought(i) && orders[i] > 0 ? s.monetary(i) / orders[i] : Double.NaN;
      case "clv" -> i -> s.prediction(s.clv.clv(), i);
      case "p_alive" -> i -> s.prediction(s.clv.pAlive(), i);
      case "size_score" -> i -> {
        CustomerProfile p = s.profiles == null ? null : s.profiles[i];
        return p == null ? Double.NaN : sizeScores.getOrDefault(p.size().toLowerCase(Locale.ROOT), Double.NaN);
      };
      case "nps" -> i -> {
        Engagement e = engagement(s, i);
        return e == null || e.nps() < 0 ? Double.NaN : e.nps();
      };
      case "csat" -> i -> {
        Engagement e = engagement(s, i);
        return e == null || e.csat() < 0 ? Double.NaN : e.csat();
      };
      case "interactions" -> i -> {
        Engagement e = engagement(s, i);
        return e == null ? 0 : e.interactions();
      };
      case "complaints" -> i -> {
        Engagement e = engagement(s, i);
        return e == null ? 0 : e.complaints();
      };
      default -> i -> Double.NaN;
    };
  }

  private static Engagement engagement(ScoredCustomers s, int i) {
    return s.engagements == null ? null : s.engagements[i];
  }
}
