package strata.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * User-visible text of the Java side lives in the labels bundles, read through {@link Labels}; a sentence picked inline
 * by a language test ({@code zh ? "模型" : "model"}) is one the bundle check never sees and a third language cannot
 * have. This test fails when such a choice comes back in the main sources of core, cli, server or spark.
 */
class NoInlineLanguageTextTest {
  /** A ternary on a language test whose branch is text: a string literal (or String.format of one) with a letter. */
  static final Pattern LANGUAGE_CHOICE = Pattern.compile(
      "(\\b(zh|chinese)|equals\\(\"zh\"\\)|\"zh\"\\.equals\\([^()]*\\)"
          + "|Locale\\.(SIMPLIFIED_)?CHINESE\\.equals\\([^()]*\\))"
          + "\\s*\\?\\s*(String\\.format\\([^\"]*)?\"[^\"]*\\p{L}");

  /** A ternary between a Chinese and an English literal, whatever its condition is called. */
  static final Pattern ZH_EN_PAIR = Pattern.compile(
      "\\?\\s*\"[^\"\\n]*\\p{IsHan}[^\"\\n]*\"\\s*:\\s*\"[^\"\\n]*[A-Za-z]"
          + "|\\?\\s*\"[^\"\\n]*[A-Za-z][^\"\\n]*\"\\s*:\\s*\"[^\"\\n]*\\p{IsHan}");

  @Test
  void noMainSourcePicksTextByLanguageInline() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("../cli/src/main/java"),
        Path.of("../server/src/main/java"), Path.of("../spark/src/main/java"))) {
      assertThat(root).isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          inlineChoices(Files.readString(file)).forEach(line -> found.add(file + ":" + line));
        }
      }
    }
    assertThat(found).as("move these texts to strata/labels*.properties and read them with Labels.text").isEmpty();
  }

  @Test
  void theScanFindsTheFormsInlineTextTook() {
    // The forms removed from PlanText, ClvSection, RunReport, PlanFiles and Output, and one spread over lines.
    assertThat(inlineChoices("sb.append(zh ? \"；取消：\" : \"; cancelled: \");")).containsExactly(1);
    assertThat(inlineChoices("x(locale.getLanguage().equals(\"zh\") ? \"；取消：\" : \"; cancelled: \")"))
        .containsExactly(1);
    String spread = "a();\nhtml.append(zh\n    ? \"客户生命周期价值\"\n    : \"Customer lifetime value\");";
    assertThat(inlineChoices(spread)).containsExactly(2);
    assertThat(inlineChoices("zh ? String.format(Locale.ROOT, \"留出期 %.0f 周\", w) : \"\"")).containsExactly(1);
    assertThat(inlineChoices("w.println(chinese ? \"notes\" : \"备注\");")).containsExactly(1);
    assertThat(inlineChoices("s = lang.equals(\"zh\") ? \"；模型：\" : \"; model: \";")).containsExactly(1);
    assertThat(inlineChoices("s = inChinese ? \"；模型：\" : \"; model: \";")).containsExactly(1);
  }

  @Test
  void choicesOfDataOrFormatsAreNotText() {
    // Tier names come from the model file in both languages; a currency symbol and a locale are not sentences.
    assertThat(inlineChoices("t.name(zh); String symbol = chinese ? \"¥\" : \"\";")).isEmpty();
    assertThat(inlineChoices("Locale l = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;")).isEmpty();
    assertThat(inlineChoices("String[] forms = {\"有限公司\", \"公司\"}; x = ok ? 1 : 2;")).isEmpty();
    assertThat(inlineChoices("String form = joinStock ? \"股份有限公司\" : \"有限公司\";")).isEmpty();
  }

  /** The 1-based lines where an inline language choice starts (a zh/en pair inside a choice found already is one). */
  static List<Integer> inlineChoices(String source) {
    List<Integer> lines = new ArrayList<>();
    Matcher choice = LANGUAGE_CHOICE.matcher(source);
    while (choice.find()) {
      lines.add(line(source, choice.start()));
    }
    Matcher branch = ZH_EN_PAIR.matcher(source);
    while (branch.find()) {
      int line = line(source, branch.start());
      if (!lines.contains(line) && !insideChoice(source, branch.start())) lines.add(line);
    }
    return lines;
  }

  private static boolean insideChoice(String source, int at) {
    Matcher choice = LANGUAGE_CHOICE.matcher(source);
    while (choice.find()) {
      if (choice.start() <= at && at < choice.end()) return true;
    }
    return false;
  }

  private static int line(String source, int at) {
    return (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
