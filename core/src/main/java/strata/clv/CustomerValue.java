package strata.clv;

/**
 * Customer lifetime value over a finite horizon from a purchase model and the Gamma-Gamma spend model.
 *
 * <p>For customer i with horizon of K periods of length L and discount rate d per period:
 * <pre>
 *   CLV_i = margin * E[spend_i] * sum_{k=1..K} (E[Y_i(kL)] - E[Y_i((k-1)L)]) / (1 + d)^k
 * </pre>
 * where E[Y_i(t)] is the expected number of repeat purchases in the t after calibration end (conditional on the
 * customer's history) and E[spend_i] the Gamma-Gamma expected average transaction value. Purchases in period k are
 * discounted as if paid at its end. Spend and purchases are treated as independent, as in Fader, Hardie &amp; Lee (2005b).
 */
public final class CustomerValue {

    private CustomerValue() {
    }

    /**
     * @param purchases purchase model (BG/NBD, MBG/NBD or Pareto/NBD)
     * @param spend     Gamma-Gamma spend model
     * @param data      calibration summary per customer
     * @param spendData mean spend per customer, same customers and order as {@code data}
     * @param horizon   periods, period length, discount rate and margin
     * @return CLV per customer in money units (present value at calibration end)
     * @throws ClvException if the inputs differ in length or the models cannot give finite expectations
     */
    public static double[] clv(PurchaseModel purchases, GammaGamma spend, CalibrationData data, SpendData spendData,
                               ClvHorizon horizon) {
        if (data.size() != spendData.size()) {
            throw new ClvException(ClvException.SPEND_COUNT_DIFFERS, data.size(), spendData.size());
        }
        double[] discount = new double[horizon.periods() + 1];
        for (int k = 1; k <= horizon.periods(); k++) {
            discount[k] = Math.pow(1 + horizon.discountRate(), -k);
        }
        double[] averageSpend = spend.expectedAverageSpend(spendData);
        return PerCustomer.compute(data.size(), i -> averageSpend[i] * horizon.margin()
                * discountedPurchases(purchases, data.x()[i], data.tx()[i], data.T()[i], horizon, discount));
    }

    /**
     * sum_k (E[Y(kL)] - E[Y((k-1)L)]) / (1 + d)^k for one customer. E[Y(t)] = P(alive) E[Y(t) | alive], and P(alive)
     * does not depend on t, so it is taken out of the sum (it cost a third of the time for 12 periods).
     */
    static double discountedPurchases(PurchaseModel model, double x, double tx, double T, ClvHorizon horizon,
                                      double[] discount) {
        double previous = 0;
        double total = 0;
        for (int k = 1; k <= horizon.periods(); k++) {
            double cumulative = expectedGivenAlive(model, k * horizon.periodLength(), x, T);
            total += (cumulative - previous) * discount[k];
            previous = cumulative;
        }
        return model.probabilityAlive(x, tx, T) * total;
    }

    private static double expectedGivenAlive(PurchaseModel model, double t, double x, double T) {
        if (model instanceof BgNbd bg) {
            return bg.expectedGivenAlive(t, x, T);
        }
        if (model instanceof MbgNbd mbg) {
            return mbg.expectedGivenAlive(t, x, T);
        }
        return ((ParetoNbd) model).expectedGivenAlive(t, x, T);
    }
}
