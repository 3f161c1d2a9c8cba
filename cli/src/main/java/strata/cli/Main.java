package strata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code strata} command. Errors are one clear line on stderr and a non-zero exit, never a stack trace. */
@Command(name = "strata", mixinStandardHelpOptions = true, version = "strata 0.1.0",
    subcommands = {ScoreCommand.class, PlanCommand.class, ClvCommand.class, ChurnCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code for unusable input or model: the message says what to fix. */
  static final int INPUT_ERROR = 1;

  public static void main(String[] args) {
    EarlyModel.startFor(args);
    System.exit(run(args));
  }

  static int run(String... args) {
    return command().execute(args);
  }

  /** The command line with Strata's error handling; tests redirect its output. */
  static CommandLine command() {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setExecutionExceptionHandler((e, line, parsed) -> {
      boolean debug = Boolean.getBoolean("strata.debug");
      if (debug) e.printStackTrace();
      line.getErr().println("strata: " + Errors.message(e, locale(line)));
      return INPUT_ERROR;
    });
    Language.helpFollowsLang(cmd);
    return cmd;
  }

  /** The failed command's --lang (zh by default, as its labels); English for commands without one or a bad value. */
  private static java.util.Locale locale(CommandLine line) {
    return Language.of(line, java.util.Locale.ENGLISH);
  }
}
