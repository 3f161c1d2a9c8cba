package strata.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies other than multipart uploads (JSON, in practice) while they are read: a declared
 * Content-Length over the limit is refused before reading, and a chunked body fails as soon as it passes the limit,
 * so the JSON parser never holds more than the limit. (Unlimited, six 119 MB bodies took the heap from 1 to 6.3 GB.)
 * Uploads have their own limits (spring.servlet.multipart.*).
 */
final class BodyLimit extends OncePerRequestFilter {
  /** Thrown by the body stream past the limit; {@link ProblemHandler} answers it 413. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("the request body is larger than " + limit + " bytes");
    }
  }

  private final long maxBytes;

  BodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      Problems.write(response, 413, Problems.PAYLOAD_TOO_LARGE, "a request body is at most " + maxBytes
          + " bytes; this one declares " + request.getContentLengthLong());
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) stream = new Counting(super.getInputStream(), maxBytes);
      return stream;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
          encoding != null ? java.nio.charset.Charset.forName(encoding) : java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    Counting(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) count(1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) count(n);
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > maxBytes) throw new TooLarge(maxBytes);
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
