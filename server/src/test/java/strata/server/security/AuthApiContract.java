package strata.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;

/** Sign-in, tokens, roles and bad input; run on the embedded database ({@link AuthApiTest}) and on PostgreSQL. */
abstract class AuthApiContract extends ServerTest {
  @Autowired JdbcClient db;

  Api anon() {
    return anonymous();
  }

  Api asAdmin() {
    return admin();
  }

  @Test
  void dataNeedsSignIn() {
    Api.Response r = anon().get("/api/v1/me");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(r.json().get("status").asInt()).isEqualTo(401);
    assertThat(r.json().get("code").asString()).isEqualTo("unauthorized");
  }

  @Test
  void signInGivesATokenThatIdentifiesTheUser() {
    Api.Response me = asAdmin().get("/api/v1/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("role").asString()).isEqualTo("admin");
  }

  @Test
  void wrongPasswordIs401AndAudited() {
    Api.Response r = anon().post("/api/v1/auth/login", Map.of("username", "admin", "password", "wrong-password"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("code").asString()).isEqualTo("signin_failed");
    Api.Response audit = asAdmin().get("/api/v1/audit?action=login_failed");
    assertThat(audit.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void loggedOutTokenNoLongerWorks() {
    Api a = asAdmin();
    assertThat(a.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
    assertThat(a.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void forgedTokenIs401() {
    assertThat(anon().withToken("sts_forged").get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void salesUserCannotManageUsersAndApiTokensWork() {
    Api admin = asAdmin();
    Api.Response created = admin.post("/api/v1/users", Map.of("username", "rep1", "password", "rep-password-1",
        "role", "sales", "owner", "张伟"));
    assertThat(created.status()).isEqualTo(201);
    Api rep = anon().as("rep1", "rep-password-1");
    assertThat(rep.get("/api/v1/users").status()).isEqualTo(403);
    Api.Response unbounded = rep.post("/api/v1/tokens", Map.of("name", "crm"));
    assertThat(unbounded.status()).isEqualTo(400);
    assertThat(unbounded.json().get("code").asString()).isEqualTo("token_unbounded");
    Api.Response token = rep.post("/api/v1/tokens", Map.of("name", "crm", "scope", "read"));
    assertThat(token.status()).isEqualTo(201);
    Api machine = anon().withToken(token.json().get("token").asString());
    assertThat(machine.get("/api/v1/me").json().get("owner").asString()).isEqualTo("张伟");
    assertThat(rep.delete("/api/v1/tokens/" + token.json().get("id").asLong()).status()).isEqualTo(204);
    assertThat(machine.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void badUserInputIsA400WithFieldErrors() {
    Api admin = asAdmin();
    Api.Response r = admin.post("/api/v1/users", Map.of("username", "x'; drop table app_user; --",
        "password", "long-enough-1", "role", "admin"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
    assertThat(admin.raw("POST", "/api/v1/users", "application/json", "{not json".getBytes()).status())
        .isEqualTo(400);
    assertThat(admin.post("/api/v1/users", Map.of("username", "salesx", "password", "long-enough-1",
        "role", "sales")).json().get("errors").get(0).get("field").asString()).isEqualTo("owner");
    assertThat(admin.get("/api/v1/users").json().size()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theLastAdminCannotBeDemotedDisabledOrDeleted() {
    Api admin = asAdmin();
    for (Api.Response r : List.of(admin.patch("/api/v1/users/admin", Map.of("role", "analyst")),
        admin.patch("/api/v1/users/admin", Map.of("enabled", false)), admin.delete("/api/v1/users/admin"))) {
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.json().get("code").asString()).isEqualTo("last_admin");
    }
    assertThat(admin.get("/api/v1/me").json().get("role").asString()).isEqualTo("admin");
    admin.post("/api/v1/users", Map.of("username", "deputy", "password", "deputy-password-1", "role", "admin"));
    assertThat(admin.delete("/api/v1/users/deputy").status()).isEqualTo(204);
    assertThat(admin.delete("/api/v1/users/deputy").status()).isEqualTo(404);
  }

  @Test
  void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() {
    Api admin = asAdmin();
    admin.post("/api/v1/users", Map.of("username", "second", "password", "second-password-1", "role", "admin"));
    Api second = anon().as("second", "second-password-1");
    for (int round = 0; round < 5; round++) {
      var first = CompletableFuture.supplyAsync(() -> admin.patch("/api/v1/users/admin", Map.of("role", "analyst")));
      var other = CompletableFuture.supplyAsync(() -> second.patch("/api/v1/users/second", Map.of("role", "analyst")));
      int a = first.join().status();
      int b = other.join().status();
      assertThat(List.of(a, b)).as("round " + round).containsExactlyInAnyOrder(200, 409);
      // Whoever is still admin restores the other.
      if (a == 200) assertThat(second.patch("/api/v1/users/admin", Map.of("role", "admin")).status()).isEqualTo(200);
      else assertThat(admin.patch("/api/v1/users/second", Map.of("role", "admin")).status()).isEqualTo(200);
    }
    assertThat(admin.patch("/api/v1/users/second", Map.of("enabled", false)).status()).isEqualTo(200);
  }

  @Test
  void aNewPasswordEndsSessionsAndByChoiceApiTokens() {
    Api admin = asAdmin();
    admin.post("/api/v1/users", Map.of("username", "changer", "password", "old-password-1", "role", "analyst"));
    Api session = anon().as("changer", "old-password-1");
    Api machine = anon().withToken(session.post("/api/v1/tokens", Map.of("name", "etl")).json().get("token")
        .asString());
    assertThat(admin.patch("/api/v1/users/changer", Map.of("password", "new-password-1")).status()).isEqualTo(200);
    assertThat(session.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(machine.get("/api/v1/me").status()).as("API tokens stay unless asked").isEqualTo(200);
    assertThat(admin.patch("/api/v1/users/changer", Map.of("password", "newer-password-1", "revokeApiTokens", true))
        .status()).isEqualTo(200);
    assertThat(machine.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(admin.get("/api/v1/me").status()).as("the admin's own session").isEqualTo(200);
  }

  @Test
  void scopedTokensAreLimitedToTheirScope() {
    Api admin = asAdmin();
    admin.post("/api/v1/users", Map.of("username", "scoper", "password", "scoper-password-1", "role", "analyst"));
    Api user = anon().as("scoper", "scoper-password-1");
    Api reader = anon().withToken(user.post("/api/v1/tokens", Map.of("name", "bi", "scope", "read"))
        .json().get("token").asString());
    assertThat(reader.get("/api/v1/me").status()).isEqualTo(200);
    Api.Response write = reader.post("/api/v1/tokens", Map.of("name", "escalate"));
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.json().get("code").asString()).isEqualTo("token_scope");
    assertThat(reader.post("/api/v1/batch/customers", List.of()).status()).isEqualTo(403);

    Api importer = anon().withToken(user.post("/api/v1/tokens", Map.of("name", "crm", "scope", "import"))
        .json().get("token").asString());
    assertThat(importer.get("/api/v1/customers").status()).isEqualTo(403);
    assertThat(importer.post("/api/v1/tokens", Map.of("name", "escalate")).status()).isEqualTo(403);
    assertThat(importer.post("/api/v1/batch/customers", List.of()).status()).isNotIn(401, 403);
    assertThat(importer.get("/api/v1/imports/999999").status()).as("in scope: missing, not forbidden").isEqualTo(404);
    assertThat(user.post("/api/v1/tokens", Map.of("name", "x", "scope", "write")).status()).isEqualTo(400);
  }

  @Test
  void expiringTokensStopWorkingAtTheirExpiry() {
    Api admin = asAdmin();
    Api.Response issued = admin.post("/api/v1/tokens", Map.of("name", "short", "expiresInDays", 1));
    assertThat(issued.json().get("expiresAt").isNull()).isFalse();
    Api machine = anon().withToken(issued.json().get("token").asString());
    assertThat(machine.get("/api/v1/me").status()).isEqualTo(200);
    db.sql("update api_token set expires_at = ? where id = ?")
        .params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1),
            issued.json().get("id").asLong())
        .update();
    assertThat(machine.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(admin.post("/api/v1/tokens", Map.of("name", "forever", "expiresInDays", 0)).status()).isEqualTo(400);
  }

  @Test
  void theUiIsServedWithAContentSecurityPolicy() {
    for (String path : List.of("/", "/api/v1/me")) {
      String csp = anon().get(path).headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).as(path).contains("script-src 'self';").contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-eval");
    }
  }
}
