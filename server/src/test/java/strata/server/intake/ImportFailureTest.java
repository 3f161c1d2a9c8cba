package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import strata.i18n.Note;
import strata.intake.IntakeException;

/** How an import's failure is stored in import_job.error (varchar 4000) and read back for the API. */
class ImportFailureTest {
  @Test
  void aStoredFailureReadsInBothLanguagesFromItsCodeAndValues() {
    String stored = ImportFailure.stored(Note.of(IntakeException.NO_ROWS, "o.csv", 0, 0));
    assertThat(stored).isEqualTo("{\"code\":\"intake_no_rows\",\"args\":[\"o.csv\",\"0\",\"0\"],\"because\":null}");
    // note.intake_no_rows in labels.properties and labels_zh.properties.
    assertThat(ImportFailure.read(stored)).isEqualTo(new ImportFailure("intake_no_rows",
        "o.csv：没有可用的行（读取 0 行，拒绝 0 行）", "o.csv: no usable rows (0 read, 0 rejected)"));
  }

  @Test
  void aFailureTooLongForTheColumnKeepsItsCodeAndTheStartOfEachValue() {
    // A file with 2,000 headers of three letters: "abc, abc, …" is 9,998 characters, more than the column holds.
    String headers = String.join(", ", java.util.Collections.nCopies(2_000, "abc"));
    String stored = ImportFailure.stored(Note.of(IntakeException.NO_COLUMN, "wide.csv", "amount", "amount, 金额",
        headers));
    assertThat(stored.length()).isLessThanOrEqualTo(ImportFailure.MAX_STORED);
    ImportFailure read = ImportFailure.read(stored);
    assertThat(read.code()).isEqualTo("intake_no_column");
    assertThat(read.en()).startsWith("wide.csv: no amount column; expected a header such as amount, 金额; "
        + "headers found: abc, abc, abc").contains("…. Name it with --map amount=<header>");
  }

  @Test
  void textStoredBeforeFailuresHadCodesIsShownAsWrittenWithoutACode() {
    for (String old : new String[] {"internal error while importing; the server log has the details",
        "{\"code\": 1}", "{broken", "{\"args\":[\"x\"]}"}) {
      assertThat(ImportFailure.read(old)).as(old).isEqualTo(new ImportFailure(null, old, old));
    }
    assertThat(ImportFailure.read(null)).isNull();
  }
}
