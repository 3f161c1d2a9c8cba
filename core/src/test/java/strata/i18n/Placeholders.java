package strata.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder names of a label ({@code {tier}}, {@code {0}}), so tests can require zh and en to take the same; and
 * that check for every code a class declares.
 */
public final class Placeholders {
  private static final Pattern NAME = Pattern.compile("\\{(\\w+)}");

  private Placeholders() {}

  public static TreeSet<String> of(String text) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) names.add(m.group(1));
    return names;
  }

  /**
   * Requires every public constant of {@code codes} (an exception's codes) to have a label {@code prefix + code} in
   * en and in zh, different from each other and from the key, taking the same placeholders.
   */
  public static void requireBothLanguages(Class<?> codes, String prefix) {
    for (java.lang.reflect.Field f : codes.getFields()) {
      if (f.getType() != String.class || !java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
      String key;
      try {
        key = prefix + f.get(null);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
      String en = Labels.get(key, Locale.ENGLISH);
      String zh = Labels.get(key, Locale.SIMPLIFIED_CHINESE);
      assertThat(en).as(key).isNotEqualTo(key);
      assertThat(zh).as(key).isNotEqualTo(key).isNotEqualTo(en);
      assertThat(of(zh)).as(key).isEqualTo(of(en));
    }
  }
}
