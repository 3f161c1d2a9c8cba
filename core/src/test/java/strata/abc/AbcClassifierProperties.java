package strata.abc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class AbcClassifierProperties {

  @Property
  void matchesTheDefinitionCountedPairwise(
      @ForAll @Size(max = 150) List<@LongRange(min = -20, max = 40) Long> spends) {
    // Independent oracle: share before customer i = sum of positive spends strictly larger than
    // theirs; compared in whole numbers (80/100, 95/100) so no rounding is involved.
    long[] v = spends.stream().mapToLong(Long::longValue).toArray();
    byte[] classes = AbcClassifier.classify(v, AbcConfig.defaults());
    long total = 0;
    for (long x : v) {
      total += Math.max(0, x);
    }
    for (int i = 0; i < v.length; i++) {
      long before = 0;
      for (long x : v) {
        before += x > v[i] ? x : 0;
      }
      byte expected;
      if (v[i] <= 0) {
        expected = 'C';
      } else if (before * 100 < 80 * total) {
        expected = 'A';
      } else if (before * 100 < 95 * total) {
        expected = 'B';
      } else {
        expected = 'C';
      }
      assertThat(classes[i]).as("customer %d spending %d of %d", i, v[i], total).isEqualTo(expected);
    }
  }

  @Property
  void moreSpendNeverGivesAWorseClass(
      @ForAll @Size(max = 150) List<@LongRange(min = -20, max = 40) Long> spends) {
    long[] v = spends.stream().mapToLong(Long::longValue).toArray();
    byte[] classes = AbcClassifier.classify(v, AbcConfig.defaults());
    for (int i = 0; i < v.length; i++) {
      assertThat(classes[i]).isIn((byte) 'A', (byte) 'B', (byte) 'C');
      for (int j = 0; j < v.length; j++) {
        if (v[i] >= v[j]) {
          // 'A' < 'B' < 'C' as bytes: a larger spender's class letter is never later.
          assertThat(classes[i]).isLessThanOrEqualTo(classes[j]);
        }
      }
    }
  }
}
