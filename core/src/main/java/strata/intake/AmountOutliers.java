package strata.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Amounts far out of a transactions file's own distribution (a typed ¥99,999,999 for ¥999.99): the file's median and
 * median absolute deviation (MAD) of log amounts, over all non-zero amounts of the run, absolute values.
 *
 * <p>Rule: an amount is an outlier when its log lies more than {@value #ROBUST_SDS} robust standard deviations
 * (1.4826 × MAD, the normal-consistent scale; Rousseeuw &amp; Croux 1993) above the median log, and it is at least
 * {@value #MIN_FACTOR} × the median amount. Logs, because order amounts are skewed (roughly log-normal); the floor,
 * so that a file of near-identical amounts (MAD ≈ 0) does not flag an ordinary large order. The median and MAD come
 * from {@link AmountHistogram} (3 % buckets), and the threshold is rounded up to a bucket edge, so the count is exact
 * for that threshold and the same in every engine.
 *
 * @param median the file's median amount, currency units
 * @param threshold amounts of at least this (absolute value, currency units) are outliers; NaN when not judged
 * @param rows rows at or above the threshold
 * @param examples the largest of them (customer, day, amount), largest first
 * @param excluded whether the run left them out ({@code --outliers exclude}); else they are kept with a warning
 * @param tierChanges customers whose tier differs between the run with these rows and the run without them (the
 *     whole population is scored both ways: percentiles and ABC shares move for everyone); -1 when not compared
 * @param tierChangeExamples the first of them by customer id
 */
public record AmountOutliers(double median, double threshold, long rows, List<Example> examples, boolean excluded,
    long tierChanges, List<TierChange> tierChangeExamples) implements java.io.Serializable {
  static final double ROBUST_SDS = 6;
  static final double MIN_FACTOR = 100;
  /** Fewer amounts than this are not judged: no distribution to speak of. */
  static final int MIN_AMOUNTS = 20;
  public static final int EXAMPLES = 10;

  /** One large row: customer id, order date, amount in currency units. */
  public record Example(String customerId, String date, double amount) implements java.io.Serializable {}

  /** A customer whose tier the outliers changed; a null tier when the customer has no tier that way. */
  public record TierChange(String customerId, String tierWith, String tierWithout) implements java.io.Serializable {}

  /** A row kept among a block's largest, to be listed should it be an outlier. */
  public record Candidate(String customerId, int day, long cents) implements java.io.Serializable {
    /** Largest |amount| first; ties by id, then day, then sign, so every engine lists the same rows. */
    static final Comparator<Candidate> ORDER = Comparator.comparingLong((Candidate c) -> -Math.abs(c.cents))
        .thenComparing(Candidate::customerId).thenComparingInt(Candidate::day).thenComparingLong(Candidate::cents);
  }

  /** The judgement on a file, or null when it has too few amounts to judge. */
  static AmountOutliers judge(AmountHistogram amounts, List<Candidate> largest) {
    if (amounts.total() < MIN_AMOUNTS) return null;
    double median = amounts.medianLog();
    double sigma = 1.4826 * amounts.madLog(median);
    double limit = median + Math.max(ROBUST_SDS * sigma, Math.log(MIN_FACTOR));
    long thresholdCents = Math.max(1, (long) Math.ceil(Math.exp(limit)));
    int b = AmountHistogram.bucket(thresholdCents);
    if (AmountHistogram.lowerEdge(b) < thresholdCents) b++; // round up to an edge: the count is then exact
    if (b >= AmountHistogram.BUCKETS) b = AmountHistogram.BUCKETS - 1;
    long edge = AmountHistogram.lowerEdge(b);
    List<Example> examples = new ArrayList<>();
    for (Candidate c : largest) {
      if (Math.abs(c.cents) >= edge && examples.size() < EXAMPLES) {
        examples.add(new Example(c.customerId, LocalDate.ofEpochDay(c.day).toString(), c.cents / 100.0));
      }
    }
    return new AmountOutliers(Math.round(Math.exp(median)) / 100.0, edge / 100.0, amounts.countFrom(edge),
        List.copyOf(examples), false, -1, List.of());
  }

  /**
   * The outliers as a warning {@code code} (the file run's {@code quality_amount_outliers}, an import's
   * {@code import_amount_outliers}): how many, the threshold, the median and up to three examples, each
   * "customer amount (day)" so that it reads in either language.
   */
  public strata.i18n.Note note(String code) {
    List<String> named = examples.stream().limit(3)
        .map(e -> e.customerId() + " " + plain(e.amount()) + " (" + e.date() + ")").toList();
    return strata.i18n.Note.of(code, rows, plain(threshold), plain(median), String.join(", ", named));
  }

  private static String plain(double amount) {
    return java.math.BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  /** The threshold in cents, for a run that leaves the outliers out. */
  public long thresholdCents() {
    return Math.round(threshold * 100);
  }

  public AmountOutliers asExcluded() {
    return new AmountOutliers(median, threshold, rows, examples, true, tierChanges, tierChangeExamples);
  }

  public AmountOutliers withTierChanges(long changed, List<TierChange> examples) {
    return new AmountOutliers(median, threshold, rows, this.examples, excluded, changed, List.copyOf(examples));
  }

  /** Keeps the {@link #EXAMPLES} first of {@code list} in {@link Candidate#ORDER}, with {@code more} added. */
  static List<Candidate> keepLargest(List<Candidate> list, List<Candidate> more) {
    List<Candidate> all = new ArrayList<>(list);
    all.addAll(more);
    all.sort(Candidate.ORDER);
    return all.size() > EXAMPLES ? List.copyOf(all.subList(0, EXAMPLES)) : List.copyOf(all);
  }
}
