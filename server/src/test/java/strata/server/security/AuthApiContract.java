package strata.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;

/** Sign-in, tokens, roles and bad input; run on the embedded database ({@link AuthApiTest}) and on PostgreSQL. */
abstract class AuthApiContract extends ServerTest {
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
    Api.Response token = rep.post("/api/v1/tokens", Map.of("name", "crm"));
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
}
