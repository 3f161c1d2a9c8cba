package strata.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.testing.Api;
import strata.server.testing.FromAddress;
import strata.server.testing.ServerTest;

/**
 * Sign-in throttling against a real server, from several loopback addresses: a guessing client waits, the owner
 * elsewhere does not; parallel guesses get no more evaluations than allowed. Run on H2 and PostgreSQL.
 */
// A long first delay: on a loaded machine a straggler among 64 parallel guesses may arrive after a 5 s delay has
// passed and be evaluated rightly, which is not what the race test is about.
@org.springframework.test.context.TestPropertySource(properties = "strata.signin.first-delay=10m")
abstract class SigninThrottleContract extends ServerTest {
  /** strata.signin.free-per-account-client and free-per-client, the defaults. */
  static final int FREE_PER_PAIR = 5;
  static final int FREE_PER_CLIENT = 30;

  @Autowired JdbcClient db;

  private void user(String username, String password) {
    assertThat(admin().post("/api/v1/users", Map.of("username", username, "password", password, "role", "analyst"))
        .status()).isEqualTo(201);
  }

  private Api.Response login(String from, String username, String password) {
    return FromAddress.login(port, from, username, password);
  }

  private long evaluatedFailures(String username) {
    return db.sql("select count(*) from audit_log where action = 'login_failed' and username = ?").param(username)
        .query(Long.class).single();
  }

  @Test
  void aGuessingClientWaitsWhileTheOwnerElsewhereSignsIn() {
    user("guessed", "right-password-1");
    for (int i = 0; i < FREE_PER_PAIR; i++) {
      assertThat(login("127.0.0.2", "guessed", "wrong-" + i).status()).isEqualTo(401);
    }
    Api.Response refused = login("127.0.0.2", "guessed", "right-password-1");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("code").asString()).isEqualTo("signin_throttled");
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
    assertThat(login("127.0.0.3", "guessed", "right-password-1").status()).isEqualTo(200);
    assertThat(login("127.0.0.2", "admin", ADMIN_PASSWORD).status()).as("other accounts from the same client")
        .isEqualTo(200);
  }

  @Test
  void parallelGuessesGetNoMoreEvaluationsThanAllowed() throws Exception {
    user("raced", "right-password-1");
    int threads = 64;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Api.Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        int n = i;
        answers.add(pool.submit(() -> {
          start.await();
          return login("127.0.0.4", "raced", "wrong-" + n);
        }));
      }
      start.countDown();
      int unauthorized = 0;
      int throttled = 0;
      for (Future<Api.Response> a : answers) {
        int status = a.get().status();
        if (status == 401) unauthorized++;
        if (status == 429) throttled++;
      }
      assertThat(unauthorized + throttled).isEqualTo(threads);
      // The first delay (5 s) is far longer than this burst, so exactly the free attempts are evaluated.
      assertThat(unauthorized).isEqualTo(FREE_PER_PAIR);
      assertThat(evaluatedFailures("raced")).isEqualTo(FREE_PER_PAIR);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClientSprayingManyAccountsWaits() {
    for (int i = 0; i < FREE_PER_CLIENT; i++) {
      assertThat(login("127.0.0.5", "nobody-" + i, "wrong-password").status()).isEqualTo(401);
    }
    assertThat(login("127.0.0.5", "admin", ADMIN_PASSWORD).status()).isEqualTo(429);
    assertThat(login("127.0.0.6", "admin", ADMIN_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void anAccountUnderAttackStillLetsAClientWithACleanRecordIn() {
    user("besieged", "right-password-1");
    // As if thousands of addresses had each guessed a few times.
    db.sql("insert into signin_throttle (throttle_key, failures, retry_at_ms, last_at_ms) values (?, 1000, 0, ?)")
        .params("account:besieged", System.currentTimeMillis()).update();
    assertThat(login("127.0.0.7", "besieged", "right-password-1").status()).isEqualTo(200);
    // A client that has failed gets no second free attempt while the account is under attack.
    assertThat(login("127.0.0.8", "besieged", "wrong-password").status()).isEqualTo(401);
    assertThat(login("127.0.0.8", "besieged", "right-password-1").status()).isEqualTo(429);
  }

  @Test
  void aSuccessClearsTheClientsRecordAgainstTheAccount() {
    user("typist", "right-password-1");
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < FREE_PER_PAIR - 1; i++) {
        assertThat(login("127.0.0.9", "typist", "typo-" + i).status()).isEqualTo(401);
      }
      assertThat(login("127.0.0.9", "typist", "right-password-1").status()).isEqualTo(200);
    }
  }
}
