package strata.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChurnAnalysisTest {
  /** Churn decided by "signal", column 0 (> 0.5, 10 % of outcomes flipped); "noise", column 1, unrelated. */
  record Data(ChurnFeatures features, boolean[] churned) {}

  static Data planted(int n, long seed) {
    Random r = new Random(seed);
    float[] v = new float[n * 2];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      v[2 * i] = r.nextFloat();
      v[2 * i + 1] = r.nextFloat();
      y[i] = (v[2 * i] > 0.5) != (r.nextDouble() < 0.1);
    }
    return new Data(ChurnFeatures.of(List.of("signal", "noise"), v), y);
  }

  static Baseline uninformed(int n) {
    double[] e = new double[n];
    double[] p = new double[n];
    java.util.Arrays.fill(e, 1);
    java.util.Arrays.fill(p, 0.5);
    return new Baseline(e, p);
  }

  @Test
  void learnsAPlantedRuleAndNamesItAsTheReason() {
    Data d = planted(2000, 7);
    ChurnResult r = ChurnAnalysis.run(d.features, d.churned, uninformed(2000), d.features, uninformed(2000), 3);
    assertTrue(r.usesClassifier());
    // The best possible AUC with 10 % flipped outcomes is about 0.9; a constant baseline has 0.5.
    assertTrue(r.classifier().auc() > 0.85, "AUC " + r.classifier().auc());
    assertEquals(0.5, r.baseline().auc(), 1e-12);
    int churned = 0;
    for (boolean c : d.churned) if (c) churned++;
    // 30 % of each outcome, rounded up.
    assertEquals((churned * 3 + 9) / 10 + ((2000 - churned) * 3 + 9) / 10, r.classifier().customers());
    assertEquals((churned * 3 + 9) / 10, r.classifier().churned());
    // After the held-out 30 %, the next 15 % of each outcome (rounded up) calibrates the probabilities.
    assertEquals((churned * 15 + 99) / 100 + ((2000 - churned) * 15 + 99) / 100,
        r.classifier().calibration().platt().customers());
    // Customers with a high signal churn 90 % of the time, and the signal is what pushes them there.
    double sum = 0;
    int high = 0;
    int bySignal = 0;
    for (int i = 0; i < 2000; i++) {
      if (d.features.get(i, 0) < 0.8) continue;
      high++;
      sum += r.churnProb()[i];
      var reasons = r.reasons(i, d.features);
      if (!reasons.isEmpty() && reasons.get(0).feature().equals("signal")) bySignal++;
    }
    assertTrue(sum / high > 0.75, "mean churn_prob " + sum / high);
    assertTrue(bySignal > 0.9 * high, bySignal + " of " + high);
  }

  @Test
  void sameSeedSameResult() {
    Data d = planted(500, 1);
    ChurnResult a = ChurnAnalysis.run(d.features, d.churned, uninformed(500), d.features, uninformed(500), 5);
    ChurnResult b = ChurnAnalysis.run(d.features, d.churned, uninformed(500), d.features, uninformed(500), 5);
    assertArrayEquals(a.churnProb(), b.churnProb());
    assertEquals(a.classifier(), b.classifier());
  }

  @Test
  void aBetterBaselineIsKept() {
    Data d = planted(400, 2);
    double[] expected = new double[400];
    double[] none = new double[400];
    for (int i = 0; i < 400; i++) {
      expected[i] = d.churned[i] ? 0 : 3; // knows the outcome: AUC 1
      none[i] = d.churned[i] ? 0.9 : 0.1;
    }
    Baseline perfect = new Baseline(expected, none);
    ChurnResult r = ChurnAnalysis.run(d.features, d.churned, perfect, d.features, perfect, 1);
    assertFalse(r.usesClassifier());
    assertEquals(1.0, r.baseline().auc(), 1e-12);
    assertTrue(r.notes().get(0).toString().contains("does not beat the BG/NBD baseline"), r.notes().toString());
    assertEquals(0.9f, r.churnProb()[d.churned[0] ? 0 : 1], 1e-6);
    assertTrue(r.reasons(0, d.features).isEmpty());
  }

  @Test
  void tooFewCustomersLeavesTheColumnEmpty() {
    Data d = planted(30, 1);
    // A baseline for everyone is at hand, but with no classifier to compare it on, the column stays empty.
    ChurnResult r = ChurnAnalysis.run(d.features, d.churned, uninformed(30), d.features, uninformed(30), 1);
    assertNull(r.classifier());
    assertEquals("30 customers are too few to train the churn classifier (at least 50 needed)", r.notes().get(0).toString());
    assertEquals("30 位客户不足以训练流失分类模型（至少需要 50 位）", r.notes().get(0).text(java.util.Locale.SIMPLIFIED_CHINESE));
    for (float p : r.churnProb()) assertTrue(Float.isNaN(p));
  }

  @Test
  void aSingleOutcomeIsExplained() {
    Data d = planted(200, 1);
    boolean[] allStayed = new boolean[200];
    ChurnResult r = ChurnAnalysis.run(d.features, allStayed, null, d.features, null, 1);
    assertNull(r.classifier());
    assertTrue(r.notes().get(0).toString().startsWith("0 of 200 customers churned"), r.notes().toString());
  }

  @Test
  void constantOrMissingFeaturesAreExplained() {
    Data d = planted(200, 1);
    float[] constant = new float[400];
    java.util.Arrays.fill(constant, 3f);
    ChurnFeatures flat = ChurnFeatures.of(List.of("a", "b"), constant);
    ChurnResult r = ChurnAnalysis.run(flat, d.churned, uninformed(200), flat, uninformed(200), 1);
    assertTrue(r.notes().get(0).toString().startsWith("every feature has the same value"), r.notes().toString());
    for (float p : r.churnProb()) assertTrue(Float.isNaN(p));
    float[] nan = new float[400];
    java.util.Arrays.fill(nan, Float.NaN);
    ChurnFeatures missing = ChurnFeatures.of(List.of("a", "b"), nan);
    assertTrue(ChurnAnalysis.run(missing, d.churned, null, missing, null, 1).notes().get(0).toString()
        .startsWith("every feature has the same value"));
  }
}
