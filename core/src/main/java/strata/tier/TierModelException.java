package strata.tier;

import java.util.Locale;

/**
 * A tier model file that cannot be used. {@link #error()} says why as a code and its values, {@link #text(Locale)}
 * in the reader's language; the message is the English text, naming the file, the tier and the offending text.
 * {@link #tierIndex()} / {@link #tierId()} locate it for editors that mark the offending rule.
 */
public class TierModelException extends RuntimeException {
  private final String source;
  private final TierModelError error;
  private final int tierIndex;
  private final String tierId;

  /** @param source names the file in the message, or null */
  public TierModelException(String source, TierModelError error) {
    this(source, error, null, -1, null);
  }

  TierModelException(String source, TierModelError error, Throwable cause) {
    this(source, error, cause, -1, null);
  }

  private TierModelException(String source, TierModelError error, Throwable cause, int tierIndex, String tierId) {
    super(text(source, error, Locale.ENGLISH), cause);
    this.source = source;
    this.error = error;
    this.tierIndex = tierIndex;
    this.tierId = tierId;
  }

  /** This error located at a tier (0-based position in the list); the first location given wins. */
  TierModelException at(int index, String id) {
    return tierIndex >= 0 ? this : new TierModelException(source, error.with("tier", id), getCause(), index, id);
  }

  /** Why, as a code and its values. */
  public TierModelError error() {
    return error;
  }

  /** The error in {@code locale}, after the file's name when there is one. */
  public String text(Locale locale) {
    return text(source, error, locale);
  }

  private static String text(String source, TierModelError error, Locale locale) {
    String text = TierModelErrorText.render(error, locale);
    return source == null ? text : source + ": " + text;
  }

  /** Position of the offending tier in the model's list, or -1 when the error is not about one tier. */
  public int tierIndex() {
    return tierIndex;
  }

  /** Why the tier's condition cannot be used, or null when the error is not about a condition. */
  public ConditionError condition() {
    return error.condition();
  }

  /** Id of the offending tier, or null (also when the tier has no valid id). */
  public String tierId() {
    return tierId;
  }
}
