package strata.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import strata.i18n.Note;

/**
 * The churn prediction of a run: per scored customer the probability of no purchase in the next window and the three
 * features that pushed it up most, with the held-out figures of the classifier and of the BG/NBD baseline.
 *
 * @param classifier null when the classifier was not trained (see {@code notes})
 * @param baseline null when the baseline could not be evaluated
 * @param usesClassifier false when the classifier was not trained or did not beat the baseline's ROC-AUC; there are
 *     no reasons then
 * @param churnProb per scored customer: the classifier's, or the baseline's when the classifier was trained and lost
 *     to it; NaN for all when the classifier was not trained (too little data: the run says why in {@code notes})
 * @param reasonFeature per customer three feature indices into {@code features}, -1 where fewer pushed upwards
 * @param reasonContribution their SHAP contributions in log-odds
 */
public record ChurnResult(Evaluation classifier, Evaluation baseline, boolean usesClassifier, float[] churnProb,
    int[] reasonFeature, float[] reasonContribution, List<String> features, List<Note> notes) {

  public static final int REASONS = 3;

  /** Where {@code churnProb} comes from. */
  public enum Source { CLASSIFIER, BASELINE, NONE }

  /** The classifier when it won, the baseline when the classifier was trained and lost to it, else none (empty). */
  public Source source() {
    return usesClassifier ? Source.CLASSIFIER : classifier != null && baseline != null ? Source.BASELINE : Source.NONE;
  }

  /** One reason: a feature, the customer's value of it and how much it raised the log-odds of churning. */
  public record Reason(String feature, double value, double contribution) {}

  static ChurnResult notComputed(int customers, Evaluation baseline, float[] baselineProb, Note note) {
    float[] prob = baselineProb;
    if (prob == null) {
      prob = new float[customers];
      Arrays.fill(prob, Float.NaN);
    }
    int[] none = new int[customers * REASONS];
    Arrays.fill(none, -1);
    return new ChurnResult(null, baseline, false, prob, none, new float[customers * REASONS], List.of(), List.of(note));
  }

  /** Reasons of customer i, strongest first; empty when the baseline is used. */
  public List<Reason> reasons(int i, ChurnFeatures scored) {
    List<Reason> out = new ArrayList<>();
    for (int k = 0; k < REASONS; k++) {
      int f = reasonFeature[i * REASONS + k];
      if (f >= 0) out.add(new Reason(features.get(f), scored.get(i, f), reasonContribution[i * REASONS + k]));
    }
    return out;
  }
}
