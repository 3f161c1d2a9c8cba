package strata.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import strata.clv.BgNbd;
import strata.clv.CalibrationData;
import strata.clv.ClvException;
import strata.clv.ClvHorizon;
import strata.clv.Fit;
import strata.clv.GammaGamma;
import strata.clv.HoldoutData;
import strata.clv.HoldoutEvaluation;
import strata.clv.HoldoutReport;
import strata.clv.SpendData;
import strata.i18n.Note;
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
      HoldoutReport holdout, double holdoutWeeks, List<Note> notes) implements java.io.Serializable {}

  private ClvStage() {}

  /**
   * The models have four population parameters; beyond this many customers, fitting on an evenly spread sample gives
   * the same estimates within their standard errors at a fraction of the time (fitting 1M customers took ~10 s).
   */
  static final int FIT_SAMPLE = 100_000;

  static Result run(PurchaseColumns p, int asOfDay) {
    // The holdout check fits a BG/NBD of its own and needs nothing from the rest: on its own thread, it runs while
    // the main fits do (the fits are single-threaded).
    CompletableFuture<Holdout> holdout = CompletableFuture.supplyAsync(() -> holdout(p, asOfDay), ClvStage::start);
    int[] pick = spread(p.size);
    PurchaseColumns sample = pick.length == p.size ? p : p.select(pick);
    Fits fits = fit(calibration(sample, asOfDay), () -> spend(sample), minRepeats(p), () -> Futures.join(holdout));
    return predict(fits, p, asOfDay);
  }

  /**
   * The models fitted on all buyers of a run (or an evenly spread sample of them), and what they leave undefined:
   * what every buyer is predicted with, whether the run scores its buyers at once or in parts.
   *
   * @param gammaGamma null when not fitted
   * @param spend whether the spend model predicts (fitted, with a finite mean)
   * @param expected whether BG/NBD's expectations are defined for every buyer
   * @param holdout null when the check was skipped or the main fit failed
   * @param notes the notes of the fits, in the order a run states them
   */
  record Fits(Fit<BgNbd> bgNbd, Fit<GammaGamma> gammaGamma, boolean spend, boolean expected, HoldoutReport holdout,
      double holdoutWeeks, List<Note> notes) implements java.io.Serializable {}

  /**
   * @param spendSample the buyers' spend, sampled as {@link #sample(SpendData)} does
   * @param minRepeats the fewest repeat purchase days of any buyer
   * @param holdout the holdout check (asked for only when the main fit succeeds), null when there is no split
   */
  static Fits fit(CalibrationData sample, java.util.function.Supplier<SpendData> spendSample, int minRepeats,
      java.util.function.Supplier<Holdout> holdout) {
    List<Note> notes = new ArrayList<>();
    Fit<BgNbd> bg;
    try {
      bg = BgNbd.fit(sample);
    } catch (ClvException e) {
      notes.add(Note.of("clv_not_fitted").because(e.reason()));
      // Without the main fit the check is not reported; its thread (a daemon) ends on its own.
      return new Fits(null, null, false, false, null, 0, notes);
    }
    if (!bg.converged()) notes.add(Note.of("bgnbd_not_converged"));
    Fit<GammaGamma> gg = null;
    boolean spend = false;
    try {
      gg = GammaGamma.fit(spendSample.get());
      gg.model().expectedAverageSpend(0, 0); // throws when the fitted mean spend is infinite
      spend = true;
    } catch (ClvException e) {
      notes.add(Note.of("spend_not_fitted").because(e.reason()));
    }
    boolean expected = true;
    try {
      // The expectations are undefined for buyers with fewer repeats than a + b + x - 1 > 0 needs: the fewest decide.
      bg.model().givenAlive(minRepeats).expected(1, 0);
    } catch (ClvException e) {
      notes.add(Note.of("expected_not_computed").because(e.reason()));
      expected = false;
    }
    Holdout h = holdout.get();
    if (h != null && h.note != null) notes.add(h.note);
    HoldoutReport report = h == null ? null : h.report;
    return new Fits(bg, gg, spend, expected, report, report == null ? 0 : h.weeks, notes);
  }

  /** The fewest repeat purchase days of a buyer of {@code p}, or 0 for none. */
  static int minRepeats(PurchaseColumns p) {
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < p.size; i++) min = Math.min(min, p.distinctDays[i] - 1);
    return p.size == 0 ? 0 : min;
  }

  /**
   * Buyers predicted at a time: the models' inputs and outputs as doubles for all buyers at once took 280 MB at 5M
   * buyers (seven arrays), in the phase that set the run's peak memory.
   */
  private static final int CHUNK = 1 << 16;

  /** Predictions for the buyers of {@code p} (all of a run, or a part of it) from the run's fits. */
  static Result predict(Fits fits, PurchaseColumns p, int asOfDay) {
    int n = p.size;
    float[] clv = nan(n);
    float[] pAlive = nan(n);
    float[] expected90 = nan(n);
    Fit<BgNbd> bg = fits.bgNbd();
    if (bg == null) return new Result(clv, pAlive, expected90, null, null, null, 0, fits.notes());
    FuturePurchases future = fits.expected() && n > 0
        ? FuturePurchases.of(bg.model(), repeats(p), ages(p, asOfDay)) : null;
    java.util.stream.IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
      int from = chunk * CHUNK;
      int to = Math.min(n, from + CHUNK);
      double[] alive = bg.model().probabilityAlive(calibration(p, asOfDay, WEEK, from, to));
      double[] spendEach = fits.spend() ? fits.gammaGamma().model().expectedAverageSpend(spend(p, from, to)) : null;
      for (int k = 0; k < to - from; k++) {
        int i = from + k;
        pAlive[i] = (float) alive[k];
        if (future == null) continue;
        expected90[i] = (float) (alive[k] * future.next90(i));
        if (spendEach != null) clv[i] = (float) (spendEach[k] * alive[k] * future.horizon(i));
      }
    });
    return new Result(clv, pAlive, expected90, bg, fits.gammaGamma(), fits.holdout(), fits.holdoutWeeks(),
        fits.notes());
  }

  private static void start(Runnable task) {
    Thread thread = new Thread(task, "CLV holdout check");
    thread.setDaemon(true);
    thread.start();
  }

  static CalibrationData calibration(PurchaseColumns p, int asOfDay) {
    return calibration(p, asOfDay, WEEK);
  }

  /**
   * The models' input per buyer: x = purchase days − 1 (purchases on the same day count as one), tx and T from the first
   * purchase day to the last one and to the calibration end, in units of {@code unitDays} days.
   */
  public static CalibrationData calibration(PurchaseColumns p, int calibrationEndDay, double unitDays) {
    return calibration(p, calibrationEndDay, unitDays, 0, p.size);
  }

  /** As {@link #calibration(PurchaseColumns, int, double)} for the buyers {@code from} to {@code to} (excluded). */
  private static CalibrationData calibration(PurchaseColumns p, int calibrationEndDay, double unitDays, int from,
      int to) {
    int n = to - from;
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int k = 0; k < n; k++) {
      int i = from + k;
      x[k] = p.distinctDays[i] - 1;
      tx[k] = (p.lastDay[i] - p.firstDay[i]) / unitDays;
      t[k] = (calibrationEndDay - p.firstDay[i]) / unitDays;
    }
    return new CalibrationData(x, tx, t);
  }

  /**
   * Mean value of each buyer's repeat purchase days (the first day left out, as Gamma-Gamma is defined). Buyers whose
   * mean repeat spend is not positive (refunds) get x = 0, which the fit skips and the prediction treats as "no spend
   * history" (the population mean).
   */
  public static SpendData spend(PurchaseColumns p) {
    return spend(p, 0, p.size);
  }

  /** As {@link #spend(PurchaseColumns)} for the buyers {@code from} to {@code to} (excluded). */
  private static SpendData spend(PurchaseColumns p, int from, int to) {
    int n = to - from;
    double[] x = new double[n];
    double[] mean = new double[n];
    for (int k = 0; k < n; k++) {
      int i = from + k;
      int repeats = p.distinctDays[i] - 1;
      double m = repeats > 0 ? (p.netCents[i] - p.firstDayNetCents[i]) / 100.0 / repeats : 0;
      boolean usable = repeats > 0 && m > 0;
      x[k] = usable ? repeats : 0;
      mean[k] = usable ? m : 0;
    }
    return new SpendData(x, mean);
  }

  private static int[] repeats(PurchaseColumns p) {
    int[] x = new int[p.size];
    for (int i = 0; i < x.length; i++) x[i] = p.distinctDays[i] - 1;
    return x;
  }

  private static int[] ages(PurchaseColumns p, int asOfDay) {
    int[] age = new int[p.size];
    for (int i = 0; i < age.length; i++) age[i] = asOfDay - p.firstDay[i];
    return age;
  }

  /** @param report null when the check was skipped, then {@code note} says why */
  record Holdout(HoldoutReport report, double weeks, Note note) {}

  /**
   * Fits BG/NBD on the data up to a split and compares its predictions with what happened after it. The holdout is a
   * quarter of the data's span, at most 26 weeks, in whole weeks; customers who first bought after the split are left
   * out, as in the papers; beyond {@link #FIT_SAMPLE} customers, an evenly spread sample of them is used.
   *
   * @return null when the data span was too short to hold a period out
   */
  private static Holdout holdout(PurchaseColumns p, int asOfDay) {
    if (p.daysUpToSplit == null) return null;
    int[] bought = java.util.stream.IntStream.range(0, p.size).filter(i -> p.daysUpToSplit[i] > 0).toArray();
    // An evenly spread sample is as good a check as everyone and keeps this step to a fraction of a second.
    int[] cohort = java.util.Arrays.stream(spread(bought.length)).map(k -> bought[k]).toArray();
    int m = cohort.length;
    double[] x = new double[m];
    double[] tx = new double[m];
    double[] t = new double[m];
    double[] actual = new double[m];
    for (int k = 0; k < m; k++) {
      double[] row = holdoutRow(p, cohort[k]);
      x[k] = row[0];
      tx[k] = row[1];
      t[k] = row[2];
      actual[k] = row[3];
    }
    return holdout(x, tx, t, actual, (asOfDay - p.splitDay) / WEEK);
  }

  /** Buyer i's (x, tx, T) up to the split and its purchase days after it. */
  static double[] holdoutRow(PurchaseColumns p, int i) {
    return new double[] {p.daysUpToSplit[i] - 1, (p.lastDayUpToSplit[i] - p.firstDay[i]) / WEEK,
        (p.splitDay - p.firstDay[i]) / WEEK, p.distinctDays[i] - p.daysUpToSplit[i]};
  }

  /** The check on the cohort's calibration (x, tx, T) and holdout purchases over {@code weeks}. */
  static Holdout holdout(double[] x, double[] tx, double[] t, double[] actual, double weeks) {
    try {
      CalibrationData cal = new CalibrationData(x, tx, t);
      Fit<BgNbd> fit = BgNbd.fit(cal);
      return new Holdout(HoldoutEvaluation.evaluate(fit.model(), cal, new HoldoutData(actual, weeks)), weeks, null);
    } catch (ClvException e) {
      return new Holdout(null, 0, Note.of("clv_holdout_skipped").because(e.reason()));
    }
  }

  /**
   * The as-of day of the calibration part for the holdout check (purchases up to and including it): a quarter of the
   * span between the first purchase and the as-of date, at most 26 weeks, in whole weeks; -1 when that leaves less
   * than 4 weeks.
   */
  public static int splitDay(int firstDay, int asOfDay) {
    int weeks = Math.min(26, (asOfDay - firstDay) / 4 / 7);
    return weeks < 4 ? -1 : asOfDay - weeks * 7;
  }

  /** Indices 0, k, 2k, … of {@code n} items, k chosen so that at most {@link #FIT_SAMPLE} remain (all when fewer). */
  static int[] spread(int n) {
    int step = (int) step(n);
    return java.util.stream.IntStream.iterate(0, i -> i < n, i -> i + step).toArray();
  }

  /** The distance between the sampled items of {@link #spread} for {@code n} items. */
  static long step(long n) {
    return Math.max(1, (n + FIT_SAMPLE - 1) / FIT_SAMPLE);
  }

  /** An evenly spread sample of at most {@link #FIT_SAMPLE} customers, for fitting. */
  public static CalibrationData sample(CalibrationData d) {
    int[] pick = spread(d.size());
    return pick.length == d.size() ? d : new CalibrationData(pick(d.x(), pick), pick(d.tx(), pick), pick(d.T(), pick));
  }

  private static double[] pick(double[] values, int[] indices) {
    return java.util.Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
  }

  private static float[] nan(int n) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, Float.NaN);
    return a;
  }
}
