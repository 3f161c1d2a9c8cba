package strata.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The server started for real on a random port. Subclasses choose the database with {@link #h2} or {@link #postgres}
 * in a {@code @DynamicPropertySource}; most contracts run on both, as a pair of small subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"strata.admin.password=" + ServerTest.ADMIN_PASSWORD, "strata.runs.after-import=false"})
@Import(NestedConnections.class)
public abstract class ServerTest {
  public static final String ADMIN_PASSWORD = "admin-password-1";

  @LocalServerPort
  protected int port;

  /** No request of the test took a second pooled connection while it held one ({@link NestedConnections}). */
  @AfterEach
  void noRequestHeldTwoConnections() {
    List<String> seen = NestedConnections.seen();
    NestedConnections.reset();
    assertThat(seen).as("requests that held two pooled connections at once").isEmpty();
  }

  protected Api anonymous() {
    return new Api(port);
  }

  protected Api admin() {
    return anonymous().as("admin", ADMIN_PASSWORD);
  }

  public static void h2(DynamicPropertyRegistry registry) {
    try {
      // Under target/, not /tmp: contexts are cached across test classes and close at JVM exit, when H2 writes its
      // folder again, so a folder deleted then came back.
      java.nio.file.Path base =
          java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "test-data").toAbsolutePath());
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(base, "strata-h2");
      registry.add("strata.data", dir::toString);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void postgres(DynamicPropertyRegistry registry) {
    Postgres.Database db = Postgres.newDatabase();
    h2(registry); // the data folder (uploads) is still needed
    registry.add("spring.datasource.url", db::url);
    registry.add("spring.datasource.username", db::user);
    registry.add("spring.datasource.password", db::password);
  }
}
