package strata.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import strata.intake.FileQuality;

/**
 * Everything the HTML report shows, computed beforehand by the run. Immutable: lists and arrays
 * are copied on the way in and out.
 *
 * @param title report title, e.g. the shop's name; plain text, escaped by the report
 * @param locale language of the fixed texts and number formats: any {@code zh} locale gives
 *     Chinese, anything else English
 * @param asOf the date the customer data describes
 * @param generatedAt when the run finished; shown in UTC
 * @param modelName name of the tier model used
 * @param customers all customers known on the as-of date
 * @param purchasers customers with at least one accepted purchase; at most {@code customers}
 * @param totalRevenue accepted purchase amounts up to the as-of date, in the data's currency
 * @param repeatRate share in [0, 1] of purchasers with two or more purchase days; nullable when
 *     not computed
 * @param atRiskRevenue past revenue of customers at risk of leaving; nullable when not computed
 * @param tiers tiers in model order; {@code null} is read as none
 * @param rfmCounts 5×5 customers per cell, {@code [r-1][f-1]}; {@code null} is read as all zero
 * @param rfmMeanMonetary 5×5 mean monetary value per cell, {@code NaN} for empty cells; {@code
 *     null} is read as all {@code NaN}
 * @param lifecycle stages potential, new, active, dormant, churned in that order; {@code null} is
 *     read as none
 * @param rfmSegments named RFM segments; {@code null} is read as none
 * @param abcClasses ABC classes A, B, C; {@code null} is read as none
 * @param quality one entry per input file; {@code null} is read as none
 * @param extraSections sections added by later features, shown after the built-in ones and
 *     before data quality; {@code null} is read as none
 */
public record ReportData(
    String title,
    Locale locale,
    LocalDate asOf,
    Instant generatedAt,
    String modelName,
    long customers,
    long purchasers,
    BigDecimal totalRevenue,
    BigDecimal repeatRate,
    BigDecimal atRiskRevenue,
    List<TierRow> tiers,
    long[][] rfmCounts,
    double[][] rfmMeanMonetary,
    List<CountRow> lifecycle,
    List<CountRow> rfmSegments,
    List<CountRow> abcClasses,
    List<FileQuality> quality,
    List<ReportSection> extraSections) {

  /** RFM scores run from 1 to 5. */
  public static final int RFM_LEVELS = 5;

  public ReportData {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(totalRevenue, "totalRevenue");
    if (customers < 0 || purchasers < 0 || purchasers > customers) {
      throw new IllegalArgumentException("customers (" + customers + ") and purchasers ("
          + purchasers + ") must be zero or more, with purchasers at most customers");
    }
    if (repeatRate != null
        && (repeatRate.signum() < 0 || repeatRate.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("repeatRate " + repeatRate
          + " must be a share between 0 and 1 (0.25 for 25%)");
    }
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
    rfmCounts = rfmCounts == null ? new long[RFM_LEVELS][RFM_LEVELS] : copyCounts(rfmCounts);
    rfmMeanMonetary = rfmMeanMonetary == null ? allNaN() : copyMeans(rfmMeanMonetary);
    lifecycle = lifecycle == null ? List.of() : List.copyOf(lifecycle);
    rfmSegments = rfmSegments == null ? List.of() : List.copyOf(rfmSegments);
    abcClasses = abcClasses == null ? List.of() : List.copyOf(abcClasses);
    quality = quality == null ? List.of() : List.copyOf(quality);
    extraSections = extraSections == null ? List.of() : List.copyOf(extraSections);
  }

  /** A copy of the 5×5 customer counts, {@code [r-1][f-1]}. */
  @Override
  public long[][] rfmCounts() {
    return Arrays.stream(rfmCounts).map(long[]::clone).toArray(long[][]::new);
  }

  /** A copy of the 5×5 mean monetary values, {@code [r-1][f-1]}, {@code NaN} where empty. */
  @Override
  public double[][] rfmMeanMonetary() {
    return Arrays.stream(rfmMeanMonetary).map(double[]::clone).toArray(double[][]::new);
  }

  private static long[][] copyCounts(long[][] counts) {
    checkShape("rfmCounts", counts.length, Arrays.stream(counts).mapToInt(r -> r.length));
    long[][] copy = Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    for (int r = 0; r < RFM_LEVELS; r++) {
      for (int f = 0; f < RFM_LEVELS; f++) {
        if (copy[r][f] < 0) {
          throw new IllegalArgumentException("rfmCounts[" + r + "][" + f + "] is " + copy[r][f]
              + "; counts cannot be negative");
        }
      }
    }
    return copy;
  }

  private static double[][] copyMeans(double[][] means) {
    checkShape("rfmMeanMonetary", means.length, Arrays.stream(means).mapToInt(r -> r.length));
    double[][] copy = Arrays.stream(means).map(double[]::clone).toArray(double[][]::new);
    for (double[] row : copy) {
      for (double v : row) {
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("rfmMeanMonetary holds an infinite value;"
              + " use NaN for cells without customers");
        }
      }
    }
    return copy;
  }

  private static void checkShape(String name, int rows, java.util.stream.IntStream rowLengths) {
    if (rows != RFM_LEVELS || rowLengths.anyMatch(length -> length != RFM_LEVELS)) {
      throw new IllegalArgumentException(name + " must be 5×5, indexed [r-1][f-1]");
    }
  }

  private static double[][] allNaN() {
    double[][] grid = new double[RFM_LEVELS][RFM_LEVELS];
    for (double[] row : grid) {
      Arrays.fill(row, Double.NaN);
    }
    return grid;
  }
}
