package strata.server.api;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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

  /**
   * A JSON value a controller could not convert (a number beyond range): the body's fault, not the server's. The
   * detail stays plain; Jackson's message names its classes.
   */
  @ExceptionHandler(tools.jackson.databind.exc.JsonNodeException.class)
  ResponseEntity<ProblemDetail> jsonValue(RuntimeException e) {
    return problem(HttpStatus.BAD_REQUEST, null, "a value in the body is out of range or of the wrong type", null);
  }

  @ExceptionHandler(BodyLimit.TooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(BodyLimit.TooLarge e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, null, e.getMessage(), null);
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
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // The body limit's exception reaches here wrapped by the JSON parser.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyLimit.TooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge).getBody());
      }
    }
    return super.handleHttpMessageNotReadable(e, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    // Spring's own problems (bad JSON, wrong types, too large) keep a plain detail, never a stack or class name.
    if (body instanceof ProblemDetail p) {
      if (p.getDetail() == null) p.setDetail(p.getTitle());
      if (p.getType() == null) p.setType(Problems.ABOUT_BLANK);
      if (p.getProperties() == null || !p.getProperties().containsKey("code")) {
        p.setProperty("code", Problems.code(status.value()));
      }
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, List<?> errors) {
    return ResponseEntity.status(status).body(body(status, code, detail, errors));
  }

  private static ProblemDetail body(HttpStatus status, String code, String detail, List<?> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(Problems.ABOUT_BLANK);
    body.setProperty("code", code != null ? code : Problems.code(status.value()));
    if (errors != null && !errors.isEmpty()) body.setProperty("errors", errors);
    return body;
  }
}
