package strata.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.intake.IntakeException;

class IdMergesTest {
  @TempDir Path dir;

  @Test
  void chainsCloseOnTheIdSeenFirst() {
    IdMerges m = IdMerges.of(List.of(new String[] {"b", "c"}, new String[] {"a", "b"}, new String[] {"x", "y"}),
        List.of());
    // b was seen first, so b survives for a, b and c.
    assertThat(m.merged()).isEqualTo(Map.of("c", "b", "a", "b", "y", "x"));
    assertThat(m.resolve("a")).isEqualTo("b");
    assertThat(m.resolve("zzz")).isEqualTo("zzz");
  }

  @Test
  void caseVariantsGroupInFileOrder() {
    var groups = IdMerges.caseVariants(List.of("c1", "C2", "C1", "12", "c2", "C3", "Ab", "aB", "AB"));
    assertThat(groups).containsExactly(List.of("c1", "C1"), List.of("C2", "c2"), List.of("Ab", "aB", "AB"));
    assertThat(IdMerges.of(List.of(), groups).merged())
        .isEqualTo(Map.of("C1", "c1", "c2", "C2", "aB", "Ab", "AB", "Ab"));
  }

  @Test
  void mergeFileReadsDuplicatesCsvAndPlainPairs() throws Exception {
    Path f = dir.resolve("accepted.csv");
    Files.writeString(f,
        "\uFEFFid_a,id_b,score,reasons\nC1,C3,0.94,same_email|same_phone\n\n\" C2 \",C5\n\"'=X1\",-Y2\n");
    assertThat(MergeFile.read(f)).containsExactly(new String[] {"C1", "C3"}, new String[] {"C2", "C5"},
        new String[] {"=X1", "-Y2"});
  }

  @Test
  void mergeFileRowsWithoutTwoIdsOrPairingAnIdWithItselfNameTheirLine() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "C1,C3\nC4\n");
    assertThatThrownBy(() -> MergeFile.read(f)).isInstanceOf(IntakeException.class)
        .hasMessage("bad.csv line 2: expected two customer ids (id_a,id_b), found 'C4'");
    Files.writeString(f, "C1,C1\n");
    assertThatThrownBy(() -> MergeFile.read(f)).hasMessage("bad.csv line 1: 'C1' is paired with itself");
  }
}
