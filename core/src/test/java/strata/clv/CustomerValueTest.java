package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerValueTest {

    private final BgNbd purchases = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private final GammaGamma spend = new GammaGamma(6, 4, 16);

    @Test
    void gammaGammaConditionalMeanMatchesHandCalculation() {
        // (gamma + m x) p / (p x + q - 1) = (16 + 30*2) * 6 / (12 + 3) = 30.4; with no history p gamma / (q - 1) = 32.
        assertThat(spend.expectedAverageSpend(2, 30)).isCloseTo(30.4, within(1e-12));
        assertThat(spend.expectedAverageSpend(0, 0)).isCloseTo(32, within(1e-12));
        assertThat(spend.expectedAverageSpend(3, 0)).as("free orders fall back to the population mean").isEqualTo(32);
    }

    @Test
    void clvDiscountsEachPeriodsPurchases() {
        // Two periods of 4 weeks, 10% per period, margin 0.5, customer (x=2, tx=30, T=38) with mean spend 30:
        // 0.5 * 30.4 * (E[Y(4)] / 1.1 + (E[Y(8)] - E[Y(4)]) / 1.21).
        CalibrationData data = new CalibrationData(new double[] {2}, new double[] {30}, new double[] {38});
        SpendData spendData = new SpendData(new double[] {2}, new double[] {30});
        double e4 = purchases.expectedPurchases(4, 2, 30, 38);
        double e8 = purchases.expectedPurchases(8, 2, 30, 38);
        double expected = 0.5 * 30.4 * (e4 / 1.1 + (e8 - e4) / 1.21);
        double[] clv = CustomerValue.clv(purchases, spend, data, spendData, new ClvHorizon(2, 4, 0.1, 0.5));
        assertThat(clv[0]).isCloseTo(expected, within(1e-12));
    }

    @Test
    void undiscountedClvIsSpendTimesExpectedPurchasesOverTheHorizon() {
        CalibrationData data = new CalibrationData(new double[] {0, 5}, new double[] {0, 20}, new double[] {38, 38});
        SpendData spendData = new SpendData(new double[] {0, 5}, new double[] {0, 12});
        double[] clv = CustomerValue.clv(purchases, spend, data, spendData, ClvHorizon.of(13, 4, 0));
        assertThat(clv[0]).isCloseTo(32 * purchases.expectedPurchases(52, 0, 0, 38), within(1e-10));
        double spend5 = (16 + 12 * 5) * 6 / (30 + 3.0);
        assertThat(clv[1]).isCloseTo(spend5 * purchases.expectedPurchases(52, 5, 20, 38), within(1e-10));
    }

    @Test
    void clvUsesEachPurchaseModelsExpectation() {
        CalibrationData data = new CalibrationData(new double[] {3}, new double[] {20}, new double[] {38});
        SpendData spendData = new SpendData(new double[] {3}, new double[] {25});
        double averageSpend = (16 + 25 * 3) * 6 / (18 + 3.0);
        PurchaseModel[] models = {new MbgNbd(0.5, 5, 1.5, 4), new ParetoNbd(0.553, 10.578, 0.606, 11.669)};
        for (PurchaseModel model : models) {
            double e10 = model.expectedPurchases(10, 3, 20, 38);
            double e20 = model.expectedPurchases(20, 3, 20, 38);
            double[] clv = CustomerValue.clv(model, spend, data, spendData, ClvHorizon.of(2, 10, 0.05));
            assertThat(clv[0]).as(model.toString())
                    .isCloseTo(averageSpend * (e10 / 1.05 + (e20 - e10) / (1.05 * 1.05)), within(1e-10));
        }
    }

    @Test
    void holdoutErrorsMatchHandCalculation() {
        CalibrationData data = new CalibrationData(new double[] {0, 1, 9}, new double[] {0, 3, 30}, new double[] {38, 38, 38});
        double[] actual = {0, 2, 5};
        HoldoutReport report = HoldoutEvaluation.evaluate(purchases, data, new HoldoutData(actual, 39));
        double[] predicted = {purchases.expectedPurchases(39, 0, 0, 38), purchases.expectedPurchases(39, 1, 3, 38),
                purchases.expectedPurchases(39, 9, 30, 38)};
        double mae = (Math.abs(predicted[0]) + Math.abs(predicted[1] - 2) + Math.abs(predicted[2] - 5)) / 3;
        double rmse = Math.sqrt((Math.pow(predicted[0], 2) + Math.pow(predicted[1] - 2, 2) + Math.pow(predicted[2] - 5, 2)) / 3);
        assertThat(report.meanAbsoluteError()).isCloseTo(mae, within(1e-12));
        assertThat(report.rootMeanSquaredError()).isCloseTo(rmse, within(1e-12));
        assertThat(report.actualTotal()).isEqualTo(7);
        assertThat(report.predictedTotal()).isCloseTo(predicted[0] + predicted[1] + predicted[2], within(1e-12));
        List<HoldoutReport.Row> rows = report.byCalibrationPurchases();
        assertThat(rows.get(7)).isEqualTo(new HoldoutReport.Row("7+", 1, predicted[2], 5));
        assertThat(rows.get(3)).isEqualTo(new HoldoutReport.Row("3", 0, 0, 0));
    }

    @Test
    void weightedRowsGiveTheSameLikelihoodAsCustomerByCustomer() {
        // Compression merges identical (x, tx, T) triples; the sum must equal the plain per-customer sum.
        double[] x = {0, 0, 0, 2, 2, 5, 0};
        double[] tx = {0, 0, 0, 10, 10, 30, 0};
        double[] T = {38, 38, 38, 38, 38, 38, 20};
        CalibrationData data = new CalibrationData(x, tx, T);
        WeightedRows rows = new WeightedRows(data);
        assertThat(rows.size).isEqualTo(4);
        assertThat(rows.customers).isEqualTo(7);
        assertThat(rows.repeatCustomers).isEqualTo(3);
        for (boolean modified : new boolean[] {false, true}) {
            PurchaseModel model = modified ? new MbgNbd(0.243, 4.414, 0.793, 2.426) : purchases;
            assertThat(BetaGeometric.logLikelihood(new double[] {0.243, 4.414, 0.793, 2.426}, rows, modified))
                    .isCloseTo(model.logLikelihood(data), within(1e-10));
        }
    }

    @Test
    void churnRiskComplementsPAlive() {
        CalibrationData data = new CalibrationData(new double[] {0, 3}, new double[] {0, 5}, new double[] {38, 38});
        ParetoNbd model = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
        double[] alive = model.probabilityAlive(data);
        double[] churn = model.churnRisk(data);
        for (int i = 0; i < 2; i++) {
            assertThat(alive[i] + churn[i]).isCloseTo(1, within(1e-15));
        }
    }
}
