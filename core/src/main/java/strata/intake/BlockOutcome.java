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
  /** Which accepted rows are in the run: rows after the as-of day are counted there, and the run rows' days. */
  final strata.asof.AsOfSplit asOf;
  long amountsRounded;
  /** Pairs (fingerprint of the row's bytes, line), for duplicate detection. */
  long[] fingerprints = new long[256];
  int fingerprintCount;
  /** Amounts of the rows in the run and the largest of them, for the file's outlier rule. */
  final AmountWatch amounts = new AmountWatch();

  /** A block of a file without an as-of day (every accepted row is in the run). */
  BlockOutcome(int block) {
    this(block, new strata.asof.AsOfSplit(Integer.MAX_VALUE));
  }

  BlockOutcome(int block, strata.asof.AsOfSplit asOf) {
    this.block = block;
    this.asOf = asOf;
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
