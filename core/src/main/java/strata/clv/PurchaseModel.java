package strata.clv;

/**
 * A "buy till you die" model of repeat purchases: customers buy at their own rate while alive, and drop out unseen.
 * Single-customer methods take that customer's (x, tx, T) as in {@link CalibrationData}; array methods return one value
 * per customer in input order.
 */
public sealed interface PurchaseModel extends Model permits BgNbd, MbgNbd, ParetoNbd {

    /** @return ln of the likelihood of one customer's (x, tx, T) under the model, as in the model's paper */
    double logLikelihood(double x, double tx, double T);

    /** @return probability in [0, 1] that the customer is still alive at calibration end (age T) */
    double probabilityAlive(double x, double tx, double T);

    /**
     * @param t length of the future period, in the calibration time unit, &gt;= 0
     * @return expected repeat purchases in (T, T + t], conditional on the customer's history
     * @throws ClvException if the fitted parameters leave the expectation undefined (explained in the message)
     */
    double expectedPurchases(double t, double x, double tx, double T);

    /** @return the full log-likelihood of the data set: the sum over customers */
    default double logLikelihood(CalibrationData data) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            sum += logLikelihood(data.x()[i], data.tx()[i], data.T()[i]);
        }
        return sum;
    }

    /** @return P(alive) at calibration end per customer */
    default double[] probabilityAlive(CalibrationData data) {
        return PerCustomer.compute(data.size(), i -> probabilityAlive(data.x()[i], data.tx()[i], data.T()[i]));
    }

    /** @return churn risk per customer: 1 - P(alive) at calibration end */
    default double[] churnRisk(CalibrationData data) {
        return PerCustomer.compute(data.size(), i -> 1 - probabilityAlive(data.x()[i], data.tx()[i], data.T()[i]));
    }

    /**
     * @param t length of the future period in the calibration time unit
     * @return expected repeat purchases in the next t per customer
     */
    default double[] expectedPurchases(CalibrationData data, double t) {
        PerCustomer.requireHorizon(t);
        return PerCustomer.compute(data.size(), i -> expectedPurchases(t, data.x()[i], data.tx()[i], data.T()[i]));
    }
}
