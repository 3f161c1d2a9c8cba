package strata.tier;

/**
 * A tier model file that cannot be used; the message names the tier and quotes the offending text, and
 * {@link #tierIndex()} / {@link #tierId()} locate it for editors that mark the offending rule.
 */
public class TierModelException extends RuntimeException {
  private final int tierIndex;
  private final String tierId;

  public TierModelException(String message) {
    this(message, null, -1, null);
  }

  public TierModelException(String message, Throwable cause) {
    this(message, cause, -1, null);
  }

  private TierModelException(String message, Throwable cause, int tierIndex, String tierId) {
    super(message, cause);
    this.tierIndex = tierIndex;
    this.tierId = tierId;
  }

  /** This error located at a tier (0-based position in the list); the first location given wins. */
  TierModelException at(int index, String id) {
    return tierIndex >= 0 ? this : new TierModelException(getMessage(), getCause(), index, id);
  }

  /** Position of the offending tier in the model's list, or -1 when the error is not about one tier. */
  public int tierIndex() {
    return tierIndex;
  }

  /** Id of the offending tier, or null (also when the tier has no valid id). */
  public String tierId() {
    return tierId;
  }
}
