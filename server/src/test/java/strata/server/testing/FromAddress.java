package strata.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sign-in from another loopback address (127.0.0.2, 127.0.0.3, …), so that the server sees a different client.
 * Java 17's HttpClient cannot choose its local address, hence one plain HTTP/1.1 request over a bound socket.
 */
public final class FromAddress {
  private FromAddress() {}

  public static Api.Response login(int port, String localAddress, String username, String password) {
    byte[] body = Api.MAPPER.writeValueAsBytes(Map.of("username", username, "password", password));
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      String head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return parse(s.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Api.Response parse(byte[] raw) {
    String all = new String(raw, StandardCharsets.UTF_8);
    int end = all.indexOf("\r\n\r\n");
    String[] lines = all.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    // The head is ASCII, so its character count is its byte count.
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) body = unchunk(body);
    return new Api.Response(status, new String(body, StandardCharsets.UTF_8),
        java.net.http.HttpHeaders.of(headers, (a, b) -> true));
  }

  private static byte[] unchunk(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String ascii = new String(in, StandardCharsets.ISO_8859_1); // one char a byte, for finding the size lines
    int at = 0;
    while (true) {
      int lineEnd = ascii.indexOf("\r\n", at);
      int size = Integer.parseInt(ascii.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) return out.toByteArray();
      out.write(in, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
