package strata.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import strata.scoring.ConfigException;
import strata.scoring.YamlSection;

class RfmConfigTest {

  private static RfmConfig read(String yaml) {
    return RfmConfig.fromMap(YamlSection.section(yaml, "scoring.rfm"));
  }

  private static void rejects(String yaml, String message) {
    assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void defaultsArePercentileFiveBucketsCutAtTheMean() {
    RfmConfig config = RfmConfig.defaults();
    assertThat(config.mode()).isEqualTo(RfmConfig.Mode.PERCENTILE);
    assertThat(config.buckets()).isEqualTo(5);
    assertThat(config.segmentCut()).isEmpty();
  }

  @Test
  void missingOrEmptySectionMeansDefaults() {
    assertThat(RfmConfig.fromMap(null)).isEqualTo(RfmConfig.defaults());
    assertThat(RfmConfig.fromMap(Map.of())).isEqualTo(RfmConfig.defaults());
    assertThat(read("scoring:\n  rfm: {}\n")).isEqualTo(RfmConfig.defaults());
  }

  @Test
  void readsPercentileSettings() {
    RfmConfig config = read("scoring:\n  rfm:\n    buckets: 4\n    segment_cut: 2.5\n");
    assertThat(config.buckets()).isEqualTo(4);
    assertThat(config.segmentCut()).isEqualTo(OptionalDouble.of(2.5));
  }

  @Test
  void readsThresholdsWithMoneyInCurrencyUnits() {
    RfmConfig config = read("""
        scoring:
          rfm:
            mode: thresholds
            recency_days: [30, 90, 180, 365]
            frequency: [2, 3, 5, 10]
            monetary: [100, 500.5, 1000, 5000.25]
            segment_cut: mean
        """);
    assertThat(config.mode()).isEqualTo(RfmConfig.Mode.THRESHOLDS);
    assertThat(config.recencyDayLimits()).containsExactly(30, 90, 180, 365);
    assertThat(config.frequencyBounds()).containsExactly(2, 3, 5, 10);
    assertThat(config.monetaryBoundsCents()).containsExactly(10_000L, 50_050L, 100_000L, 500_025L);
    assertThat(config.segmentCut()).isEmpty();
  }

  @Test
  void rejectsBucketsOutOfRange() {
    rejects("scoring:\n  rfm:\n    buckets: 1\n", "scoring.rfm.buckets must be between 2 and 10, got 1");
    rejects("scoring:\n  rfm:\n    buckets: 11\n", "scoring.rfm.buckets must be between 2 and 10, got 11");
    rejects("scoring:\n  rfm:\n    buckets: 4.5\n", "scoring.rfm.buckets must be a whole number, got 4.5");
    rejects("scoring:\n  rfm:\n    buckets: '5'\n", "scoring.rfm.buckets must be a number, got '5'");
  }

  @Test
  void rejectsUnknownKeysNamingThem() {
    rejects(
        "scoring:\n  rfm:\n    bucket: 5\n",
        "scoring.rfm.bucket is not a known setting (known: buckets, frequency, mode, monetary, recency_days,"
            + " segment_cut)");
  }

  @Test
  void rejectsUnknownModeAndCut() {
    rejects("scoring:\n  rfm:\n    mode: quantile\n",
        "scoring.rfm.mode must be one of percentile, thresholds, got 'quantile'");
    rejects("scoring:\n  rfm:\n    segment_cut: median\n",
        "scoring.rfm.segment_cut must be 'mean' or a number between 0 and 10, got 'median'");
    rejects("scoring:\n  rfm:\n    segment_cut: 11\n",
        "scoring.rfm.segment_cut must be between 0 and 10, got 11");
  }

  @Test
  void rejectsSettingsOfTheOtherMode() {
    rejects("scoring:\n  rfm:\n    frequency: [2, 3]\n",
        "scoring.rfm.frequency applies only to mode: thresholds");
    rejects("""
        scoring:
          rfm: {mode: thresholds, buckets: 5, recency_days: [30], frequency: [2], monetary: [100]}
        """, "scoring.rfm.buckets applies only to mode: percentile");
  }

  @Test
  void rejectsMissingUnsortedOrFractionalCentBounds() {
    rejects("scoring:\n  rfm: {mode: thresholds, frequency: [2], monetary: [100]}\n",
        "scoring.rfm.recency_days must list 1 to 9 ascending bounds in mode: thresholds, got 0");
    rejects("scoring:\n  rfm: {mode: thresholds, recency_days: [90, 30], frequency: [2], monetary: [100]}\n",
        "scoring.rfm.recency_days must be strictly ascending, but [1] = 30 follows 90");
    rejects("scoring:\n  rfm: {mode: thresholds, recency_days: [30], frequency: [2], monetary: [500, 100.5]}\n",
        "scoring.rfm.monetary must be strictly ascending, but [1] = 100.50 follows 500.00");
    rejects("scoring:\n  rfm: {mode: thresholds, recency_days: [30], frequency: [2], monetary: [10.005]}\n",
        "scoring.rfm.monetary[0] has more than 2 decimal places: 10.005");
    rejects("scoring:\n  rfm: {mode: thresholds, recency_days: [-1], frequency: [2], monetary: [1]}\n",
        "scoring.rfm.recency_days[0] must be between 0 and 2147483647, got -1");
    rejects("scoring:\n  rfm: {mode: thresholds, recency_days: [1], frequency: [2], monetary: [1e13]}\n",
        "scoring.rfm.monetary[0] must be at most 1e12 in absolute value, got 1.0E13");
  }

  @Test
  void validatesWhenBuiltFromCode() {
    assertThatThrownBy(() -> RfmConfig.thresholds(List.of(30), List.of(3, 2), List.of(100L)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("scoring.rfm.frequency must be strictly ascending, but [1] = 2 follows 3");
  }
}
