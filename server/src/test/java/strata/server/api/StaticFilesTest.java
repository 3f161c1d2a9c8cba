package strata.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.ServerTest;

/**
 * Caching and compression of the web UI's files: a hashed chunk under /assets/ is kept by the browser for a year, the
 * page that names the chunks is asked again each time, and scripts travel compressed. The chunk is a test resource
 * (static/assets/probe-B4xT9q2L.js), so the test does not depend on the names of the current build.
 */
class StaticFilesTest extends ServerTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @Test
  void hashedAssetsAreImmutableForAYearAndTheIndexIsRevalidated() throws Exception {
    HttpResponse<byte[]> chunk = get("/assets/probe-B4xT9q2L.js", "identity");
    assertThat(chunk.statusCode()).isEqualTo(200);
    assertThat(chunk.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
    assertThat(chunk.headers().firstValue("Pragma")).isEmpty();

    for (String page : new String[] {"/", "/index.html", "/customers/C001"}) {
      HttpResponse<byte[]> index = get(page, "identity");
      assertThat(index.statusCode()).as(page).isEqualTo(200);
      assertThat(index.headers().firstValue("Cache-Control")).as(page).hasValue("no-cache");
    }
  }

  @Test
  void scriptsAreSentGzippedToAClientThatAcceptsIt() throws Exception {
    byte[] plain = get("/assets/probe-B4xT9q2L.js", "identity").body();
    HttpResponse<byte[]> zipped = get("/assets/probe-B4xT9q2L.js", "gzip, br");
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
    assertThat(zipped.body().length).isLessThan(plain.length / 4); // 120 near-identical lines
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(new String(plain, StandardCharsets.UTF_8));
    }
  }

  private HttpResponse<byte[]> get(String path, String encodings) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept-Encoding", encodings).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
