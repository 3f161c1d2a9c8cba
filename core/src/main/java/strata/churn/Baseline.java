package strata.churn;

import strata.clv.BgNbd;
import strata.clv.CalibrationData;

/**
 * BG/NBD's own churn prediction for a window of t time units after the calibration end: the expected purchases in it
 * (fewer = more likely to churn; P(alive) alone would rank every one-time buyer as alive) and the probability of none.
 *
 * <p>P(X(t) = 0) = 1 − P(alive) + P(alive) · ((α + T) / (α + T + t))^(r + x): an alive customer's purchase rate is
 * Gamma(r + x, α + T) given the history, and a BG/NBD customer only drops out right after a purchase, so a window
 * without purchases is one where the Poisson process of that rate had no event (Fader, Hardie &amp; Lee 2005, eq. 8 with
 * x = 0 in the window).
 */
public record Baseline(double[] expected, double[] probabilityNone) {

  public static Baseline of(BgNbd bg, CalibrationData data, double t) {
    int n = data.size();
    double[] expected = new double[n];
    double[] none = new double[n];
    for (int i = 0; i < n; i++) {
      double x = data.x()[i];
      double tx = data.tx()[i];
      double age = data.T()[i];
      double alive = bg.probabilityAlive(x, tx, age);
      expected[i] = bg.expectedPurchases(t, x, tx, age);
      none[i] = 1 - alive + alive * Math.pow((bg.alpha() + age) / (bg.alpha() + age + t), bg.r() + x);
    }
    return new Baseline(expected, none);
  }
}
