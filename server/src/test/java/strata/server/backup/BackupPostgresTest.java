package strata.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;

/** On PostgreSQL the backup endpoint points to PostgreSQL's own tools instead of copying anything. */
class BackupPostgresTest extends ServerTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    postgres(r);
  }

  @Test
  void aBackupOnPostgresqlAnswersUsePgDump() {
    Api.Response r = admin().post("/api/v1/admin/backups", "");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/problem+json"));
    assertThat(r.json().get("detail").asString()).contains("PostgreSQL").contains("pg_dump -Fc");
    assertThat(admin().get("/api/v1/audit?action=backup").json().get("total").asInt()).isZero();
  }
}
