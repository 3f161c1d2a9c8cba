package strata.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What one worker found in one block of a file; blocks' outcomes are added up in file order. */
final class BlockOutcome {
  final int block;
  long rowsRead;
  long rowsAccepted;
  final long[] rejectedByReason = new long[RejectReason.values().length];
  final List<Rejection> rejections = new ArrayList<>();
  long rowsAfterAsOf;
  long amountsRounded;
  /** Pairs (fingerprint of the row's bytes, line), for duplicate detection. */
  long[] fingerprints = new long[256];
  int fingerprintCount;
  int maxDay = Integer.MIN_VALUE;
  int minDay = Integer.MAX_VALUE;
  /** Non-zero amounts of the rows in the run, for the file's outlier rule ({@link AmountOutliers}). */
  final AmountHistogram amounts = new AmountHistogram();
  /** The block's largest rows by absolute amount, at most {@link AmountOutliers#EXAMPLES}. */
  List<AmountOutliers.Candidate> largest = List.of();
  private long smallestKept;

  BlockOutcome(int block) {
    this.block = block;
  }

  void reject(Rejection r) {
    rejectedByReason[r.reason().ordinal()]++;
    rejections.add(r);
  }

  /** Counts a run row's amount; the customer id is decoded only when the row is among the block's largest. */
  void amount(long cents, int day, byte[] id, int from, int len, java.nio.charset.Charset charset) {
    amounts.add(cents);
    long abs = Math.abs(cents);
    if (cents == 0 || largest.size() >= AmountOutliers.EXAMPLES && abs < smallestKept) return;
    var candidate = new AmountOutliers.Candidate(new String(id, from, len, charset), day, cents);
    largest = AmountOutliers.keepLargest(largest, List.of(candidate));
    smallestKept = Math.abs(largest.get(largest.size() - 1).cents());
  }

  void fingerprint(long hash, long line) {
    if (fingerprintCount * 2 + 2 > fingerprints.length) {
      fingerprints = Arrays.copyOf(fingerprints, fingerprints.length * 2);
    }
    fingerprints[fingerprintCount * 2] = hash;
    fingerprints[fingerprintCount * 2 + 1] = line;
    fingerprintCount++;
  }
}
