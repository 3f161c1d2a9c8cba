package strata.churn;

/** The classifier cannot run on these data; the message says why, for the user. */
public final class ChurnException extends RuntimeException {
  public ChurnException(String message) {
    super(message);
  }
}
