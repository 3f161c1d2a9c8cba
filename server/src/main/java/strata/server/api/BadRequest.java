package strata.server.api;

import java.util.List;

/** A request the client must change: answered 400 (or {@link #status}) with field errors. */
public class BadRequest extends RuntimeException {
  public record FieldError(String field, String message) {}

  private final int status;
  private final List<FieldError> errors;

  public BadRequest(String field, String message) {
    this(400, field + ": " + message, List.of(new FieldError(field, message)));
  }

  public BadRequest(int status, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.errors = errors;
  }

  public int status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
