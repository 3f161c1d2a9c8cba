package strata.run;

import java.util.ArrayList;
import java.util.List;
import strata.clv.BgNbd;
import strata.clv.CalibrationData;
import strata.clv.ClvException;
import strata.clv.ClvHorizon;
import strata.clv.CustomerValue;
import strata.clv.Fit;
import strata.clv.GammaGamma;
import strata.clv.HoldoutData;
import strata.clv.HoldoutEvaluation;
import strata.clv.HoldoutReport;
import strata.clv.SpendData;
import strata.summary.PurchaseColumns;

/**
 * The probabilistic models inside a scoring run: BG/NBD for repeat purchases and P(alive), Gamma-Gamma for spend,
 * fitted on all buyers as of the as-of date, plus a calibration/holdout check of BG/NBD on the same data.
 *
 * <p>Time is in weeks, as in the papers. CLV is the value of the next 12 months (12 periods of 52/12 weeks), discounted
 * 1 % a month, margin 1 (revenue): CLV = E[spend] × Σₖ (E[Y(k·L)] − E[Y((k−1)·L)]) / 1.01ᵏ, with E[Y(t)] the expected
 * repeat purchases in the next t weeks.
 */
public final class ClvStage {
  static final double WEEK = 7.0;
  static final ClvHorizon HORIZON = ClvHorizon.of(12, 52.0 / 12, 0.01);

  /**
   * Predictions per buyer (NaN where unknown) and the fits; null fits when there was not enough data, with the reason.
   *
   * @param holdout null when the data span was too short to hold a period out
   */
  public record Result(float[] clv, float[] pAlive, float[] expected90, Fit<BgNbd> bgNbd, Fit<GammaGamma> gammaGamma,
      HoldoutReport holdout, double holdoutWeeks, List<String> notes) {}

  private ClvStage() {}

  static Result run(PurchaseColumns p, int asOfDay) {
    int n = p.size;
    float[] clv = nan(n);
    float[] pAlive = nan(n);
    float[] expected90 = nan(n);
    List<String> notes = new ArrayList<>();
    CalibrationData data = calibration(p, asOfDay);
    Fit<BgNbd> bg;
    try {
      bg = BgNbd.fit(data);
    } catch (ClvException e) {
      notes.add("CLV and P(alive) not computed: " + e.getMessage());
      return new Result(clv, pAlive, expected90, null, null, null, 0, notes);
    }
    if (!bg.converged()) notes.add("BG/NBD fit did not converge; its predictions are approximate");
    double[] alive = bg.model().probabilityAlive(data);
    double[] next90 = bg.model().expectedPurchases(data, 90 / WEEK);
    for (int i = 0; i < n; i++) {
      pAlive[i] = (float) alive[i];
      expected90[i] = (float) next90[i];
    }
    Fit<GammaGamma> gg = null;
    try {
      gg = GammaGamma.fit(spend(p, true));
      double[] value = CustomerValue.clv(bg.model(), gg.model(), data, spend(p, false), HORIZON);
      for (int i = 0; i < n; i++) clv[i] = (float) value[i];
    } catch (ClvException e) {
      notes.add("CLV not computed (spend model): " + e.getMessage());
    }
    Holdout h = holdout(p, asOfDay, notes);
    return new Result(clv, pAlive, expected90, bg, gg, h == null ? null : h.report, h == null ? 0 : h.weeks, notes);
  }

  private static CalibrationData calibration(PurchaseColumns p, int asOfDay) {
    int n = p.size;
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = p.distinctDays[i] - 1; // purchases on the same day count as one
      tx[i] = (p.lastDay[i] - p.firstDay[i]) / WEEK;
      t[i] = (asOfDay - p.firstDay[i]) / WEEK;
    }
    return new CalibrationData(x, tx, t);
  }

  /**
   * Mean value of each buyer's repeat purchase days (the first day left out, as Gamma-Gamma is defined).
   *
   * @param forFit leave out buyers whose mean repeat spend is not positive (refunds) by giving them x = 0, which the
   *     fit skips and the prediction treats as "no spend history" (the population mean)
   */
  private static SpendData spend(PurchaseColumns p, boolean forFit) {
    int n = p.size;
    double[] x = new double[n];
    double[] mean = new double[n];
    for (int i = 0; i < n; i++) {
      int repeats = p.distinctDays[i] - 1;
      double m = repeats > 0 ? (p.netCents[i] - p.firstDayNetCents[i]) / 100.0 / repeats : 0;
      boolean usable = repeats > 0 && m > 0;
      x[i] = usable ? repeats : 0;
      mean[i] = usable ? m : 0;
    }
    return new SpendData(x, mean);
  }

  private record Holdout(HoldoutReport report, double weeks) {}

  /**
   * Fits BG/NBD on the data up to a split and compares its predictions with what happened after it. The holdout is a
   * quarter of the data's span, at most 26 weeks, in whole weeks; customers who first bought after the split are left
   * out, as in the papers.
   */
  private static Holdout holdout(PurchaseColumns p, int asOfDay, List<String> notes) {
    if (p.daysUpToSplit == null) return null;
    int split = p.splitDay;
    List<Integer> cohort = new ArrayList<>();
    for (int i = 0; i < p.size; i++) {
      if (p.daysUpToSplit[i] > 0) cohort.add(i);
    }
    int m = cohort.size();
    double[] x = new double[m];
    double[] tx = new double[m];
    double[] t = new double[m];
    double[] actual = new double[m];
    for (int k = 0; k < m; k++) {
      int i = cohort.get(k);
      x[k] = p.daysUpToSplit[i] - 1;
      tx[k] = (p.lastDayUpToSplit[i] - p.firstDay[i]) / WEEK;
      t[k] = (split - p.firstDay[i]) / WEEK;
      actual[k] = p.distinctDays[i] - p.daysUpToSplit[i];
    }
    double weeks = (asOfDay - split) / WEEK;
    try {
      CalibrationData cal = new CalibrationData(x, tx, t);
      Fit<BgNbd> fit = BgNbd.fit(cal);
      return new Holdout(HoldoutEvaluation.evaluate(fit.model(), cal, new HoldoutData(actual, weeks)), weeks);
    } catch (ClvException e) {
      notes.add("holdout check of the CLV model skipped: " + e.getMessage());
      return null;
    }
  }

  /**
   * The as-of day of the calibration part for the holdout check (purchases up to and including it): a quarter of the span between the first purchase
   * and the as-of date, at most 26 weeks, in whole weeks; -1 when that leaves less than 4 weeks.
   */
  public static int splitDay(int firstDay, int asOfDay) {
    int weeks = Math.min(26, (asOfDay - firstDay) / 4 / 7);
    return weeks < 4 ? -1 : asOfDay - weeks * 7;
  }

  private static float[] nan(int n) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, Float.NaN);
    return a;
  }
}
