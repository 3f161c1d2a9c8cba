package strata.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the command in-process and captures what it prints. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.command(args);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }

  static Path shared(String file) {
    String base = System.getProperty("strata.shared");
    if (base == null) throw new IllegalStateException("-Dstrata.shared is not set: it names the folder holding data/CDNOW_master.txt (the Maven build sets it to ../shared)");
    Path p = Path.of(base, "data", file);
    if (!p.toFile().exists()) {
      throw new IllegalStateException(p + " is missing: the tests read the public CDNOW logs from ../shared/data");
    }
    return p;
  }
}
