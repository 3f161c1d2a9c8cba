package strata.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import strata.demo.DemoDataGenerator;
import strata.demo.DemoFiles;
import strata.demo.DemoOptions;

/** {@code strata demo}: writes a realistic demo data set and scores it, so a new user sees everything at once. */
@Command(name = "demo", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR")
  Path out;

  @Option(names = "--customers", paramLabel = "N")
  int customers = DemoOptions.DEFAULT_CUSTOMERS;

  @Option(names = "--seed", paramLabel = "N")
  long seed = DemoOptions.DEFAULT_SEED;

  @CommandLine.Mixin Language language;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Output.prepare(out);
    DemoFiles files = DemoDataGenerator.write(out.resolve("data"),
        new DemoOptions(seed, customers, DemoOptions.DEFAULT_AS_OF));
    spec.commandLine().getOut().println(Language.text(language.locale(), "demo_data",
        "folder", out.resolve("data").toAbsolutePath()));
    return new CommandLine(new ScoreCommand()).setOut(spec.commandLine().getOut()).setErr(spec.commandLine().getErr())
        .setExecutionExceptionHandler(spec.commandLine().getExecutionExceptionHandler())
        .execute("--transactions", files.transactions().toString(), "--customers", files.customers().toString(),
            "--interactions", files.interactions().toString(), "--surveys", files.surveys().toString(),
            "--as-of", DemoOptions.DEFAULT_AS_OF.toString(), "--out", out.toString(), "--lang", language.lang,
            "--products"); // the demo's orders name products and categories: show what they give
  }
}
