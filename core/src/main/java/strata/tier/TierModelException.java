package strata.tier;

/**
 * A tier model file that cannot be used; the message names the tier and quotes the offending text, and
 * {@link #tierIndex()} / {@link #tierId()} locate it for editors that mark the offending rule.
 */
public class TierModelException extends RuntimeException {
  private final int tierIndex;
  private final String tierId;
  private final ConditionError condition;

  public TierModelException(String message) {
    this(message, null, -1, null, null);
  }

  public TierModelException(String message, Throwable cause) {
    this(message, cause, -1, null, null);
  }

  /** A tier condition that cannot be used, with the structured reason editors render. */
  TierModelException(String message, ConditionError condition) {
    this(message, null, -1, null, condition);
  }

  private TierModelException(String message, Throwable cause, int tierIndex, String tierId, ConditionError condition) {
    super(message, cause);
    this.tierIndex = tierIndex;
    this.tierId = tierId;
    this.condition = condition;
  }

  /** This error located at a tier (0-based position in the list); the first location given wins. */
  TierModelException at(int index, String id) {
    return tierIndex >= 0 ? this : new TierModelException(getMessage(), getCause(), index, id, condition);
  }

  /** Position of the offending tier in the model's list, or -1 when the error is not about one tier. */
  public int tierIndex() {
    return tierIndex;
  }

  /** Why the tier's condition cannot be used, or null when the error is not about a condition. */
  public ConditionError condition() {
    return condition;
  }

  /** Id of the offending tier, or null (also when the tier has no valid id). */
  public String tierId() {
    return tierId;
  }
}
