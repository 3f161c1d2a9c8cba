package strata.cluster;

import java.util.Locale;
import strata.i18n.Labels;

/**
 * One behavioural cluster: its members' count and net revenue, its centre in plain units, and where that centre lies
 * against all customers on each axis (standard scores beyond ±0.5 count as high or low).
 *
 * @param id 1-based, as in the {@code cluster} variable
 * @param revenueCents its members' net spend (refunds subtracted), in cents
 * @param recencyDays centre's days since the last purchase; {@code purchaseDays} and {@code avgOrderValue} likewise.
 *     The centre is taken on the log axes the clusters are fitted on, so it reads as a typical member (a geometric
 *     mean), not an average that one big spender pulls up; NaN for a cluster left without members
 */
public record Cluster(int id, int customers, long revenueCents, double recencyDays, double purchaseDays,
    double avgOrderValue, Level frequency, Level orderSize, Level recency) implements java.io.Serializable {

  public enum Level { LOW, MID, HIGH }

  static Level level(double z) {
    return z > 0.5 ? Level.HIGH : z < -0.5 ? Level.LOW : Level.MID;
  }

  /** e.g. "frequent small orders, recent" / "高频小额、近期活跃". */
  public String describe(Locale locale) {
    String f = Labels.get("cluster.frequency." + key(frequency), locale);
    String s = Labels.get("cluster.size." + key(orderSize), locale);
    // A high recency in days is a customer who has not bought for long.
    String r = Labels.get("cluster.recency." + key(recency), locale);
    return java.text.MessageFormat.format(Labels.get("cluster.describe", locale), f, s, r);
  }

  private static String key(Level l) {
    return l.name().toLowerCase(Locale.ROOT);
  }
}
