package strata.abc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AbcClassifierTest {

  private static String classes(long... cents) {
    return new String(AbcClassifier.classify(cents, AbcConfig.defaults()), java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Test
  void classesByTheCumulativeShareBeforeEachCustomer() {
    // Total 10000. Shares before each: 0, 0.50, 0.80, 0.95.
    // 0.80 is not below a_cut 0.80 -> B; 0.95 is not below 0.80 + 0.15 -> C.
    assertThat(classes(5000, 3000, 1500, 500)).isEqualTo("AABC");
  }

  @Test
  void orderOfTheInputDoesNotMatter() {
    assertThat(classes(500, 1500, 5000, 3000)).isEqualTo("CBAA");
  }

  @Test
  void equalSpendersAreClassedTogether() {
    // Total 10000. The 2000-group starts at share 0.60 < 0.80, so both are A, although the second
    // of them, taken alone, would start at 0.80.
    assertThat(classes(6000, 2000, 2000)).isEqualTo("AAA");
    // The 1000-group starts at 0.80: both B.
    assertThat(classes(4000, 4000, 1000, 1000)).isEqualTo("AABB");
  }

  @Test
  void zeroAndNegativeSpendersAreAlwaysC() {
    // Total positive revenue is 1000; refunds do not reduce it.
    assertThat(classes(1000, 0, -500)).isEqualTo("ACC");
  }

  @Test
  void nobodyWithPositiveSpendMeansAllC() {
    assertThat(classes(0, -1, 0)).isEqualTo("CCC");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(AbcClassifier.classify(new long[0], AbcConfig.defaults())).isEmpty();
  }

  @Test
  void customCutsApply() {
    // a_cut 0.5, b_cut 0.3: shares before 0, 0.5, 0.8 -> A, B, C.
    byte[] classes = AbcClassifier.classify(new long[] {5000, 3000, 2000}, new AbcConfig(0.5, 0.3));
    assertThat(new String(classes, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ABC");
  }

  @Test
  void largestPossibleSpendIsClassedWhileTheTotalFits() {
    assertThat(classes(Long.MAX_VALUE, 0)).isEqualTo("AC");
  }

  @Test
  void totalBeyondLongRangeIsRejectedClearly() {
    assertThatThrownBy(() -> classes(Long.MAX_VALUE, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("total positive spend exceeds 9223372036854775807 cents");
  }

  @Test
  void classesHaveLabels() {
    assertThat(AbcClassifier.label(AbcClassifier.A, java.util.Locale.CHINESE)).isEqualTo("A类客户");
    assertThat(AbcClassifier.label(AbcClassifier.C, java.util.Locale.ENGLISH)).isEqualTo("Class C");
    assertThatThrownBy(() -> AbcClassifier.label((byte) 'D', java.util.Locale.ENGLISH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void classesHaveCodes() {
    assertThat(AbcClassifier.code(AbcClassifier.A)).isEqualTo("A");
    assertThat(AbcClassifier.code(AbcClassifier.B)).isEqualTo("B");
    assertThat(AbcClassifier.code(AbcClassifier.C)).isEqualTo("C");
    assertThatThrownBy(() -> AbcClassifier.code((byte) 'a')).isInstanceOf(IllegalArgumentException.class);
  }
}
