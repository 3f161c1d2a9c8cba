package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The full CDNOW master file (23,570 customers) through the facade, including its zero-value orders. */
class CdnowMasterTest {

    @Test
    void fitsAllModelsOnTheMasterFileWithoutNaN() {
        Cdnow cdnow = Cdnow.master();
        assertThat(cdnow.calibration().size()).isEqualTo(23_570);
        long zeroValueRepeaters = countRepeatersWithoutPositiveSpend(cdnow.spend());
        assertThat(zeroValueRepeaters).as("the master file has repeat customers whose orders are all free").isPositive();

        ClvResult result = ClvAnalysis.run(cdnow.calibration(), cdnow.spend(),
                new HoldoutData(cdnow.holdoutPurchases(), cdnow.holdoutWeeks()));

        assertThat(result.bgNbd().converged()).as(result.bgNbd().convergenceReason()).isTrue();
        assertThat(result.paretoNbd().converged()).as(result.paretoNbd().convergenceReason()).isTrue();
        assertThat(result.mbgNbd().converged()).as(result.mbgNbd().convergenceReason()).isTrue();
        assertThat(result.gammaGamma().converged()).as(result.gammaGamma().convergenceReason()).isTrue();
        long oneTimeBuyers = Arrays.stream(cdnow.spend().x()).filter(x -> x == 0).count();
        assertThat(result.gammaGamma().excludedCustomers()).isEqualTo(oneTimeBuyers + zeroValueRepeaters);

        Map<String, Object> json = result.toJson();
        assertThat(json).containsKeys("bgnbd", "paretonbd", "mbgnbd", "gammagamma", "holdout");
        assertThat(noNaN(json)).isTrue();
        // BG/NBD nests inside MBG/NBD only loosely, but both must explain the same data to a similar degree.
        assertThat(result.mbgNbd().logLikelihood()).isCloseTo(result.bgNbd().logLikelihood(),
                org.assertj.core.api.Assertions.within(0.01 * Math.abs(result.bgNbd().logLikelihood())));
    }

    private static long countRepeatersWithoutPositiveSpend(SpendData spend) {
        long count = 0;
        for (int i = 0; i < spend.size(); i++) {
            count += spend.x()[i] > 0 && spend.meanSpend()[i] <= 0 ? 1 : 0;
        }
        return count;
    }

    static boolean noNaN(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(CdnowMasterTest::noNaN);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().allMatch(CdnowMasterTest::noNaN);
        }
        return true;
    }
}
