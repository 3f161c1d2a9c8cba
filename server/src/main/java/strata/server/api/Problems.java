package strata.server.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The stable {@code code} of each problem and the problem+json body for the places outside Spring MVC that answer
 * errors themselves: security's entry points, the firewall, the body limit, the /error page and Tomcat's valve.
 * Codes are part of the API (docs/api.md "Errors"); clients switch on them, never on {@code detail}.
 */
public final class Problems {
  public static final String INVALID_PATH = "invalid_path";
  public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
  public static final String MEDIA_TYPE = "application/problem+json";
  /** RFC 9457's type for problems that need no page of their own: the status and code say it all. */
  public static final java.net.URI ABOUT_BLANK = java.net.URI.create("about:blank");

  private static final Map<Integer, String> BY_STATUS = Map.ofEntries(Map.entry(400, "bad_request"),
      Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not_found"),
      Map.entry(405, "method_not_allowed"), Map.entry(406, "not_acceptable"), Map.entry(408, "request_timeout"),
      Map.entry(409, "conflict"), Map.entry(413, PAYLOAD_TOO_LARGE), Map.entry(414, "uri_too_long"),
      Map.entry(415, "unsupported_media_type"), Map.entry(422, "validation_failed"),
      Map.entry(429, "too_many_requests"), Map.entry(431, "headers_too_large"), Map.entry(500, "internal_error"),
      Map.entry(501, "not_implemented"), Map.entry(503, "unavailable"));

  private Problems() {}

  /** The code of a status when nothing more specific is known: {@code bad_request}, {@code not_found}, … */
  public static String code(int status) {
    String code = BY_STATUS.get(status);
    return code != null ? code : status >= 500 ? "internal_error" : "bad_request";
  }

  /** The reason phrase of a status, as the problem's {@code title}. */
  public static String title(int status) {
    HttpStatus s = HttpStatus.resolve(status);
    return s != null ? s.getReasonPhrase() : "Error";
  }

  /** Writes a problem as the whole response (which must not be committed yet). */
  public static void write(HttpServletResponse res, int status, String code, String detail) throws IOException {
    res.resetBuffer();
    res.setStatus(status);
    res.setContentType(MEDIA_TYPE);
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter().write(json(status, code, detail));
    res.flushBuffer();
  }

  /** The problem as JSON text, written by hand so Tomcat's valve needs nothing of Spring's context. */
  public static String json(int status, String code, String detail) {
    return "{\"type\":\"about:blank\",\"title\":" + quote(title(status)) + ",\"status\":" + status + ",\"detail\":"
        + quote(detail) + ",\"code\":" + quote(code) + "}";
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.append('"').toString();
  }
}
