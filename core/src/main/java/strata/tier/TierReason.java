package strata.tier;

import java.util.List;
import java.util.Locale;

/**
 * Why a customer is in a tier, as data: the rule that matched, each metric its condition read with the value read,
 * and the earlier rules that could not be checked because a metric they read was missing. {@link #text} renders it
 * for people in zh or en, {@link #json} for machines, so nothing has to parse the prose.
 *
 * @param index the rule's position in the model, 0 for the first
 * @param reads the metrics the rule's condition read, in order of first mention; empty for the catch-all
 * @param notChecked earlier rules skipped because a metric they read was missing
 */
public record TierReason(TierRule rule, int index, List<Read> reads, List<NotChecked> notChecked) {

  /** @param value as {@link MetricSource#value} gives it; null when missing */
  public record Read(Metric metric, Object value) {}

  /** @param missing the first metric of the rule's condition that the customer has no value for */
  public record NotChecked(TierRule rule, int index, Metric missing) {}

  /** True when the customer took the catch-all tier: no earlier condition held. */
  public boolean catchAll() {
    return reads.isEmpty();
  }

  /** E.g. 高价值客户：ABC 分类为A，生命周期阶段为活跃客户 or High value: ABC class is A, lifecycle stage is Active. */
  public String text(Locale locale) {
    return TierReasonText.render(this, locale);
  }

  /**
   * The same facts for machines, one line of JSON: {@code {"tier":"high_value","rule":1,"reads":{"abc_class":"A",
   * "lifecycle_stage":"active"},"not_checked":{"vip":"r_score"}}}: the metrics read in order of mention (a missing
   * value is {@code null}, numbers are JSON numbers), and each rule not checked with the metric it missed. Objects
   * rather than lists of pairs, since metrics and tier ids are unique: shorter in customers.csv, and read as
   * {@code reads.abc_class}. Written by hand because core has no JSON library and this is one fixed shape.
   */
  public String json() {
    StringBuilder sb = new StringBuilder("{\"tier\":");
    string(sb, rule.id());
    sb.append(",\"rule\":").append(index).append(",\"reads\":{");
    for (int k = 0; k < reads.size(); k++) {
      if (k > 0) sb.append(',');
      sb.append('"').append(reads.get(k).metric().variable()).append("\":");
      value(sb, reads.get(k).value());
    }
    sb.append("},\"not_checked\":{");
    for (int k = 0; k < notChecked.size(); k++) {
      if (k > 0) sb.append(',');
      string(sb, notChecked.get(k).rule().id());
      sb.append(":\"").append(notChecked.get(k).missing().variable()).append('"');
    }
    return sb.append("}}").toString();
  }

  private static void value(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
      sb.append(v);
    } else if (v instanceof Double d && Double.isFinite(d)) {
      sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d));
    } else {
      string(sb, String.valueOf(v)); // text metrics, and NaN or infinity, which JSON numbers cannot hold
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
