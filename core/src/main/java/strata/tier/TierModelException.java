package strata.tier;

/** A tier model file that cannot be used; the message names the tier and quotes the offending text. */
public class TierModelException extends RuntimeException {
  public TierModelException(String message) {
    super(message);
  }

  public TierModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
