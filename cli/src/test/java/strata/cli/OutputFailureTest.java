package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html is written beside the other files (Output.write): a failure of either is the run's, and nothing is left writing. */
class OutputFailureTest {
  @TempDir Path dir;

  @BeforeEach
  void transactions() throws IOException {
    Files.writeString(dir.resolve("tx.csv"), """
        customer_id,order_date,amount
        A,2024-01-01,100
        A,2024-03-01,100
        B,2024-02-01,50
        """);
  }

  /** A folder in the way of a file, with something in it so that no writer can replace it. */
  private Path blocked(String file) throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve(file));
    Files.writeString(out.resolve(file).resolve("keep.txt"), "x");
    return out;
  }

  private Cli score(Path out) {
    return Cli.run("score", "--transactions", dir.resolve("tx.csv").toString(), "--lang", "en", "--quiet", "--out",
        out.toString());
  }

  @Test
  void aReportThatCannotBeWrittenFailsTheRunNamingIt() throws IOException {
    Path out = blocked("report.html");
    Cli run = score(out);
    assertThat(run.exit()).isEqualTo(Main.INPUT_ERROR);
    assertThat(run.err()).startsWith("strata: ").contains("report.html");
    assertThat(Files.readAllLines(out.resolve("customers.csv"))).hasSize(3); // header and customers A, B
    assertThat(out.resolve("kpi.csv")).exists();
  }

  @Test
  void aCustomersFileThatCannotBeWrittenFailsTheRunOnceTheReportIsWhole() throws IOException {
    Path out = blocked("customers.csv");
    Cli run = score(out);
    assertThat(run.exit()).isEqualTo(Main.INPUT_ERROR);
    assertThat(run.err()).startsWith("strata: ").contains("customers.csv").doesNotContain("report.html");
    // The command returned after the report's thread ended: the page is complete, not being written.
    assertThat(Files.readString(out.resolve("report.html")).strip()).endsWith("</html>");
  }
}
