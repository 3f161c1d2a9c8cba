package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hyp2F1Test {

    @ParameterizedTest
    @ValueSource(doubles = {1e-9, 0.1, 0.5, 0.75, 0.9, 0.99, 0.999999, 1 - 1e-12})
    void matchesLogarithmClosedForm(double z) {
        // A&S 15.1.3: 2F1(1,1;2;z) = -ln(1-z)/z; c - a - b = 0 exercises the near-integer path near z = 1.
        double expected = Math.log(-Math.log1p(-z) / z);
        assertThat(Hyp2F1.logValue(1, 1, 2, z)).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 0.8, 0.95, 0.9999, 0.99999999})
    void matchesBinomialClosedForm(double z) {
        // A&S 15.1.8: 2F1(a,b;b;z) = (1-z)^-a.
        assertThat(Hyp2F1.logValue(2.5, 1.7, 1.7, z)).isCloseTo(-2.5 * Math.log1p(-z), within(1e-11));
        assertThat(Hyp2F1.logValue(0.4, 3.2, 3.2, z)).isCloseTo(-0.4 * Math.log1p(-z), within(1e-11));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.7, 0.95, 0.999, 0.9999999})
    void matchesArcsinAndAtanhClosedForms(double x) {
        // A&S 15.1.6 and 15.1.4: 2F1(1/2,1/2;3/2;x^2) = asin(x)/x, 2F1(1/2,1;3/2;x^2) = atanh(x)/x.
        double z = x * x;
        assertThat(Hyp2F1.logValue(0.5, 0.5, 1.5, z)).isCloseTo(Math.log(Math.asin(x) / x), within(1e-11));
        double atanh = 0.5 * Math.log((1 + x) / (1 - x));
        assertThat(Hyp2F1.logValue(0.5, 1, 1.5, z)).isCloseTo(Math.log(atanh / x), within(1e-11));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.9, 0.999, 0.9999999})
    void matchesClosedFormsWithIntegerGap(double z) {
        // By partial fractions of the series: 2F1(1,2;3;z) = 2(-ln(1-z) - z)/z^2 (c-a-b = 0) and
        // 2F1(1,1;3;z) = 2(-ln(1-z)/z - (-ln(1-z) - z)/z^2) (c-a-b = 1).
        double l = -Math.log1p(-z);
        assertThat(Hyp2F1.logValue(1, 2, 3, z)).isCloseTo(Math.log(2 * (l - z) / (z * z)), within(1e-10));
        assertThat(Hyp2F1.logValue(1, 1, 3, z)).isCloseTo(Math.log(2 * (l / z - (l - z) / (z * z))), within(1e-10));
    }

    @Test
    void matchesGaussSecondSummationAndBaileyAtOneHalf() {
        // A&S 15.1.24 / Bailey: 2F1(a,1-a;c;1/2) = 2^(1-c) sqrt(pi) Gamma(c) / (Gamma((c+a)/2) Gamma((c-a+1)/2)).
        double a = 0.3, c = 2.7;
        double bailey = (1 - c) * Math.log(2) + 0.5 * Math.log(Math.PI) + Gamma.logGamma(c)
                - Gamma.logGamma((c + a) / 2) - Gamma.logGamma((c - a + 1) / 2);
        assertThat(Hyp2F1.logValue(a, 1 - a, c, 0.5)).isCloseTo(bailey, within(1e-13));
        // Gauss's second theorem: 2F1(a,b;(a+b+1)/2;1/2) = sqrt(pi) Gamma((a+b+1)/2) / (Gamma((a+1)/2) Gamma((b+1)/2)).
        double p = 4.2, q = 1.9;
        double gauss = 0.5 * Math.log(Math.PI) + Gamma.logGamma((p + q + 1) / 2)
                - Gamma.logGamma((p + 1) / 2) - Gamma.logGamma((q + 1) / 2);
        assertThat(Hyp2F1.logValue(p, q, (p + q + 1) / 2, 0.5)).isCloseTo(gauss, within(1e-13));
    }

    @Test
    void matchesPublishedSpecialValues() {
        // Vidunas (2009), "Algebraic transformations of Gauss hypergeometric functions", Funkcialaj Ekvacioj 52:
        // 2F1(1/4,1/2;3/4;80/81) = 9/5 and 2F1(1/3,2/3;5/6;27/32) = 8/5.
        assertThat(Hyp2F1.value(0.25, 0.5, 0.75, 80.0 / 81)).isCloseTo(1.8, within(1e-13));
        assertThat(Hyp2F1.value(1.0 / 3, 2.0 / 3, 5.0 / 6, 27.0 / 32)).isCloseTo(1.6, within(1e-13));
    }

    @Test
    void matchesArbitraryPrecisionReferenceValues() {
        // ln 2F1 from mpmath 1.3.0 hyp2f1 at 40 digits (an independent implementation), chosen to cover the
        // Pareto/NBD shapes (c = a + 1, large a from large x, z close to 1) and every branch here.
        double[][] cases = {
                {0.5, 0.5, 1.5, 0.3, 0.056637896431644794847},
                {2.5, 1.7, 4.2, 0.97, 2.4362438337512706817},
                {0.3, 0.2, 0.6, 0.9999, 0.5150457486096518235},
                {120.3, 60.5, 121.3, 0.999, 411.71441267012230572},
                {1.159, 1.606, 2.159, 0.09, 0.080998068647529127421},
                {50.8, 1.6, 51.8, 0.99999, 11.324282333660919517},
                {5.2, 0.4, 6.2, 0.999999999, 1.0805817472386037653},
                {1.5, 2.0, 2.5, 0.999, 7.3100634073981722018},
                {3.3, 2.3, 6.6, 0.9995, 2.6550345238415621395},
                {10.0, 20.0, 31.0005, 0.9999, 17.139229263147020275},
                {200.5, 150.25, 201.5, 0.7, 179.8896874483538293},
                {7.1, 3.05, 8.1, 0.99999999, 39.004650457603334865},
        };
        for (double[] c : cases) {
            assertThat(Hyp2F1.logValue(c[0], c[1], c[2], c[3])).as("a=%s b=%s c=%s z=%s", c[0], c[1], c[2], c[3])
                    .isCloseTo(c[4], within(1e-10 * Math.max(1, Math.abs(c[4]))));
        }
    }

    @Property(tries = 60)
    void agreesWithNumericalIntegralOverParetoNbdRange(@ForAll @DoubleRange(min = 0.05, max = 300) double a,
                                                       @ForAll @DoubleRange(min = 0.05, max = 40) double b,
                                                       @ForAll @DoubleRange(min = 0, max = 0.995) @Scale(4) double z) {
        // The Pareto/NBD needs 2F1(a,b;a+1;z) = a * integral_0^1 t^(a-1) (1-zt)^(-b) dt (Euler's integral, A&S 15.3.1);
        // with t = v^(1/a) it is integral_0^1 (1 - z v^(1/a))^(-b) dv, integrated piecewise towards the peak at v = 1.
        // Fixed 64-point Gauss-Legendre on a mesh graded geometrically towards both ends (v^(1/a) is singular at 0).
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        double total = 0;
        double[] mesh = new double[62];
        for (int k = 1; k <= 30; k++) {
            mesh[31 - k] = Math.pow(0.5, k);
            mesh[30 + k] = 1 - Math.pow(0.5, k + 1);
        }
        mesh[61] = 1;
        for (int i = 0; i + 1 < mesh.length; i++) {
            total += factory.legendre(64, mesh[i], mesh[i + 1]).integrate(v -> Math.pow(1 - z * Math.pow(v, 1 / a), -b));
        }
        assertThat(Hyp2F1.logValue(a, b, a + 1, z)).isCloseTo(Math.log(total), within(1e-9));
    }

    @Test
    void rejectsArgumentsOutsideTheSupportedRegion() {
        assertThatThrownBy(() -> Hyp2F1.logValue(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= z < 1");
        assertThatThrownBy(() -> Hyp2F1.logValue(1, 1, 2, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hyp2F1.logValue(1, 1, 2, -0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hyp2F1.logValue(-1, 1, 2, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a, b, c > 0");
        assertThatThrownBy(() -> Hyp2F1.logValue(1, Double.NaN, 2, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hyp2F1.logValue(1, 1, Double.POSITIVE_INFINITY, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isExactlyOneAtZero() {
        assertThat(Hyp2F1.logValue(3, 4, 5, 0)).isZero();
    }
}
