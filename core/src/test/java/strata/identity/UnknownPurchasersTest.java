package strata.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import strata.i18n.Note;

class UnknownPurchasersTest {
  private static final List<String> BUYERS = List.of("A", "x1", "B", "x2", "x3", "C", "x4", "x5");

  @Test
  void countsBuyersWithoutRecordAndKeepsTheFirstInOrder() {
    UnknownPurchasers u = UnknownPurchasers.among(BUYERS.size(), BUYERS::get, Set.of("A", "B", "C")::contains, 4);
    assertThat(u.count()).isEqualTo(5);
    assertThat(u.examples()).containsExactly("x1", "x2", "x3", "x4");
  }

  @Test
  void theNoteNamesThreeWhateverWasKept() {
    Note note = UnknownPurchasers.among(BUYERS.size(), BUYERS::get, Set.of("A")::contains, 10).note("c").orElseThrow();
    assertThat(note.code()).isEqualTo("c");
    assertThat(note.args()).containsExactly("7", "x1, B, x2"); // 8 buyers, A known
  }

  @Test
  void noNoteWhenEveryBuyerHasARecord() {
    assertThat(UnknownPurchasers.among(BUYERS.size(), BUYERS::get, b -> true, 3).note("c")).isEmpty();
    assertThat(UnknownPurchasers.among(0, i -> { throw new AssertionError(); }, b -> false, 3).count()).isZero();
  }
}
