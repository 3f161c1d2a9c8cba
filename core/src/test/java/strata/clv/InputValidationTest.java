package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad input fails early with a message naming the problem; nothing returns NaN. */
class InputValidationTest {

    private static CalibrationData data(double[] x, double[] tx, double[] T) {
        return new CalibrationData(x, tx, T);
    }

    @Test
    void rejectsMalformedCalibrationArrays() {
        assertThatThrownBy(() -> data(null, new double[1], new double[1])).isInstanceOf(ClvException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> data(new double[2], new double[1], new double[2])).hasMessageContaining("differ in length");
        assertThatThrownBy(() -> data(new double[0], new double[0], new double[0])).hasMessageContaining("no customers");
    }

    @Test
    void rejectsImpossibleCustomerValues() {
        assertThatThrownBy(() -> data(new double[] {1.5}, new double[] {1}, new double[] {2}))
                .hasMessageContaining("customer #0").hasMessageContaining("whole number");
        assertThatThrownBy(() -> data(new double[] {-1}, new double[] {0}, new double[] {2})).hasMessageContaining("x = -1");
        assertThatThrownBy(() -> data(new double[] {Double.NaN}, new double[] {0}, new double[] {2}))
                .hasMessageContaining("x = NaN");
        assertThatThrownBy(() -> data(new double[] {1}, new double[] {3}, new double[] {2}))
                .hasMessageContaining("between 0 and T");
        assertThatThrownBy(() -> data(new double[] {1}, new double[] {Double.NaN}, new double[] {2}))
                .hasMessageContaining("tx = NaN");
        assertThatThrownBy(() -> data(new double[] {1}, new double[] {1}, new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> data(new double[] {0}, new double[] {1}, new double[] {2}))
                .hasMessageContaining("tx must be 0");
    }

    @Test
    void refusesToFitTooFewCustomers() {
        CalibrationData few = data(new double[] {1, 2, 0}, new double[] {1, 2, 0}, new double[] {5, 5, 5});
        assertThatThrownBy(() -> BgNbd.fit(few)).isInstanceOf(ClvException.class).hasMessageContaining("at least 20");
        assertThatThrownBy(() -> ParetoNbd.fit(few)).hasMessageContaining("Pareto/NBD needs at least 20");
    }

    @Test
    void refusesToFitWithoutEnoughRepeatCustomers() {
        int n = 50;
        double[] x = new double[n];
        double[] T = new double[n];
        Arrays.fill(T, 10);
        x[0] = 1;
        assertThatThrownBy(() -> MbgNbd.fit(data(x, x.clone(), T))).hasMessageContaining("repeat purchase, got 1");
    }

    @Test
    void refusesToFitIdenticalCustomers() {
        int n = 30;
        double[] x = new double[n], tx = new double[n], T = new double[n];
        Arrays.fill(x, 2);
        Arrays.fill(tx, 4);
        Arrays.fill(T, 9);
        assertThatThrownBy(() -> BgNbd.fit(data(x, tx, T))).hasMessageContaining("same (x, tx, T)");
    }

    @Test
    void refusesZeroLengthCalibration() {
        double[] zeros = new double[30];
        assertThatThrownBy(() -> BgNbd.fit(data(zeros, zeros.clone(), zeros.clone()))).hasMessageContaining("zero length");
    }

    @Test
    void rejectsInvalidModelParameters() {
        assertThatThrownBy(() -> new BgNbd(0, 1, 1, 1)).hasMessageContaining("r = 0.0");
        assertThatThrownBy(() -> new ParetoNbd(1, Double.NaN, 1, 1)).hasMessageContaining("alpha = NaN");
        assertThatThrownBy(() -> new MbgNbd(1, 1, Double.POSITIVE_INFINITY, 1)).hasMessageContaining("a = Infinity");
        assertThatThrownBy(() -> new GammaGamma(1, -2, 1)).hasMessageContaining("q = -2.0");
    }

    @Test
    void spendModelRefusesUnusableSpendAndInfiniteMeans() {
        double[] x = {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2};
        double[] same = new double[x.length];
        Arrays.fill(same, 20);
        assertThatThrownBy(() -> GammaGamma.fit(new SpendData(x, same))).hasMessageContaining("same mean spend");
        double[] mostlyZero = new double[x.length];
        mostlyZero[0] = 5;
        assertThatThrownBy(() -> GammaGamma.fit(new SpendData(x, mostlyZero))).hasMessageContaining("got 1");
        assertThatThrownBy(() -> new SpendData(new double[] {1}, new double[] {Double.NaN}))
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> new GammaGamma(2, 0.8, 10).expectedAverageSpend(0, 0)).hasMessageContaining("q = 0.8");
    }

    @Test
    void bgNbdPredictionsExplainWhenAPlusBIsAtMostOne() {
        // The closed form has a + b - 1 as a 2F1 parameter; at or below zero the expectation for one-time buyers is
        // outside what the formula covers, which must be said rather than returned as NaN.
        assertThatThrownBy(() -> new BgNbd(0.5, 3, 0.4, 0.5).expectedPurchases(10, 0, 0, 20))
                .hasMessageContaining("a + b > 1");
        assertThat(new BgNbd(0.5, 3, 0.4, 0.5).expectedPurchases(10, 2, 5, 20)).isFinite().isPositive();
    }

    @Test
    void rejectsBadHorizonsAndHoldouts() {
        assertThatThrownBy(() -> ClvHorizon.of(0, 4, 0.01)).hasMessageContaining("1..10000 periods");
        assertThatThrownBy(() -> ClvHorizon.of(12, Double.NaN, 0.01)).hasMessageContaining("period length");
        assertThatThrownBy(() -> ClvHorizon.of(12, 4, -0.1)).hasMessageContaining("discount rate");
        assertThatThrownBy(() -> new HoldoutData(new double[] {1, -1}, 39)).hasMessageContaining("customer #1");
        assertThatThrownBy(() -> new HoldoutData(new double[] {1}, 0)).hasMessageContaining("holdout length");
        CalibrationData two = data(new double[] {0, 1}, new double[] {0, 1}, new double[] {2, 2});
        assertThatThrownBy(() -> HoldoutEvaluation.evaluate(new BgNbd(1, 1, 1, 1), two, new HoldoutData(new double[] {1}, 5)))
                .hasMessageContaining("2 customers but holdout data has 1");
        assertThatThrownBy(() -> new BgNbd(1, 1, 1, 1).expectedPurchases(two, -1)).hasMessageContaining("t = -1");
    }

    @Test
    void extremeButValidCustomersGiveFinitePredictions() {
        // Very heavy buyers and very old customers push 2F1 arguments towards 1 and Gamma terms towards overflow.
        double[][] customers = {{5000, 1e4, 1e4}, {3000, 1, 1e5}, {0, 0, 1e6}, {1, 1e-9, 1e-9}};
        PurchaseModel[] models = {new BgNbd(0.243, 4.414, 0.793, 2.426), new MbgNbd(0.5, 5, 1.5, 4),
                new ParetoNbd(0.553, 10.578, 0.606, 11.669), new ParetoNbd(0.5, 1000, 2, 0.01)};
        for (PurchaseModel m : models) {
            for (double[] c : customers) {
                assertThat(m.logLikelihood(c[0], c[1], c[2])).as("%s %s", m, Arrays.toString(c)).isFinite();
                assertThat(m.probabilityAlive(c[0], c[1], c[2])).isBetween(0.0, 1.0);
                assertThat(m.expectedPurchases(520, c[0], c[1], c[2])).isFinite().isNotNegative();
            }
        }
    }
}
