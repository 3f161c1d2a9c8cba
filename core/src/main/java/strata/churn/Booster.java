package strata.churn;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import strata.i18n.Note;

/**
 * Gradient-boosted trees (XGBoost) for a 0/1 outcome: trained on rows of {@link ChurnFeatures}, predicting the
 * probability of the outcome and each feature's SHAP contribution to it (in log-odds).
 */
final class Booster {
  /**
   * Fixed settings: shallow trees generalise on tabular data without tuning per run. Their size also sets the cost of
   * the reasons: exact SHAP costs rounds × leaves × depth² per customer, which dominated at 1M customers with 120
   * rounds of depth 5 (bench/README.md), so 80 rounds of depth 4.
   */
  static final int ROUNDS = 80;

  private final ml.dmlc.xgboost4j.java.Booster booster;

  private Booster(ml.dmlc.xgboost4j.java.Booster booster) {
    this.booster = booster;
  }

  /** @param rows the rows of {@code features} to train on */
  static Booster train(ChurnFeatures features, int[] rows, boolean[] outcome, long seed) {
    float[] label = new float[rows.length];
    for (int k = 0; k < rows.length; k++) label[k] = outcome[rows[k]] ? 1 : 0;
    Map<String, Object> params = new HashMap<>();
    params.put("objective", "binary:logistic");
    params.put("tree_method", "hist");
    params.put("max_depth", 4);
    params.put("eta", 0.15);
    params.put("min_child_weight", 5);
    params.put("subsample", 0.8);
    params.put("seed", (int) seed);
    params.put("nthread", Runtime.getRuntime().availableProcessors());
    params.put("verbosity", 0);
    try {
      DMatrix d = matrix(features, rows);
      try {
        d.setLabel(label);
        return new Booster(XGBoost.train(d, params, ROUNDS, Map.of(), null, null));
      } finally {
        d.dispose();
      }
    } catch (XGBoostError e) {
      throw new ChurnException(Note.of("churn_train_failed", e.getMessage()));
    }
  }

  /** Probability of the outcome for each of {@code rows}. */
  double[] predict(ChurnFeatures features, int[] rows) {
    try {
      DMatrix d = matrix(features, rows);
      try {
        float[][] p = booster.predict(d);
        double[] out = new double[rows.length];
        for (int k = 0; k < out.length; k++) out[k] = p[k][0];
        return out;
      } finally {
        d.dispose();
      }
    } catch (XGBoostError e) {
      throw new ChurnException(Note.of("churn_score_failed", e.getMessage()));
    }
  }

  /** SHAP contributions per row: one per feature, then the bias, in log-odds. */
  float[][] contributions(ChurnFeatures features, int[] rows) {
    try {
      DMatrix d = matrix(features, rows);
      try {
        return booster.predictContrib(d, 0);
      } finally {
        d.dispose();
      }
    } catch (XGBoostError e) {
      throw new ChurnException(Note.of("churn_explain_failed", e.getMessage()));
    }
  }

  void dispose() {
    booster.dispose();
  }

  private static DMatrix matrix(ChurnFeatures f, int[] rows) throws XGBoostError {
    int m = f.columns();
    float[] data;
    if (rows.length == f.rows && isIdentity(rows)) {
      data = f.values;
    } else {
      data = new float[rows.length * m];
      for (int k = 0; k < rows.length; k++) System.arraycopy(f.values, rows[k] * m, data, k * m, m);
    }
    return new DMatrix(data, rows.length, m, Float.NaN);
  }

  private static boolean isIdentity(int[] rows) {
    for (int k = 0; k < rows.length; k++) if (rows[k] != k) return false;
    return true;
  }
}
