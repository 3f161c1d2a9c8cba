package strata.server.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /error, where the servlet container sends errors raised outside Spring MVC (a filter's sendError, an exception
 * thrown from a filter): problem details instead of Spring Boot's own error JSON. A request for /error itself is a
 * 404, since there is no such page.
 */
@RestController
class ProblemErrorController implements ErrorController {
  @RequestMapping(path = "/error", produces = {Problems.MEDIA_TYPE, MediaType.ALL_VALUE})
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = statusAttribute instanceof Integer s ? s : 404;
    String code = Problems.code(status);
    String detail = statusAttribute == null ? "no such resource" : Problems.title(status);
    if (exception instanceof RequestRejectedException) {
      status = 400;
      code = Problems.INVALID_PATH;
      detail = "the request path is not allowed";
    } else if (status >= 500) {
      detail = "internal error; the server log has the details";
    }
    ProblemDetail body = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(status),
        detail);
    body.setType(Problems.ABOUT_BLANK);
    body.setProperty("code", code);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
