package strata.intake;

/**
 * What reading one range of a transactions file found besides its rows, to be added up over the ranges in file order
 * ({@link RangeIntake#quality}).
 *
 * @param rejectedByReason indexed by {@link RejectReason#ordinal()}
 * @param minDay earliest day of a row in the run ({@link Integer#MAX_VALUE} for none)
 * @param maxDay latest day of a row in the run ({@link Integer#MIN_VALUE} for none)
 * @param amounts the run rows' non-zero amounts, and {@code largest} the largest of them, for {@link AmountOutliers}
 */
public record RangeCounts(long read, long accepted, long[] rejectedByReason, long afterAsOf, long rounded, int minDay,
    int maxDay, AmountHistogram amounts, java.util.List<AmountOutliers.Candidate> largest)
    implements java.io.Serializable {

  static RangeCounts of(BlockOutcome o) {
    return new RangeCounts(o.rowsRead, o.rowsAccepted, o.rejectedByReason.clone(), o.rowsAfterAsOf, o.amountsRounded,
        o.minDay, o.maxDay, o.amounts.amounts(), o.amounts.largest());
  }
}
