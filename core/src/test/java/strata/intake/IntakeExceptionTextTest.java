package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.i18n.Labels;
import strata.i18n.Note;
import strata.i18n.Placeholders;

/** Why an input cannot be used is a code and its values, said in the reader's language. */
class IntakeExceptionTextTest {
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  @TempDir Path dir;

  @Test
  void aMissingFileNamesItInEitherLanguage() {
    Path missing = dir.resolve("orders.csv");
    IntakeException e = catchThrowableOfType(IntakeException.class, () -> FormatSniffer.sniff(missing, FormatSniffer.Hints.NONE));
    assertThat(e.reason()).isEqualTo(new Note(IntakeException.NOT_FOUND, List.of(missing.toString())));
    assertThat(e.text(ZH)).isEqualTo(missing + "：找不到文件");
    assertThat(e.getMessage()).isEqualTo(missing + ": file not found");
  }

  @Test
  void anUnknownEncodingSaysWhatToUse() {
    IntakeException e = catchThrowableOfType(IntakeException.class, () -> Encodings.named("klingon"));
    assertThat(e.text(ZH)).isEqualTo("--encoding：未知的编码 'klingon'；请用 utf-8 或 gbk");
    assertThat(e.text(Locale.ENGLISH)).isEqualTo("--encoding: unknown encoding 'klingon'; use utf-8 or gbk");
  }

  @Test
  void everyCodeHasASentenceInBothLanguagesWithTheSameArguments() throws IllegalAccessException {
    for (java.lang.reflect.Field f : IntakeException.class.getFields()) {
      String key = "note." + f.get(null);
      String en = Labels.get(key, Locale.ENGLISH);
      String zh = Labels.get(key, ZH);
      assertThat(en).as(key).isNotEqualTo(key);
      assertThat(zh).as(key).isNotEqualTo(key).isNotEqualTo(en);
      assertThat(Placeholders.of(zh)).as(key).isEqualTo(Placeholders.of(en));
    }
  }
}
