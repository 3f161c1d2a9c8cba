package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The duplicate check of one merge: every row but the first of each fingerprint, whichever range sent it. */
class MergedTest {
  @Test
  void everyRowButTheFirstOfAFingerprintRepeats() {
    // (fingerprint, row) pairs from two ranges: fingerprint 5 on rows 3, 1 and 9 (two repeats: 3 and 9), 7 once,
    // -2 on rows 8 and 4 (a repeat: 8).
    long[] first = {5, 3, 7, 2, -2, 8};
    long[] second = {5, 1, 5, 9, -2, 4};
    assertThat(Merged.laterRows(List.of(first, second))).containsExactly(3, 8, 9);
  }

  @Test
  void noRepeatsNoRows() {
    assertThat(Merged.laterRows(List.of(new long[] {1, 1, 2, 2}, new long[0]))).isEmpty();
    assertThat(Merged.laterRows(List.of())).isEmpty();
  }
}
