package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import strata.i18n.Note;
import strata.i18n.Placeholders;

/** Why a CLV model refuses is a code and its values, said in the reader's language wherever it lands. */
class ClvExceptionTextTest {
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  @Test
  void tooFewCustomersGiveTheModelTheMinimumAndTheCount() {
    // Three customers, where BG/NBD needs 20 (FitChecks.MIN_CUSTOMERS).
    CalibrationData few = new CalibrationData(new double[] {1, 2, 0}, new double[] {1, 2, 0}, new double[] {5, 5, 5});
    ClvException e = catchThrowableOfType(ClvException.class, () -> BgNbd.fit(few));
    assertThat(e.reason()).isEqualTo(new Note(ClvException.TOO_FEW_CUSTOMERS, List.of("BG/NBD", "20", "3")));
    assertThat(e.reason().text(ZH)).isEqualTo("BG/NBD 至少需要 20 位客户，现有 3 位");
    assertThat(e.getMessage()).isEqualTo("BG/NBD needs at least 20 customers, got 3");
  }

  @Test
  void aRunNoteGivesTheRefusalAsItsReasonInTheSameLanguage() {
    Note note = Note.of("clv_not_fitted").because(Note.of(ClvException.TOO_FEW_CUSTOMERS, "BG/NBD", 20, 3));
    assertThat(note.text(ZH)).isEqualTo("未计算 CLV 和仍活跃概率：BG/NBD 至少需要 20 位客户，现有 3 位");
    assertThat(note.text(Locale.ENGLISH)).isEqualTo("CLV and P(alive) not computed: BG/NBD needs at least 20 customers, got 3");
  }

  @Test
  void everyCodeHasASentenceInBothLanguagesWithTheSameArguments() {
    Placeholders.requireBothLanguages(ClvException.class, "note.");
  }
}
