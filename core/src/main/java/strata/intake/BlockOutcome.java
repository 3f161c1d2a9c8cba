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
  /** Amounts of the rows in the run and the largest of them, for the file's outlier rule. */
  final AmountWatch amounts = new AmountWatch();

  BlockOutcome(int block) {
    this.block = block;
  }

  void reject(Rejection r) {
    rejectedByReason[r.reason().ordinal()]++;
    rejections.add(r);
  }

  /** Counts a run row's amount; the customer id is decoded only when the row is among the block's largest. */
  void amount(long cents, int day, byte[] id, int from, int len, java.nio.charset.Charset charset) {
    amounts.count(cents);
    if (amounts.among(cents)) amounts.keep(new String(id, from, len, charset), day, cents);
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
