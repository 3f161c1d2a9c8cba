package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duplicate detection against a plain map of fingerprints to the line where each was first seen. */
class DuplicateFinderTest {
  @TempDir Path temp;

  @Test
  void rowsRepeatedOnceManyTimesAndNeverAllAgreeWithAMap() {
    SplittableRandom random = new SplittableRandom(7);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      int kind = random.nextInt(10);
      if (kind == 0 && !rows.isEmpty()) rows.add(rows.get(random.nextInt(rows.size()))); // a repeat of any earlier row
      else if (kind == 1) rows.add("C1,2024-01-01,9.99"); // one row repeated ~2,000 times: a large bucket
      else rows.add("C" + random.nextInt(1_000_000) + ",2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
          + "," + random.nextInt(100_000) / 100.0);
    }
    long[] pairs = new long[2 * rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      byte[] b = rows.get(i).getBytes(StandardCharsets.UTF_8);
      pairs[2 * i] = DuplicateFinder.fingerprint(b, 0, b.length);
      pairs[2 * i + 1] = i + 2; // line numbers after a header
    }
    check(pairs, 1_000_000);
  }

  @Test
  void spilledPartitionsAndAWhollyDuplicatedFileAgreeWithAMap() throws Exception {
    // 2.4M fingerprints: more than the in-memory buffers hold (64 partitions x 32k), so every partition spills;
    // the second half repeats the first half exactly.
    SplittableRandom random = new SplittableRandom(11);
    int half = 1_200_000;
    long[] pairs = new long[4 * half];
    for (int i = 0; i < half; i++) {
      long h = random.nextLong();
      pairs[2 * i] = h;
      pairs[2 * i + 1] = i + 2;
      pairs[2 * (i + half)] = h;
      pairs[2 * (i + half) + 1] = half + i + 2;
    }
    check(pairs, 100);
    try (var files = Files.list(temp)) {
      assertThat(files).as("temporary files are removed").isEmpty();
    }
  }

  @Test
  void aZeroFingerprintIsARowLikeAnyOther() {
    // 0 marks an empty slot in the finder's table, so it is counted apart: once, twice and three times here.
    long[] values = {0, 5, 0, 7, 5, 0, 9, 1L << 40, 1L << 40};
    long[] pairs = new long[2 * values.length];
    for (int i = 0; i < values.length; i++) {
      pairs[2 * i] = values[i];
      pairs[2 * i + 1] = i + 2;
    }
    check(pairs, 100);
    assertThat(DuplicateFinder.among(pairs, values.length, 100).rows()).isEqualTo(4); // 0 twice more, 5 once, 2^40 once
  }

  @Test
  void fingerprintsDependOnEveryByteAndTheLength() {
    byte[] a = "C0000001,2024-01-01,10.00".getBytes(StandardCharsets.UTF_8);
    Map<Long, String> seen = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      byte[] b = a.clone();
      b[i] ^= 1;
      assertThat(seen.put(DuplicateFinder.fingerprint(b, 0, b.length), "flip " + i)).isNull();
    }
    assertThat(seen).doesNotContainKey(DuplicateFinder.fingerprint(a, 0, a.length));
    assertThat(DuplicateFinder.fingerprint(a, 0, a.length - 1)).isNotEqualTo(DuplicateFinder.fingerprint(a, 0, a.length));
  }

  private void check(long[] pairs, int maxLines) {
    Map<Long, Long> first = new HashMap<>();
    long repeats = 0;
    List<Long> repeatLines = new ArrayList<>();
    for (int i = 0; i < pairs.length / 2; i++) {
      if (first.putIfAbsent(pairs[2 * i], pairs[2 * i + 1]) != null) {
        repeats++;
        repeatLines.add(pairs[2 * i + 1]);
      }
    }
    repeatLines.sort(null);
    DuplicateFinder.Duplicates d;
    try (DuplicateFinder finder = new DuplicateFinder(temp)) {
      // Handed over in blocks, as intake does.
      for (int from = 0; from < pairs.length; from += 2 * 50_000) {
        int to = Math.min(pairs.length, from + 2 * 50_000);
        finder.add(java.util.Arrays.copyOfRange(pairs, from, to), (to - from) / 2);
      }
      d = finder.finish(maxLines);
    }
    assertThat(repeats).isPositive();
    assertThat(d.rows()).isEqualTo(repeats);
    assertThat(d.lines()).isEqualTo(repeatLines.subList(0, Math.min(maxLines, repeatLines.size())));
  }
}
