package strata.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the API tests: requests go through the server's whole stack, security included. */
public final class Api {
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      return MAPPER.readTree(body);
    }
  }

  public static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  public Api(int port) {
    this("http://localhost:" + port, null);
  }

  private Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** This client signed in as the user; fails the test if sign-in fails. */
  public Api as(String username, String password) {
    Response r = post("/api/v1/auth/login", Map.of("username", username, "password", password));
    if (r.status() != 200) throw new AssertionError("sign-in of " + username + " failed: " + r.status() + " " + r.body());
    return new Api(base, r.json().get("token").asString());
  }

  public Api withToken(String bearer) {
    return new Api(base, bearer);
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  /** A GET whose body is binary (a workbook download). */
  public byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> r = CLIENT.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) throw new AssertionError(path + " answered " + r.statusCode());
      return r.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response delete(String path) {
    return send(builder(path).DELETE());
  }

  public Response post(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json").POST(json(body)));
  }

  public Response put(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json").PUT(json(body)));
  }

  public Response patch(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json").method("PATCH", json(body)));
  }

  /** A request with a raw body and content type, for malformed input. */
  public Response raw(String method, String path, String contentType, byte[] body) {
    return send(builder(path).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : MAPPER.writeValueAsString(body));
  }
}
