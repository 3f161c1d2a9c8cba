package strata.server.api;

import java.util.List;

/** A request the client must change: answered 400 (or {@link #status}) with field errors. */
public class BadRequest extends RuntimeException {
  public record FieldError(String field, String message) {}

  private final int status;
  private final String code;
  private final List<?> errors;

  public BadRequest(String field, String message) {
    this(400, "invalid_request", field + ": " + message, List.of(new FieldError(field, message)));
  }

  public BadRequest(int status, String detail, List<?> errors) {
    this(status, null, detail, errors);
  }

  /** @param code the stable machine code of the problem; null for the status's generic one */
  public BadRequest(int status, String code, String detail, List<?> errors) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = errors;
  }

  /**
   * A list's {@code after=} cursor that cannot be read or belongs to another list or order: 400 {@code invalid_cursor}.
   */
  public static BadRequest invalidCursor(String message) {
    return new BadRequest(400, "invalid_cursor", "after: " + message, List.of(new FieldError("after", message)));
  }

  public int status() {
    return status;
  }

  /** The problem's stable {@code code}, or null for the status's generic one. */
  public String code() {
    return code;
  }

  /** Field errors: {@link FieldError}s, or richer records with at least {@code field} and {@code message}. */
  public List<?> errors() {
    return errors;
  }
}
