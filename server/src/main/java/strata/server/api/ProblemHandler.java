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
 * Every error as RFC 9457 problem details with a stable {@code code} ({@link Problems#code}); validation failures list
 * their fields under {@code errors}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(BadRequest.class)
  ResponseEntity<ProblemDetail> badRequest(BadRequest e) {
    return problem(HttpStatus.valueOf(e.status()), e.getMessage(), e.errors());
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<ProblemDetail> notFound(NotFound e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), null);
  }

  @ExceptionHandler(Conflict.class)
  ResponseEntity<ProblemDetail> conflict(Conflict e) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), null);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), null);
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(Exception e) {
    return problem(HttpStatus.FORBIDDEN, "your role may not do this", null);
  }

  /**
   * A JSON value a controller could not convert (a number beyond range): the body's fault, not the server's. The
   * detail stays plain; Jackson's message names its classes.
   */
  @ExceptionHandler(tools.jackson.databind.exc.JsonNodeException.class)
  ResponseEntity<ProblemDetail> jsonValue(RuntimeException e) {
    return problem(HttpStatus.BAD_REQUEST, "a value in the body is out of range or of the wrong type", null);
  }

  @ExceptionHandler(BodyLimit.TooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(BodyLimit.TooLarge e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details", null);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<BadRequest.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new BadRequest.FieldError(f.getField(), f.getDefaultMessage()))
        .toList();
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid request body");
    body.setType(Problems.ABOUT_BLANK);
    body.setProperty("code", Problems.code(400));
    body.setProperty("errors", errors);
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
      p.setProperty("code", Problems.code(status.value()));
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<?> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(Problems.ABOUT_BLANK);
    body.setProperty("code", Problems.code(status.value()));
    if (errors != null && !errors.isEmpty()) body.setProperty("errors", errors);
    return ResponseEntity.status(status).body(body);
  }
}
