package strata.tier;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import strata.i18n.Labels;

/**
 * Renders a {@link TierReason} in the user's language from the {@code strata.labels} bundles: the tier's name, then
 * each metric read by its translated name ({@code metric.<variable>}) with the value read, then the rules not checked.
 * Codes of metrics with labels elsewhere (lifecycle stages, segments, quadrants) are shown by their label.
 */
final class TierReasonText {
  /** Label key prefixes of the metrics whose values are codes with labels of their own. */
  private static final Map<Metric, String> VALUE_LABELS = Map.of(
      Metric.LIFECYCLE_STAGE, "lifecycle.stage.",
      Metric.RFM_SEGMENT, "rfm.classic.",
      Metric.RFM_SEGMENT11, "rfm.segment.",
      Metric.VALUE_QUADRANT, "value.quadrant.");

  private TierReasonText() {}

  static String render(TierReason reason, Locale locale) {
    boolean chinese = locale != null && locale.getLanguage().equals("zh");
    StringBuilder why = new StringBuilder();
    if (reason.catchAll()) {
      why.append(Labels.get("tier.reason.catchAll", locale));
    } else {
      String separator = Labels.get("tier.reason.separator", locale);
      for (int k = 0; k < reason.reads().size(); k++) {
        TierReason.Read read = reason.reads().get(k);
        if (k > 0) why.append(separator);
        why.append(format(Labels.get("tier.reason.read", locale), metricName(read.metric(), locale),
            value(read.metric(), read.value(), locale)));
      }
    }
    StringBuilder sb = new StringBuilder(format(Labels.get("tier.reason.tier", locale),
        reason.rule().name(chinese), why.toString()));
    for (TierReason.NotChecked n : reason.notChecked()) {
      sb.append(format(Labels.get("tier.reason.notChecked", locale), n.rule().name(chinese),
          metricName(n.missing(), locale)));
    }
    return sb.toString();
  }

  /** The metric's name for people, e.g. 最近购买距今天数 for recency_days. */
  static String metricName(Metric metric, Locale locale) {
    return metric.label(locale);
  }

  private static String value(Metric metric, Object v, Locale locale) {
    if (v == null) return Labels.get("tier.reason.missing", locale);
    if (v instanceof Boolean b) return Labels.get(b ? "tier.reason.yes" : "tier.reason.no", locale);
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
          : String.format(Locale.ROOT, "%.2f", d);
    }
    String prefix = VALUE_LABELS.get(metric);
    if (prefix != null) {
      String label = Labels.get(prefix + v, locale);
      if (!label.equals(prefix + v)) return label;
    }
    return String.valueOf(v);
  }

  private static String format(String pattern, String... args) {
    // Quotes are literal in these texts; MessageFormat would otherwise swallow them.
    return MessageFormat.format(pattern.replace("'", "''"), (Object[]) args);
  }
}
