package strata.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.ServerTest;

/**
 * The web UI end to end: the real server with the demo data, driven by Debian's headless Chromium through the
 * script in {@code web/e2e} (sign-in, dashboard charts, filters, 360°, override, model editor, run, migration, and
 * a sales user's view), then every page in zh and en at 1440 and 390 px checked for console errors, failed requests,
 * sideways scrolling, untranslated text and axe-core's WCAG 2 A/AA rules. Screenshots land in
 * {@code server/target/e2e-screenshots}, those of every page, language and width under {@code pages/} with the
 * findings ({@code checks-LANG-WIDTH.json}). Last, days pass ({@link DaysPass}: a test-only clock and route) so a
 * task falls overdue and its escalation reaches the rep's manager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"strata.demo=true", "strata.admin.password=strata-demo", "strata.runs.after-import=false"})
@Import(DaysPass.class)
class BrowserEndToEndTest {
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    ServerTest.h2(r);
  }

  @Test
  void theMainJourneysWorkInARealBrowser() throws Exception {
    Path root = Path.of(System.getProperty("strata.root", ".."));
    Path script = root.resolve("web/e2e/run.mjs");
    assertThat(script).as("the e2e script").exists();
    Path out = root.resolve("server/target/e2e-screenshots");
    Files.createDirectories(out);
    // Through web/node.sh, as the web build runs: the Node the UI was built with, even where the machine's is older.
    Process p = new ProcessBuilder("bash", root.resolve("web/node.sh").toString(), "node", script.toString(),
        "--base-url", "http://localhost:" + port,
        "--out", out.toString())
        .directory(root.resolve("web").toFile())
        .redirectErrorStream(true)
        .redirectOutput(out.resolve("e2e.log").toFile())
        .start();
    boolean finished = p.waitFor(25, TimeUnit.MINUTES);
    String log = Files.readString(out.resolve("e2e.log"));
    if (!finished) p.destroyForcibly();
    assertThat(finished && p.exitValue() == 0).as("e2e run failed:\n" + log).isTrue();
  }
}
