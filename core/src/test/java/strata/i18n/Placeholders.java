package strata.i18n;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The placeholder names of a label ({@code {tier}}, {@code {0}}), so tests can require zh and en to take the same. */
public final class Placeholders {
  private static final Pattern NAME = Pattern.compile("\\{(\\w+)}");

  private Placeholders() {}

  public static TreeSet<String> of(String text) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) names.add(m.group(1));
    return names;
  }
}
