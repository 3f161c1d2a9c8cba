package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reproduces the estimates published for the CDNOW sample (2,357 customers, 39-week calibration, weeks). */
class PublishedCdnowTest {

    private static Cdnow cdnow;

    @BeforeAll
    static void readSample() {
        cdnow = Cdnow.sample();
    }

    @Test
    void sampleHasThePublishedShape() {
        // Fader, Hardie & Lee (2005): 2,357 customers, 1,411 of whom made no repeat purchase in the calibration period.
        assertThat(cdnow.calibration().size()).isEqualTo(2357);
        long oneTime = java.util.Arrays.stream(cdnow.calibration().x()).filter(v -> v == 0).count();
        assertThat(oneTime).isEqualTo(1411);
    }

    @Test
    void reproducesPublishedBgNbdEstimates() {
        // Fader, Hardie & Lee (2005), Marketing Science 24(2), section 4: r = 0.243, alpha = 4.414, a = 0.793,
        // b = 2.426, LL = -9582.4.
        Fit<BgNbd> fit = BgNbd.fit(cdnow.calibration());
        BgNbd m = fit.model();
        assertThat(fit.converged()).as(fit.convergenceReason()).isTrue();
        assertThat(m.r()).isCloseTo(0.243, within(0.0005));
        assertThat(m.alpha()).isCloseTo(4.414, within(0.0005));
        assertThat(m.a()).isCloseTo(0.793, within(0.0005));
        assertThat(m.b()).isCloseTo(2.426, within(0.0005));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.customers()).isEqualTo(2357);
    }

    @Test
    void reproducesPublishedParetoNbdEstimates() {
        // Fader & Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions", and the BG/NBD paper's
        // comparison: r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0.
        Fit<ParetoNbd> fit = ParetoNbd.fit(cdnow.calibration());
        ParetoNbd m = fit.model();
        assertThat(fit.converged()).as(fit.convergenceReason()).isTrue();
        assertThat(m.r()).isCloseTo(0.553, within(0.0005));
        assertThat(m.alpha()).isCloseTo(10.578, within(0.0005));
        assertThat(m.s()).isCloseTo(0.606, within(0.0005));
        assertThat(m.beta()).isCloseTo(11.669, within(0.0005));
        assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.05));
    }

    @Test
    void reproducesPublishedGammaGammaEstimates() {
        // Fader, Hardie & Lee (2005), "RFM and CLV", JMR 42(4): on the 946 repeat customers of the sample, spend = mean
        // of their calibration repeat transactions: p = 6.25, q = 3.74, gamma = 15.44.
        Fit<GammaGamma> fit = GammaGamma.fit(cdnow.spend());
        assertThat(fit.converged()).as(fit.convergenceReason()).isTrue();
        assertThat(fit.customers()).isEqualTo(946);
        assertThat(fit.excludedCustomers()).isEqualTo(1411);
        assertThat(fit.model().p()).isCloseTo(6.25, within(0.005));
        assertThat(fit.model().q()).isCloseTo(3.74, within(0.005));
        assertThat(fit.model().gamma()).isCloseTo(15.44, within(0.005));
    }

    @Test
    void holdoutTableFollowsThePublishedPattern() {
        // Fader, Hardie & Lee (2005), Fig. 4: the conditional expectations track the holdout means by calibration
        // frequency. The figure is a chart, not a table, so the check is its qualitative content: every group's mean
        // prediction within 0.5 purchases of the actual mean, rising with calibration frequency.
        BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
        HoldoutReport report = HoldoutEvaluation.evaluate(model, cdnow.calibration(),
                new HoldoutData(cdnow.holdoutPurchases(), cdnow.holdoutWeeks()));
        assertThat(cdnow.holdoutWeeks()).isCloseTo(39, within(1e-12));
        double previous = 0;
        for (HoldoutReport.Row row : report.byCalibrationPurchases()) {
            assertThat(row.meanPredicted()).as(row.label()).isCloseTo(row.meanActual(), within(0.5))
                    .isGreaterThan(previous);
            previous = row.meanPredicted();
        }
        assertThat(report.byCalibrationPurchases()).hasSize(8);
        assertThat(report.byCalibrationPurchases().get(7).label()).isEqualTo("7+");
        int customers = report.byCalibrationPurchases().stream().mapToInt(HoldoutReport.Row::customers).sum();
        assertThat(customers).isEqualTo(2357);
        assertThat(report.byCalibrationPurchases().get(0).customers()).isEqualTo(1411);
    }

    @Test
    void facadeReportsEveryModelUnderThePapersNames() {
        ClvResult result = ClvAnalysis.run(cdnow.calibration(), cdnow.spend());
        java.util.Map<String, Object> json = result.toJson();
        assertThat(json).containsOnlyKeys("bgnbd", "paretonbd", "mbgnbd", "gammagamma");
        assertThat(asMap(json.get("bgnbd"))).containsKeys("r", "alpha", "a", "b", "log_likelihood", "converged",
                "customers", "standard_errors").containsEntry("customers", 2357);
        assertThat(asMap(json.get("paretonbd"))).containsKeys("r", "alpha", "s", "beta");
        assertThat(asMap(json.get("mbgnbd"))).containsKeys("r", "alpha", "a", "b");
        assertThat(asMap(json.get("gammagamma"))).containsKeys("p", "q", "gamma").containsEntry("customers", 946)
                .containsEntry("excluded_customers", 1411);
        assertThat(asMap(asMap(json.get("bgnbd")).get("standard_errors"))).containsOnlyKeys("r", "alpha", "a", "b");
        assertThat(CdnowMasterTest.noNaN(json)).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> asMap(Object value) {
        return (java.util.Map<String, Object>) value;
    }
}
