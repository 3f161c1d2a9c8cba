package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Likelihoods and predictions checked against independent routes: numerical integration over the mixing
 * distributions of the individual-level story, and simulation (law of total expectation).
 */
class ModelConsistencyTest {

    /** E_lambda[lambda^x e^(-lambda u)] for lambda ~ Gamma(r, rate alpha): the Gamma integral, no hypergeometrics. */
    private static double gammaMoment(double r, double alpha, double x, double u) {
        return Math.exp(Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + u));
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 30", "1, 12.5, 30", "4, 29.9, 30", "2, 3, 45.5", "0, 0, 0.5"})
    void betaGeometricLikelihoodsMatchIntegrationOverDropoutProbability(double x, double tx, double T) {
        // Individual level: L(lambda, p) = (1-p)^(x+m) lambda^x e^(-lambda T) + [x > 0 or MBG] p (1-p)^(x-1+m) lambda^x
        // e^(-lambda tx), with m = 0 for BG/NBD and 1 for MBG/NBD (dropout possible after the first purchase).
        double r = 0.7, alpha = 6, a = 1.3, b = 2.9;
        for (boolean modified : new boolean[] {false, true}) {
            int m = modified ? 1 : 0;
            double alive = Quadrature.betaExpectation(a, b, (p, q) -> Math.pow(q, x + m)) * gammaMoment(r, alpha, x, T);
            double dropped = (x > 0 || modified)
                    ? Quadrature.betaExpectation(a, b, (p, q) -> p * Math.pow(q, x - 1 + m)) * gammaMoment(r, alpha, x, tx)
                    : 0;
            PurchaseModel model = modified ? new MbgNbd(r, alpha, a, b) : new BgNbd(r, alpha, a, b);
            assertThat(model.logLikelihood(x, tx, T)).as("modified=%s", modified)
                    .isCloseTo(Math.log(alive + dropped), within(1e-9));
            assertThat(model.probabilityAlive(x, tx, T)).isCloseTo(alive / (alive + dropped), within(1e-9));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.793, 2.426", "1.0, 2.0", "1.0000001, 0.5", "3.5, 0.4", "0.3, 5.0"})
    void betaGeometricExpectationsMatchIntegrationIncludingAEqualOne(double a, double b) {
        // E[Y(t) | data] = E[1{alive} (1 - e^(-lambda p t)) / p | data]; the lambda integral is done in closed form with
        // gammaMoment, the p integral numerically over the prior times the likelihood of the data. The difference
        // gammaMoment(T) - gammaMoment(T + pt) is written with expm1 so tiny p does not drown it in rounding.
        double r = 0.243, alpha = 4.414;
        double[][] customers = {{0, 0, 38.86}, {2, 30.43, 38.86}, {7, 20, 30}};
        for (boolean modified : new boolean[] {false, true}) {
            int m = modified ? 1 : 0;
            PurchaseModel model = modified ? new MbgNbd(r, alpha, a, b) : new BgNbd(r, alpha, a, b);
            for (double[] c : customers) {
                double x = c[0], tx = c[1], T = c[2];
                for (double t : new double[] {1, 39, 520}) {
                    double numerator = Quadrature.betaExpectation(a, b, (p, q) -> Math.pow(q, x + m) / p
                            * gammaMoment(r, alpha, x, T) * -Math.expm1(-(r + x) * Math.log1p(p * t / (alpha + T))));
                    double likelihood = Math.exp(model.logLikelihood(x, tx, T));
                    double expected = numerator / likelihood;
                    assertThat(model.expectedPurchases(t, x, tx, T)).as("a=%s b=%s mbg=%s x=%s t=%s", a, b, modified, x, t)
                            .isCloseTo(expected, within(1e-8 * Math.max(1, expected)));
                }
            }
        }
    }

    @Test
    void reproducesPublishedBgNbdConditionalExpectation() {
        // Fader, Hardie & Lee (2005) and their Excel note: with the CDNOW estimates, a customer with x = 2, tx = 30.43,
        // T = 38.86 is expected to make 1.226 purchases in the next 39 weeks.
        assertThat(new BgNbd(0.243, 4.414, 0.793, 2.426).expectedPurchases(39, 2, 30.43, 38.86))
                .isCloseTo(1.226, within(0.0005));
    }

    @Test
    void paretoNbdMatchesIntegralFormOfTheNote() {
        // Reference values from mpmath (30 digits) evaluating Fader & Hardie (2005) eqs. (18), (21), (22) with A0 written
        // as (r+s+x) * integral_tx^T (alpha+y)^-(r+x) (beta+y)^-(s+1) dy, i.e. without any 2F1.
        ParetoNbd m = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
        assertThat(m.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.869167559153011191, within(1e-12));
        assertThat(m.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.455123193257602422, within(1e-12));
        assertThat(m.logLikelihood(2, 30.43, 38.86)).isCloseTo(-9.554283245150405833, within(1e-11));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 3, 0.2, 40", "2, 30, 5, 9", "0.5, 0.2, 1, 0.05", "1, 100, 0.3, 2"})
    void paretoNbdLikelihoodMatchesQuadratureAcrossBothBranches(double r, double alpha, double s, double beta) {
        ParetoNbd m = new ParetoNbd(r, alpha, s, beta);
        double[][] customers = {{0, 0, 38}, {3, 10, 38}, {25, 37.99, 38}, {1, 0.5, 52}};
        for (double[] c : customers) {
            double x = c[0], tx = c[1], T = c[2];
            double a0 = (r + s + x) * Quadrature.integrate(
                    y -> Math.pow(alpha + y, -(r + x)) * Math.pow(beta + y, -(s + 1)), tx, T);
            double expected = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
                    + Math.log(Math.pow(alpha + T, -(r + x)) * Math.pow(beta + T, -s) + s / (r + s + x) * a0);
            assertThat(m.logLikelihood(x, tx, T)).as("x=%s", x).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        }
    }

    @Test
    void paretoNbdExpectationIsContinuousThroughSEqualOne() {
        double at = new ParetoNbd(0.5, 10, 1, 12).expectedPurchases(39, 3, 20, 38);
        double below = new ParetoNbd(0.5, 10, 1 - 1e-7, 12).expectedPurchases(39, 3, 20, 38);
        double above = new ParetoNbd(0.5, 10, 1 + 1e-7, 12).expectedPurchases(39, 3, 20, 38);
        assertThat(at).isCloseTo((below + above) / 2, within(1e-9));
    }

    @Test
    void predictionsMatchSimulatedHoldoutOnAverage() {
        // Law of total expectation: averaged over customers, E[Y(t) | history] equals the mean simulated holdout count,
        // and P(alive) averages to the simulated fraction alive. Tolerance: 4 standard errors of the simulated mean.
        int n = 20_000;
        check(new BgNbd(0.243, 4.414, 0.793, 2.426), Simulated.betaGeometric(0.243, 4.414, 0.793, 2.426, false, n, 39, 1));
        check(new MbgNbd(0.5, 5, 1.5, 4), Simulated.betaGeometric(0.5, 5, 1.5, 4, true, n, 39, 2));
        check(new ParetoNbd(0.553, 10.578, 0.606, 11.669), Simulated.paretoNbd(0.553, 10.578, 0.606, 11.669, n, 39, 3));
    }

    private static void check(PurchaseModel model, Simulated sim) {
        double[] predicted = model.expectedPurchases(sim.calibration(), sim.holdoutLength());
        double[] residual = new double[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            residual[i] = sim.holdoutPurchases()[i] - predicted[i];
        }
        assertThat(Arrays.stream(residual).average().orElseThrow()).as(model.toString())
                .isCloseTo(0, within(4 * standardError(residual)));
        double[] pAlive = model.probabilityAlive(sim.calibration());
        double[] aliveResidual = new double[pAlive.length];
        for (int i = 0; i < pAlive.length; i++) {
            aliveResidual[i] = (sim.aliveAtT()[i] ? 1 : 0) - pAlive[i];
        }
        assertThat(Arrays.stream(aliveResidual).average().orElseThrow()).as(model.toString())
                .isCloseTo(0, within(4 * standardError(aliveResidual)));
    }

    private static double standardError(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        return Math.sqrt(var / values.length);
    }
}
