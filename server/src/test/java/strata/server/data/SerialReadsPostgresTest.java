package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.ServerTest;

/** Reads inside SerialReads plan no parallel workers; the setting ends with them and other statements keep theirs. */
class SerialReadsPostgresTest extends ServerTest {
  @Autowired
  SerialReads serial;

  @Autowired
  JdbcClient db;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    postgres(r);
  }

  @Test
  void onlyTheReadsInsideRunWithoutParallelWorkers() {
    String before = workers();
    assertThat(before).isNotEqualTo("0"); // PostgreSQL's default is 2
    assertThat(serial.of(this::workers)).isEqualTo("0");
    for (int i = 0; i < 20; i++) assertThat(workers()).isEqualTo(before); // every pooled connection got it back
  }

  private String workers() {
    return db.sql("show max_parallel_workers_per_gather").query(String.class).single();
  }
}
