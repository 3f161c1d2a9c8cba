package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One {@link GivenAlive} reused for many (t, T), as the scoring run does for all customers with the same x. */
class GivenAliveTest {

    @ParameterizedTest
    @CsvSource({
        "0.243, 4.414, 0.793, 2.426, 2", // CDNOW estimates (Fader, Hardie & Lee 2005)
        "0.185, 0.350, 7.010, 139.1, 0", // the 10M-row benchmark's fit
        "0.185, 0.350, 7.010, 139.1, 17",
    })
    void reusedForManyHorizonsAndAgesMatchesIntegration(double r, double alpha, double a, double b, int x) {
        BgNbd model = new BgNbd(r, alpha, a, b);
        GivenAlive given = model.givenAlive(x);
        // Short horizons on old customers need few series terms, long ones on young customers many (z up to 0.99, the
        // closed form beyond 0.95); alternating makes later calls reuse term ratios learned by earlier ones.
        double[][] cases = {{4.33, 150}, {52, 0.5}, {4.33, 120}, {13, 2}, {52, 40}, {1, 0}, {52, 156}, {26, 10}};
        for (double[] c : cases) {
            double t = c[0], T = c[1];
            // Given alive at T: p ~ Beta(a, b + x) and lambda ~ Gamma(r + x, alpha + T); the lambda integral of
            // (1 - e^(-lambda p t)) / p is done in closed form, the p integral numerically.
            double expected = Quadrature.betaExpectation(a, b + x,
                    (p, q) -> -Math.expm1(-(r + x) * Math.log1p(p * t / (alpha + T))) / p);
            double value = given.expected(t, T);
            assertThat(value).as("t=%s T=%s", t, T).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
            assertThat(value).isEqualTo(model.expectedGivenAlive(t, x, T));
        }
    }
}
