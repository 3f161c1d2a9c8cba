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

  BlockOutcome(int block) {
    this.block = block;
  }

  void reject(Rejection r) {
    rejectedByReason[r.reason().ordinal()]++;
    rejections.add(r);
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
