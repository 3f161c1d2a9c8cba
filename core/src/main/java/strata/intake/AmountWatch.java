package strata.intake;

import java.util.List;
import java.util.function.Supplier;

/**
 * The amounts of rows as they pass, for the outlier rule ({@link AmountOutliers}): a file run keeps one per block of
 * its file, the server one per imported file, so both judge a file the same way.
 */
public final class AmountWatch {
  private final AmountHistogram amounts = new AmountHistogram();
  private List<AmountOutliers.Candidate> largest = List.of();
  private long smallestKept;

  /** @param customerId asked for only when the row is among the largest so far */
  public void add(long cents, int day, Supplier<String> customerId) {
    amounts.add(cents);
    if (among(cents)) keep(customerId.get(), day, cents);
  }

  /** Counts an amount; {@link #among} then says whether its row is to be kept (a hot path: no id decoded before). */
  void count(long cents) {
    amounts.add(cents);
  }

  boolean among(long cents) {
    return cents != 0 && (largest.size() < AmountOutliers.EXAMPLES || Math.abs(cents) >= smallestKept);
  }

  void keep(String customerId, int day, long cents) {
    largest = AmountOutliers.keepLargest(largest, List.of(new AmountOutliers.Candidate(customerId, day, cents)));
    smallestKept = Math.abs(largest.get(largest.size() - 1).cents());
  }

  /** The judgement on the rows seen, or null when they are too few to judge. */
  public AmountOutliers judge() {
    return AmountOutliers.judge(amounts, largest);
  }

  AmountHistogram amounts() {
    return amounts;
  }

  List<AmountOutliers.Candidate> largest() {
    return largest;
  }
}
