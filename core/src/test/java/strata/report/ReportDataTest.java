package strata.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static strata.report.SampleReports.money;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportDataTest {

  private static ReportData with(long customers, long purchasers, BigDecimal repeatRate,
      long[][] counts, double[][] means) {
    return new ReportData("t", Locale.ENGLISH, SampleReports.AS_OF, SampleReports.GENERATED, "m",
        customers, purchasers, money("0"), repeatRate, null, null, counts, means, null, null, null,
        null, null);
  }

  @Test
  void missingListsAndGridsReadAsEmpty() {
    ReportData data = with(0, 0, null, null, null);
    assertThat(data.tiers()).isEmpty();
    assertThat(data.quality()).isEmpty();
    assertThat(data.extraSections()).isEmpty();
    assertThat(data.rfmCounts()).hasDimensions(5, 5);
    assertThat(data.rfmMeanMonetary()[2][3]).isNaN();
  }

  @Test
  void gridsAreCopiedInAndOut() {
    long[][] counts = new long[5][5];
    ReportData data = with(1, 1, null, counts, null);
    counts[0][0] = 99;
    data.rfmCounts()[0][0] = 77;
    assertThat(data.rfmCounts()[0][0]).isZero();
  }

  @Test
  void rejectsGridsThatAreNotFiveByFive() {
    assertThatThrownBy(() -> with(0, 0, null, new long[4][5], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rfmCounts must be 5×5");
    assertThatThrownBy(() -> with(0, 0, null, null, new double[5][6]))
        .hasMessageContaining("rfmMeanMonetary must be 5×5");
  }

  @Test
  void rejectsNegativeCountsAndInfiniteMeans() {
    long[][] counts = new long[5][5];
    counts[1][2] = -1;
    assertThatThrownBy(() -> with(0, 0, null, counts, null)).hasMessageContaining("rfmCounts[1][2] is -1");
    double[][] means = new double[5][5];
    means[0][0] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> with(0, 0, null, null, means)).hasMessageContaining("use NaN");
    assertThatThrownBy(() -> new TierRow("t", "T", null, -3, money("0"))).hasMessageContaining("-3 customers");
    assertThatThrownBy(() -> new CountRow("c", "C", -1, money("0"))).hasMessageContaining("cannot be negative");
  }

  @Test
  void rejectsMorePurchasersThanCustomers() {
    assertThatThrownBy(() -> with(5, 6, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purchasers at most customers");
  }

  @Test
  void repeatRateMustBeAShareNotAPercentage() {
    assertThatThrownBy(() -> with(1, 1, new BigDecimal("45"), null, null))
        .hasMessageContaining("0.25 for 25%");
    assertThat(with(1, 1, BigDecimal.ONE, null, null).repeatRate()).isEqualTo(BigDecimal.ONE);
  }

  @Test
  void sectionIdsMustBeSafeAnchors() {
    assertThatThrownBy(() -> new ReportSection("bad id\" onclick=\"x", "h", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with a letter");
    assertThat(new ReportSection("clv-holdout", "CLV", "").id()).isEqualTo("clv-holdout");
  }
}
