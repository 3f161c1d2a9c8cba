package strata.server.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error page for requests it refuses before Spring sees them (an encoded slash or NUL in the path, a URI
 * that is not UTF-8): problem details instead of Tomcat's HTML. Errors inside the application go to /error
 * ({@link ProblemErrorController}) and never reach this.
 */
public class ProblemReportValve extends ErrorReportValve {
  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) return;
    // Tomcat answers 400 here for paths it will not map (its own rules on %2F, %00, ..), so the path is the cause.
    String code = status == 400 ? Problems.INVALID_PATH : Problems.code(status);
    String detail = status == 400 ? "the request path is not allowed (encoded '/', '\\', NUL or invalid UTF-8)"
        : Problems.title(status);
    try {
      response.setContentType(Problems.MEDIA_TYPE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer out = response.getReporter();
      if (out != null) {
        out.write(Problems.json(status, code, detail));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was taken over; nothing left to tell it
    }
  }
}
