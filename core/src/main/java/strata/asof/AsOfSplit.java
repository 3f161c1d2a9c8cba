package strata.asof;

import java.time.LocalDate;

/**
 * The split of a run's rows at its as-of day ({@link AsOfPolicy}): a row dated on or before it is in the run; a later
 * row is counted, never summarised, and never moves the run's first or last day. One instance per block of a file,
 * range of a cluster's task or batch of stored purchases (not thread-safe); the counts of several add up.
 */
public final class AsOfSplit {
  private final int asOfDay;
  private long rowsAfter;
  private int firstDay = Integer.MAX_VALUE;
  private int lastDay = Integer.MIN_VALUE;

  /** @param asOfDay epoch day of the as-of date; {@link Integer#MAX_VALUE} keeps every row in the run */
  public AsOfSplit(int asOfDay) {
    this.asOfDay = asOfDay;
  }

  /** A split at {@code asOf}, or one that keeps every row when it is null (the as-of day is not known yet). */
  public static AsOfSplit at(LocalDate asOf) {
    return new AsOfSplit(asOf == null ? Integer.MAX_VALUE : (int) asOf.toEpochDay());
  }

  /** A split at the same day with nothing counted yet. */
  public AsOfSplit fresh() {
    return new AsOfSplit(asOfDay);
  }

  /**
   * Whether a valid row of {@code day} (epoch day) belongs to the run; the row is counted on its side of the split.
   */
  public boolean inRun(int day) {
    if (day > asOfDay) {
      rowsAfter++;
      return false;
    }
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
    return true;
  }

  /** Rows dated after the as-of day. */
  public long rowsAfter() {
    return rowsAfter;
  }

  /** Epoch day of the earliest row in the run, {@link Integer#MAX_VALUE} for none. */
  public int firstDay() {
    return firstDay;
  }

  /** Epoch day of the latest row in the run, {@link Integer#MIN_VALUE} for none. */
  public int lastDay() {
    return lastDay;
  }
}
