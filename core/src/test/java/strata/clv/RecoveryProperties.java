package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fits recover the parameters customers were simulated from: each estimate within 4.5 of its own standard errors of
 * the truth (which also checks that the standard errors are of the right size). A few thousand customers, few tries.
 */
class RecoveryProperties {

    private static final int CUSTOMERS = 4000;
    private static final double Z = 4.5;

    @Provide
    Arbitrary<double[]> purchaseParameters() {
        // (r, alpha, a|s, b|beta): CDNOW-like, frequent buyers with quick churn, slow buyers who rarely churn.
        return Arbitraries.of(new double[] {0.243, 4.414, 0.793, 2.426}, new double[] {1.5, 6, 2, 3},
                new double[] {0.8, 12, 0.5, 6});
    }

    @Property(tries = 3, seed = "20261123") // fixed: a statistical check must not vary between builds
    void bgNbdRecoversSimulatedParameters(@ForAll("purchaseParameters") double[] p, @ForAll long seed) {
        Simulated sim = Simulated.betaGeometric(p[0], p[1], p[2], p[3], false, CUSTOMERS, 1, seed);
        assertRecovered(BgNbd.fit(sim.calibration()), p, "r", "alpha", "a", "b");
    }

    @Property(tries = 3, seed = "20261123") // fixed: a statistical check must not vary between builds
    void mbgNbdRecoversSimulatedParameters(@ForAll("purchaseParameters") double[] p, @ForAll long seed) {
        Simulated sim = Simulated.betaGeometric(p[0], p[1], p[2], p[3], true, CUSTOMERS, 1, seed);
        assertRecovered(MbgNbd.fit(sim.calibration()), p, "r", "alpha", "a", "b");
    }

    @Property(tries = 3, seed = "20261123") // fixed: a statistical check must not vary between builds
    void paretoNbdRecoversSimulatedParameters(@ForAll("paretoParameters") double[] p, @ForAll long seed) {
        Simulated sim = Simulated.paretoNbd(p[0], p[1], p[2], p[3], CUSTOMERS, 1, seed);
        assertRecovered(ParetoNbd.fit(sim.calibration()), p, "r", "alpha", "s", "beta");
    }

    @Provide
    Arbitrary<double[]> paretoParameters() {
        return Arbitraries.of(new double[] {0.553, 10.578, 0.606, 11.669}, new double[] {1.2, 5, 1.5, 40},
                new double[] {0.4, 3, 0.3, 2});
    }

    @Property(tries = 3, seed = "20261123") // fixed: a statistical check must not vary between builds
    void gammaGammaRecoversSimulatedParameters(@ForAll("spendParameters") double[] p, @ForAll long seed) {
        double[] x = Simulated.betaGeometric(1.5, 6, 2, 3, false, CUSTOMERS, 1, seed).calibration().x();
        assertRecovered(GammaGamma.fit(Simulated.gammaGammaSpend(x, p[0], p[1], p[2], seed)), p, "p", "q", "gamma");
    }

    @Provide
    Arbitrary<double[]> spendParameters() {
        return Arbitraries.of(new double[] {6.25, 3.74, 15.44}, new double[] {2, 5, 100}, new double[] {10, 2.5, 3});
    }

    private static void assertRecovered(Fit<?> fit, double[] truth, String... names) {
        assertThat(fit.converged()).as(fit.convergenceReason()).isTrue();
        Map<String, Double> estimate = fit.model().parameters();
        for (int i = 0; i < names.length; i++) {
            double se = fit.standardErrors().get(names[i]);
            assertThat(se).as("SE of " + names[i]).isPositive().isFinite();
            // On the log scale, where the fit works and sampling distributions of shape parameters are near normal
            // (on the raw scale b's is right-skewed, so a low estimate sits many raw SEs from the truth): the SE of
            // ln(estimate) is SE / estimate by the delta method.
            double est = estimate.get(names[i]);
            assertThat(Math.abs(Math.log(est) - Math.log(truth[i])) / (se / est))
                    .as("%s: estimate %s, truth %s, SE %s", names[i], est, truth[i], se)
                    .isLessThan(Z);
        }
    }
}
