package strata.experiment;

import java.text.MessageFormat;
import java.util.Locale;
import strata.experiment.UpliftResult.Metric;
import strata.experiment.UpliftResult.Warning;
import strata.i18n.Labels;

/** Renders an experiment's codes in the user's language from the {@code strata.labels} bundles. */
public final class ExperimentText {
  private ExperimentText() {}

  public static String metric(Metric metric, Locale locale) {
    return Labels.get("experiment.metric." + metric.code(), locale);
  }

  /** The label every before/after (difference-in-differences) result must carry. */
  public static String beforeAfterEvidence(Locale locale) {
    return Labels.get("experiment.evidence." + DifferenceInDifferences.EVIDENCE, locale);
  }

  /** E.g. "key: too few customers for Repurchase rate (below the minimum in a group), so no interval." */
  public static String warning(Warning w, Locale locale) {
    String tier = w.tier().isEmpty() ? Labels.get("experiment.overall", locale) : w.tier();
    String detail = switch (w.code()) {
      case "too_few" -> Labels.get("experiment.metric." + w.detail(), locale);
      case "unbalanced" -> Labels.get("experiment.kpi." + w.detail(), locale);
      default -> w.detail();
    };
    String value = Double.isNaN(w.value()) ? "" : String.format(Locale.ROOT, "%.2f", w.value());
    return MessageFormat.format(Labels.get("experiment.warning." + w.code(), locale).replace("'", "''"), tier, detail,
        value);
  }

  /** Why a new model version ended an experiment, e.g. "Ended: the new model version removed tier at_risk." */
  public static String ending(Experiments.Ending e, Locale locale) {
    return MessageFormat.format(Labels.get("experiment.ending." + e.code(), locale).replace("'", "''"), e.experiment(),
        e.detail());
  }
}
