package strata.server.api;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details with a stable machine {@code code} (clients branch and translate on it, the
 * {@code detail} is English for people); validation failures list their fields under {@code errors}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(BadRequest.class)
  ResponseEntity<ProblemDetail> badRequest(BadRequest e) {
    return problem(HttpStatus.valueOf(e.status()), e.code(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(TooManyRequests.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
    ProblemDetail body = body(HttpStatus.TOO_MANY_REQUESTS, e.code(), e.getMessage(), null);
    body.setProperty("retryAfterSeconds", e.retryAfterSeconds());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(body);
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<ProblemDetail> notFound(NotFound e) {
    return problem(HttpStatus.NOT_FOUND, null, e.getMessage(), null);
  }

  @ExceptionHandler(Conflict.class)
  ResponseEntity<ProblemDetail> conflict(Conflict e) {
    return problem(HttpStatus.CONFLICT, e.code(), e.getMessage(), null);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, null, e.getMessage(), null);
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(Exception e) {
    return problem(HttpStatus.FORBIDDEN, null, "your role may not do this", null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, null, "internal error; the server log has the details", null);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<BadRequest.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new BadRequest.FieldError(f.getField(), f.getDefaultMessage()))
        .toList();
    ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid_request", "invalid request body", errors);
    return ResponseEntity.badRequest().body(body);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    // Spring's own problems (bad JSON, wrong types, too large) keep a plain detail, never a stack or class name.
    if (body instanceof ProblemDetail p) {
      if (p.getDetail() == null) p.setDetail(p.getTitle());
      if (p.getProperties() == null || !p.getProperties().containsKey("code")) {
        p.setProperty("code", genericCode(p.getStatus()));
      }
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, List<?> errors) {
    return ResponseEntity.status(status).body(body(status, code, detail, errors));
  }

  private static ProblemDetail body(HttpStatus status, String code, String detail, List<?> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setProperty("code", code != null ? code : genericCode(status.value()));
    if (errors != null && !errors.isEmpty()) body.setProperty("errors", errors);
    return body;
  }

  /**
   * The code of a problem nobody gave a more precise one: the status in words ({@code not_found},
   * {@code payload_too_large}). Security's own 401/403 answers use the same ({@code unauthorized}, {@code forbidden}).
   */
  public static String genericCode(int status) {
    HttpStatus s = HttpStatus.resolve(status);
    return s == null ? "http_" + status : s.name().toLowerCase(java.util.Locale.ROOT);
  }
}
