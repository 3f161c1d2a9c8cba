package strata.tier;

import java.util.Map;

/**
 * Why a tier condition cannot be used, as data an editor can render in the user's language: a stable code, where it
 * is, and the pieces the sentence needs (always {@code token} when there is one: the operator, name or text at fault).
 * {@link ConditionErrorText} renders it from the labels bundles.
 *
 * @param code one of the constants below; {@link #INVALID_CONDITION} for anything not classified
 * @param column 1-based column in the condition text, 0 when the problem is not at one place
 * @param args named values for the sentence, e.g. {@code token=">"}; {@code left}/{@code right} are CEL type names
 */
public record ConditionError(String code, int column, Map<String, String> args) {
  public static final String EMPTY_CONDITION = "empty_condition";
  public static final String MISSING_OPERAND = "missing_operand";
  public static final String MISSING_CONNECTIVE = "missing_connective";
  public static final String UNEXPECTED_TOKEN = "unexpected_token";
  public static final String UNBALANCED_PAREN = "unbalanced_paren";
  public static final String UNBALANCED_QUOTE = "unbalanced_quote";
  public static final String WRONG_SYMBOL = "wrong_symbol";
  public static final String UNKNOWN_SYMBOL = "unknown_symbol";
  public static final String WORD_OPERATOR = "word_operator";
  public static final String NUMBER_TOO_LARGE = "number_too_large";
  public static final String UNKNOWN_METRIC = "unknown_metric";
  public static final String UNKNOWN_FUNCTION = "unknown_function";
  public static final String TYPE_MISMATCH = "type_mismatch";
  public static final String BAD_ARGUMENTS = "bad_arguments";
  public static final String NOT_BOOLEAN = "not_boolean";
  public static final String BAD_REGEX = "bad_regex";
  public static final String REGEX_TOO_LARGE = "regex_too_large";
  public static final String TOO_LONG = "too_long";
  public static final String INVALID_CONDITION = "invalid_condition";

  public ConditionError {
    args = Map.copyOf(args);
  }

  /** The offending token, or null. */
  public String token() {
    return args.get("token");
  }
}
