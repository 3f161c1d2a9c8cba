package strata.forecast;

/** A history that cannot give a forecast, with a message a user can act on. */
public final class ForecastException extends RuntimeException {
  public ForecastException(String message) {
    super(message);
  }
}
