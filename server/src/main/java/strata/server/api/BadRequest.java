package strata.server.api;

import java.util.List;

/** A request the client must change: answered 400 (or {@link #status}) with field errors. */
public class BadRequest extends RuntimeException {
  public record FieldError(String field, String message) {}

  private final int status;
  private final List<?> errors;

  public BadRequest(String field, String message) {
    this(400, field + ": " + message, List.of(new FieldError(field, message)));
  }

  public BadRequest(int status, String detail, List<?> errors) {
    super(detail);
    this.status = status;
    this.errors = errors;
  }

  public int status() {
    return status;
  }

  /** Field errors: {@link FieldError}s, or richer records with at least {@code field} and {@code message}. */
  public List<?> errors() {
    return errors;
  }
}
