package strata.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Run notes read in both languages: every code the sources use has a text in each, with the same placeholders. */
class NoteTest {
  private static final Pattern CODE = Pattern.compile("Note\\.of\\(\\s*\"([a-z0-9_]+)\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

  /** The codes written as {@code Note.of("code", …)} anywhere in core's sources. */
  private static Set<String> codesInSources() throws IOException {
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = CODE.matcher(Files.readString(f));
        while (m.find()) codes.add(m.group(1));
      }
    }
    return codes;
  }

  @Test
  void everyNoteTheSourcesWriteIsTranslatedWithTheSamePlaceholders() throws IOException {
    Set<String> codes = codesInSources();
    assertThat(codes).hasSizeGreaterThan(15);
    for (String code : codes) {
      String en = Labels.get("note." + code, Locale.ENGLISH);
      String zh = Labels.get("note." + code, Locale.SIMPLIFIED_CHINESE);
      assertThat(en).as(code).isNotEqualTo("note." + code);
      assertThat(zh).as(code).isNotEqualTo(en);
      assertThat(placeholders(zh)).as(code).isEqualTo(placeholders(en));
    }
  }

  @Test
  void argumentsAreSubstitutedAsWrittenInEitherLanguage() {
    Note note = Note.of("unknown_purchasers", 2, "c'7, X{1}");
    assertThat(note.text(Locale.ENGLISH))
        .isEqualTo("2 purchasing customer ids are not in the customers file (e.g. c'7, X{1}); they are scored as "
            + "customers without a profile");
    assertThat(note.text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("有 2 个购买客户的编号不在客户文件中（如 c'7, X{1}），按无档案客户评分");
    assertThat(note).hasToString(note.text(Locale.ENGLISH));
    assertThat(Note.of("unknown_purchasers", "{1}", "x").text(Locale.ENGLISH)).startsWith("{1} purchasing").contains("(e.g. x)");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    PLACEHOLDER.matcher(text).results().forEach(r -> found.add(r.group()));
    return found;
  }
}
