package strata.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;

/** Operations endpoints, the OpenAPI description, and error bodies for requests the API cannot take. */
class OpsApiTest extends ServerTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @Test
  void healthIsOpenMetricsAreForAdmins() {
    assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    Api admin = admin();
    admin.post("/api/v1/users", Map.of("username", "ana", "password", "ana-password-1", "role", "analyst"));
    assertThat(anonymous().as("ana", "ana-password-1").get("/actuator/prometheus").status()).isEqualTo(403);
    Api.Response metrics = admin.get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("http_server_requests");
  }

  @Test
  void deepLinksLoadTheWebUiButUnknownApiPathsStay404() {
    for (String path : new String[] {"/", "/signin", "/customers", "/customers/C001", "/model"}) {
      Api.Response r = anonymous().get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).contains("<div id=\"root\">");
    }
    assertThat(admin().get("/api/v1/nothing-here").status()).isEqualTo(404);
    assertThat(anonymous().get("/favicon-missing.ico").status()).isEqualTo(404);
  }

  @Test
  void theOpenApiDescriptionListsTheEndpoints() {
    Api.Response r = anonymous().get("/api/v1/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("paths").propertyNames())
        .contains("/api/v1/customers", "/api/v1/runs", "/api/v1/imports", "/api/v1/model/dry-run",
            "/api/v1/migrations", "/api/v1/batch/{kind}", "/api/v1/customers/{id}/override");
  }

  @Test
  void requestsTheApiCannotTakeGetProblemDetails() {
    Api admin = admin();
    Api.Response wrongType = admin.raw("POST", "/api/v1/runs", "text/plain", "hello".getBytes());
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.json().get("status").asInt()).isEqualTo(415);
    assertThat(admin.get("/api/v1/runs/not-a-number").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/runs/999").json().get("detail").asString()).isEqualTo("no run 999");
    assertThat(admin.raw("PUT", "/api/v1/model", "application/json", "{\"yaml\": 12}".getBytes()).status())
        .isIn(400, 422);
    assertThat(admin.get("/api/v1/customers").status()).isEqualTo(404); // no run yet: nothing to list
  }
}
