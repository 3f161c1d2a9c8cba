package strata.tier;

import dev.cel.common.CelIssue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the CEL compiler's first complaint about a condition into a {@link ConditionError}. CEL reports ANTLR's
 * wording ("mismatched input '<EOF>' expecting {'[', '{', …}"), which tells a rule writer nothing; the patterns below
 * are the messages CEL 0.x gives (seen by compiling malformed conditions, see ConditionErrorsTest), and anything else
 * falls back to {@link ConditionError#INVALID_CONDITION} with the first line of CEL's message.
 */
final class ConditionErrors {
  private static final Pattern TOKEN_RECOGNITION = Pattern.compile("token recognition error at: '(.*)'", Pattern.DOTALL);
  private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*?)' expecting (.*)", Pattern.DOTALL);
  private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*?)' expecting (.*)", Pattern.DOTALL);
  private static final Pattern MISSING = Pattern.compile("missing '(.*?)' at '(.*?)'", Pattern.DOTALL);
  private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*)'", Pattern.DOTALL);
  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'");
  private static final Pattern OVERLOAD = Pattern.compile("found no matching overload for '([^']*)' applied to '\\((.*?)\\)'");
  private static final Pattern NUMBER = Pattern.compile("For input string: \"([^\"]*)\"");
  /** Operators an operand must follow, longest first so ">=" is not read as "=". */
  private static final Pattern TRAILING_OPERATOR =
      Pattern.compile("(&&|\\|\\||==|!=|<=|>=|<|>|\\+|-|\\*|/|%|!|\\(|\\[|,|\\?|:|\\bin)\\s*$");
  private static final Map<String, String> WORDS = Map.of("and", "&&", "or", "||", "not", "!", "AND", "&&", "OR", "||",
      "NOT", "!");
  /** Symbols people type for CEL's: full-width punctuation from a Chinese keyboard, maths signs, single = | &. */
  private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("=", "=="), Map.entry("|", "||"),
      Map.entry("&", "&&"), Map.entry("≥", ">="), Map.entry("≤", "<="), Map.entry("≠", "!="), Map.entry("＝", "=="),
      Map.entry("＞", ">"), Map.entry("＜", "<"), Map.entry("（", "("), Map.entry("）", ")"), Map.entry("，", ","),
      Map.entry("‘", "'"), Map.entry("’", "'"), Map.entry("“", "\""), Map.entry("”", "\""), Map.entry("！", "!"));
  private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("_==_", "=="), Map.entry("_!=_", "!="),
      Map.entry("_<_", "<"), Map.entry("_<=_", "<="), Map.entry("_>_", ">"), Map.entry("_>=_", ">="),
      Map.entry("_&&_", "&&"), Map.entry("_||_", "||"), Map.entry("_+_", "+"), Map.entry("_-_", "-"),
      Map.entry("_*_", "*"), Map.entry("_/_", "/"), Map.entry("_%_", "%"), Map.entry("!_", "!"), Map.entry("-_", "-"),
      Map.entry("@in", "in"), Map.entry("_?_:_", "?:"), Map.entry("_[_]", "[]"));

  private ConditionErrors() {}

  static ConditionError classify(String condition, CelIssue issue) {
    String message = issue.getMessage() == null ? "" : issue.getMessage();
    int at = Math.max(0, issue.getSourceLocation().getColumn());
    int column = at + 1;
    Matcher m;
    if ((m = TOKEN_RECOGNITION.matcher(message)).find()) return symbol(condition, m.group(1), at);
    if ((m = MISSING.matcher(message)).find()) {
      String open = m.group(1).equals("]") ? "[" : "(";
      return error(ConditionError.UNBALANCED_PAREN, column, "token", open);
    }
    if ((m = MISMATCHED.matcher(message)).find()) return mismatched(condition, m.group(1), m.group(2), at);
    if ((m = EXTRANEOUS.matcher(message)).find()) return extraneous(m.group(1), m.group(2), column);
    if ((m = NO_VIABLE.matcher(message)).find()) {
      String input = m.group(1).strip();
      String last = input.isEmpty() ? "" : input.substring(input.lastIndexOf(' ') + 1);
      return TRAILING_OPERATOR.matcher(input).find() && condition.substring(Math.min(at, condition.length())).isBlank()
          ? error(ConditionError.MISSING_OPERAND, column, "token", last)
          : error(ConditionError.UNEXPECTED_TOKEN, column, "token", last);
    }
    if ((m = NUMBER.matcher(message)).find()) return error(ConditionError.NUMBER_TOO_LARGE, column, "token", m.group(1));
    if ((m = UNDECLARED.matcher(message)).find()) return undeclared(condition, m.group(1), at);
    if ((m = OVERLOAD.matcher(message)).find()) return overload(m.group(1), m.group(2), column);
    return error(ConditionError.INVALID_CONDITION, column, "detail", firstLine(message));
  }

  /**
   * A character the lexer does not know: an unclosed quote, a symbol with a CEL spelling, or a letter CEL names
   * cannot hold (a metric written in Chinese, 客户等级), then the whole word is the unknown metric.
   */
  private static ConditionError symbol(String condition, String text, int at) {
    int column = at + 1;
    String first = text.isEmpty() ? "" : new String(Character.toChars(text.codePointAt(0)));
    if (!first.isEmpty() && Character.isLetter(first.codePointAt(0))) {
      int start = Math.min(condition.offsetByCodePoints(0, Math.min(at, condition.codePointCount(0,
          condition.length()))), condition.length());
      int end = start;
      while (end < condition.length() && (Character.isLetterOrDigit(condition.codePointAt(end))
          || condition.charAt(end) == '_')) {
        end += Character.charCount(condition.codePointAt(end));
      }
      return error(ConditionError.UNKNOWN_METRIC, column, "token", end > start ? condition.substring(start, end) : first);
    }
    if (first.equals("'") || first.equals("\"")) return error(ConditionError.UNBALANCED_QUOTE, column, "token", first);
    String instead = SYMBOLS.get(first);
    return instead == null ? error(ConditionError.UNKNOWN_SYMBOL, column, "token", first)
        : error(ConditionError.WRONG_SYMBOL, column, "token", first, "suggestion", instead);
  }

  private static ConditionError mismatched(String condition, String input, String expecting, int at) {
    int column = at + 1;
    if (WORDS.containsKey(input)) return error(ConditionError.WORD_OPERATOR, column, "token", input, "suggestion",
        WORDS.get(input));
    if (!input.equals("<EOF>")) {
      // Expecting the end or an operator: the input starts a second comparison with no && or || before it.
      return expecting.startsWith("{<EOF>") ? error(ConditionError.MISSING_CONNECTIVE, column, "token", input)
          : error(ConditionError.UNEXPECTED_TOKEN, column, "token", input);
    }
    if (expecting.startsWith("{']'") || expecting.startsWith("']'")) {
      return error(ConditionError.UNBALANCED_PAREN, column, "token", "[");
    }
    if (expecting.startsWith("')'") || expecting.startsWith("{')'")) {
      return error(ConditionError.UNBALANCED_PAREN, column, "token", "(");
    }
    String before = condition.substring(0, Math.min(at, condition.length())).stripTrailing();
    if (before.isEmpty()) return error(ConditionError.EMPTY_CONDITION, 0);
    Matcher op = TRAILING_OPERATOR.matcher(before);
    return op.find() ? error(ConditionError.MISSING_OPERAND, column, "token", op.group(1))
        : error(ConditionError.UNEXPECTED_TOKEN, column, "token", "<EOF>");
  }

  private static ConditionError extraneous(String input, String expecting, int column) {
    if (WORDS.containsKey(input)) return error(ConditionError.WORD_OPERATOR, column, "token", input, "suggestion",
        WORDS.get(input));
    if (input.equals(")") || input.equals("]")) return error(ConditionError.UNBALANCED_PAREN, column, "token", input);
    return expecting.startsWith("<EOF>") || expecting.startsWith("{<EOF>") ? error(ConditionError.MISSING_CONNECTIVE, column, "token", input)
        : error(ConditionError.UNEXPECTED_TOKEN, column, "token", input);
  }

  /** An unknown name: a function when a '(' follows it, else a metric, with the nearest metric's name if close. */
  private static ConditionError undeclared(String condition, String name, int at) {
    int end = condition.indexOf(name, Math.max(0, Math.min(at, condition.length()) - name.length()));
    boolean call = end >= 0 && condition.substring(end + name.length()).stripLeading().startsWith("(");
    if (call) return error(ConditionError.UNKNOWN_FUNCTION, at + 1, "token", name);
    String nearest = nearestMetric(name);
    return nearest == null ? error(ConditionError.UNKNOWN_METRIC, at + 1, "token", name)
        : error(ConditionError.UNKNOWN_METRIC, at + 1, "token", name, "suggestion", nearest);
  }

  private static ConditionError overload(String function, String types, int column) {
    String[] sides = types.split(",\\s*");
    String operator = OPERATORS.get(function);
    if (operator == null) {
      return error(ConditionError.BAD_ARGUMENTS, column, "token", function, "left", String.join(", ", sides));
    }
    return sides.length >= 2 ? error(ConditionError.TYPE_MISMATCH, column, "token", operator, "left", sides[0],
        "right", sides[1]) : error(ConditionError.TYPE_MISMATCH, column, "token", operator, "left", sides[0],
        "right", sides[0]);
  }

  /** The metric within two edits of {@code name} (typos such as abc_clas), or null when none is that close. */
  static String nearestMetric(String name) {
    if (name.length() > 64) return null;
    return Arrays.stream(Metric.values()).map(Metric::variable)
        .filter(v -> editDistance(v, name) <= 2)
        .min(java.util.Comparator.comparingInt((String v) -> editDistance(v, name)).thenComparing(v -> v))
        .orElse(null);
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  static ConditionError error(String code, int column, String... keyValues) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) args.put(keyValues[i], clip(keyValues[i + 1]));
    return new ConditionError(code, column, args);
  }

  /** Offending text is quoted back to the user: a 4,000-character token must not become a 4,000-character message. */
  private static String clip(String text) {
    return text.codePointCount(0, text.length()) <= 60 ? text : text.substring(0, text.offsetByCodePoints(0, 57)) + "…";
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse("").strip();
  }
}
