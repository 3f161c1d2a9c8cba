package strata.intake;

/** A problem with an input file as a whole (missing column, unreadable, nothing usable), worded for the user. */
public class IntakeException extends RuntimeException {
  public IntakeException(String message) {
    super(message);
  }

  public IntakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
