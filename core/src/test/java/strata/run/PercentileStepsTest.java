package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import strata.rfm.PercentileRank;
import strata.scoring.ValueCounts;

class PercentileStepsTest {
  @Test
  void tiedValuesShareTheScoreTheirCountOfWorseValuesGives() {
    // 7 buyers, 5 buckets, score = 1 + floor(5 × strictly lower / 7): 10 → 0 lower → 1; 20 → 2 → 2; 30 → 3 → 3;
    // 40 → 6 → 5. Recency the other way: 40 → 0 higher → 1; 30 → 1 → 1; 20 → 4 → 3; 10 → 5 → 4.
    long[] values = {30, 10, 40, 30, 20, 10, 30};
    PercentileSteps spend = PercentileSteps.of(ValueCounts.of(values.clone()), false, 5);
    PercentileSteps recency = PercentileSteps.of(ValueCounts.of(values.clone()), true, 5);
    long[] distinct = {10, 20, 30, 40};
    byte[] higher = {1, 2, 3, 5};
    byte[] lower = {4, 3, 1, 1};
    for (int k = 0; k < distinct.length; k++) {
      assertThat(spend.score(distinct[k])).as("spend %d", distinct[k]).isEqualTo(higher[k]);
      assertThat(recency.score(distinct[k])).as("recency %d", distinct[k]).isEqualTo(lower[k]);
    }
  }

  @Test
  void everyCountedValueScoresAsTheWholeArraysRankGivesIt() {
    // The independent method: PercentileRank's scores of the whole array at once, on ties and on near-unique values.
    Random random = new Random(3);
    for (int spread : new int[] {5, 1_000, 1_000_000_000}) {
      long[] values = random.longs(20_000, -spread / 10, spread).toArray();
      for (int buckets : new int[] {1, 3, 5, 10}) {
        byte[] higher = PercentileRank.higherIsBetter(values.clone(), buckets);
        byte[] lower = PercentileRank.lowerIsBetter(values.clone(), buckets);
        PercentileSteps up = PercentileSteps.of(ValueCounts.of(values.clone()), false, buckets);
        PercentileSteps down = PercentileSteps.of(ValueCounts.of(values.clone()), true, buckets);
        for (int i = 0; i < values.length; i++) {
          assertThat(up.score(values[i])).isEqualTo(higher[i]);
          assertThat(down.score(values[i])).isEqualTo(lower[i]);
        }
      }
    }
  }

  @Test
  void whatIsSentDoesNotGrowWithBuyers() throws IOException {
    // 200,000 distinct spends: their counts take 16 B each (3.2 MB); the steps of five scores take a few hundred B.
    long[] values = new Random(4).longs(200_000, 0, Long.MAX_VALUE / 2).toArray();
    assertThat(serialised(PercentileSteps.of(ValueCounts.of(values.clone()), false, 5))).isLessThan(400);
    assertThat(serialised(ValueCounts.of(values.clone()))).isGreaterThan(3_200_000);
  }

  private static int serialised(java.io.Serializable object) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.size();
  }
}
