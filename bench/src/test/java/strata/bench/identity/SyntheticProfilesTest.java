package strata.bench.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import strata.identity.DuplicateCandidates;

/** The benchmark's input is what it claims: every planted copy is found, and few other pairs are suggested. */
class SyntheticProfilesTest {
  @Test
  void everyPlantedCopyIsFoundAndFewOtherPairsAre() {
    var data = SyntheticProfiles.generate(20_000, 0.01, 7);
    var found = DuplicateCandidates.find(data.profiles());
    Set<String> pairs = new HashSet<>();
    found.pairs().forEach(p -> pairs.add(p.idA() + "," + p.idB()));
    assertThat(data.pairs()).hasSizeGreaterThan(100);
    for (int[] p : data.pairs()) assertThat(pairs).contains("C" + p[0] + ",C" + p[1]);
    // Random names of 2–4 of 3,500 characters rarely collide, random numbers and addresses almost never.
    assertThat(found.pairs().size() - data.pairs().size()).isLessThan(data.pairs().size() / 10);
  }
}
