package strata.i18n;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note a run leaves for its reader (a model not fitted, ids that differ only by case …): a stable code and its
 * arguments, so the CLI, the report and the server can each say it in their reader's language ({@code note.<code>}
 * in the labels bundles, with {@code {0}}, {@code {1}} … for the arguments).
 *
 * @param args already formatted for any language (counts, ids, rounded figures, a library's own message)
 * @param because why, itself a note (a model's refusal under "CLV not computed: …"), or null; it reads as the
 *     argument after the last of {@code args}, in the same language
 */
public record Note(String code, List<String> args, Note because) implements Serializable {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  public Note {
    args = List.copyOf(args);
  }

  public Note(String code, List<String> args) {
    this(code, args, null);
  }

  /** This note with the reason it gives. */
  public Note because(Note reason) {
    return new Note(code, args, reason);
  }

  /** Numbers are written with {@link String#valueOf}; format them first when they need rounding. */
  public static Note of(String code, Object... args) {
    List<String> text = new ArrayList<>(args.length);
    for (Object a : args) text.add(String.valueOf(a));
    return new Note(code, text);
  }

  public String text(Locale locale) {
    // One pass, not MessageFormat: an apostrophe stays as written, and an argument holding "{1}" (a customer id can)
    // is not substituted again.
    return PLACEHOLDER.matcher(Labels.get("note." + code, locale)).replaceAll(m -> {
      int i = Integer.parseInt(m.group(1));
      String value = i < args.size() ? args.get(i) : i == args.size() && because != null ? because.text(locale) : null;
      return Matcher.quoteReplacement(value != null ? value : m.group());
    });
  }

  /** English, for logs and for callers without a reader's language. */
  @Override
  public String toString() {
    return text(Locale.ENGLISH);
  }
}
