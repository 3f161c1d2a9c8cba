package strata.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;

/**
 * Hostile requests: every error, whoever produces it (a controller, Spring, Spring Security's firewall, Tomcat), is
 * problem details with a stable {@code code}, never a 500, an HTML page or Spring's own error JSON.
 */
class ProblemsApiTest extends ServerTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  /** Asserts problem details with the status and code, and returns them. */
  private static Api.Response problem(Api.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).as(r.body()).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    var json = r.json();
    assertThat(json.get("status").asInt()).isEqualTo(status);
    assertThat(json.get("code").asString()).as(r.body()).isEqualTo(code);
    assertThat(json.get("title").asString()).isNotBlank();
    assertThat(json.get("detail").asString()).isNotBlank();
    assertThat(json.get("type").asString()).isNotBlank();
    return r;
  }

  @Test
  void emptyOrMalformedSortsAre400NamingTheField() {
    new TestData(db, summaries).customer("S1", "Sort", "o").purchase("S1", "2024-01-02", 10).commit();
    Api admin = admin();
    int run = admin.post("/api/v1/runs", Map.of()).json().get("id").asInt();
    for (int i = 0; i < 200 && !admin.get("/api/v1/runs/" + run).json().get("status").asString().equals("succeeded");
        i++) {
      sleep(50);
    }
    for (String sort : new String[] {",", ",desc", ";drop", "name,sideways", "name,asc,extra"}) {
      Api.Response r = problem(admin.get("/api/v1/customers?sort=" + sort), 400, "invalid_request");
      assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
      problem(admin.get("/api/v1/customers/export?sort=" + sort), 400, "invalid_request");
    }
  }

  @Test
  void pathsTheFirewallOrTomcatRefuseAreProblemDetails() {
    Api admin = admin();
    for (String path : new String[] {"/api/v1/customers/a%2Fb", "/api/v1/customers/a%00b", "/api/v1/runs;jsessionid=1",
        "/api/v1/customers/a%25%32%66b", "/api/v1/customers/%2e%2e/users", "/api/v1/customers/a%5Cb",
        "/api/v1/customers/%ff%fe"}) {
      Api.Response r = admin.get(path);
      assertThat(r.status()).as(path).isEqualTo(400);
      problem(r, 400, "invalid_path");
    }
  }

  @Test
  void aRequestLineTomcatCannotParseIsProblemDetailsToo() throws IOException {
    // Characters no client may send unencoded: Tomcat refuses them while parsing, before any servlet.
    for (String target : new String[] {"/api/v1/customers/a{b}", "/api/v1/customers/a|b", "/api/v1/customers/a\"b"}) {
      try (Socket s = new Socket("localhost", port)) {
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        String answer = readAnswer(s.getInputStream());
        assertThat(answer).as(target).startsWith("HTTP/1.1 400").contains("application/problem+json")
            .contains("\"code\":\"invalid_path\"");
      }
    }
  }

  @Test
  void unknownPathsWrongMethodsAndTheErrorPageItselfAreProblemDetails() {
    Api admin = admin();
    problem(admin.get("/api/v1/nothing-here"), 404, "not_found");
    problem(admin.delete("/api/v1/runs"), 405, "method_not_allowed");
    problem(admin.raw("POST", "/api/v1/runs", "text/plain", "hello".getBytes()), 415, "unsupported_media_type");
    problem(admin.get("/error"), 404, "not_found");
    problem(anonymous().get("/error"), 404, "not_found");
    problem(anonymous().get("/api/v1/runs"), 401, "unauthorized");
    problem(admin.get("/api/v1/runs/not-a-number"), 400, "bad_request");
    problem(admin.get("/api/v1/runs?page=-1"), 400, "invalid_request");
    problem(admin.raw("POST", "/api/v1/runs", "application/json", "{\"asOf\":".getBytes()), 400, "bad_request");
  }

  @Test
  void aTierRegexThatCannotCompileIsAValidationErrorNamingTheTier() {
    String yaml = "tiers:\n  - id: east\n    when: region.matches('[')\n  - id: rest\n    when: true\n";
    Api.Response r = problem(admin().post("/api/v1/model/validate", Map.of("yaml", yaml)), 422, "validation_failed");
    assertThat(r.json().get("errors").get(0).get("tier").asString()).isEqualTo("east");
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("tiers[0].when");
  }

  @Test
  void aJsonBodyOverTheLimitIsRefusedWhileItStreams() throws IOException {
    // 40 MiB of records sent chunked, so no Content-Length warns the server: it must stop reading at its limit
    // (32 MiB) rather than parse everything first.
    String bearer = login();
    try (Socket s = new Socket("localhost", port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/v1/batch/transactions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bearer
          + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      byte[] record = "{\"recordId\":\"r\",\"customerId\":\"c\",\"date\":\"2024-01-01\",\"amount\":1},"
          .repeat(1000).getBytes(StandardCharsets.UTF_8);
      long sent = 0;
      long total = 200L << 20;
      try {
        chunk(out, "[".getBytes(StandardCharsets.UTF_8));
        while (sent < total) {
          chunk(out, record);
          sent += record.length;
        }
      } catch (IOException refused) {
        // the server answered and closed the connection: what we want
      }
      assertThat(sent).as("bytes sent before the server stopped reading").isLessThan(64L << 20);
      String answer = readAnswer(s.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
          .contains("\"code\":\"payload_too_large\"");
    }
  }

  @Test
  void aDeclaredContentLengthOverTheLimitIsRefusedBeforeReading() throws IOException {
    try (Socket s = new Socket("localhost", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(("POST /api/v1/batch/transactions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
          + login() + "\r\nContent-Type: application/json\r\nContent-Length: " + (40L << 20) + "\r\n\r\n[")
          .getBytes(StandardCharsets.UTF_8));
      String answer = readAnswer(s.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
          .contains("\"code\":\"payload_too_large\"");
    }
  }

  /** The response as far as the server sent it before closing (a reset after it is fine). */
  private static String readAnswer(java.io.InputStream in) {
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        got.write(buf, 0, n);
        if (got.toString(StandardCharsets.UTF_8).contains("}")) break;
      }
    } catch (IOException closed) {
      // keep what arrived
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  private String login() {
    return anonymous().post("/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD)).json()
        .get("token").asString();
  }

  private static void chunk(OutputStream out, byte[] data) throws IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
