package strata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import strata.cmdline.CommandLanguage;

/** The {@code strata} command. Errors are one clear line on stderr and a non-zero exit, never a stack trace. */
@Command(name = "strata", mixinStandardHelpOptions = true, version = "strata 0.1.0",
    subcommands = {ScoreCommand.class, PlanCommand.class, ClvCommand.class, ChurnCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  // strata's own help (--help, help) in this language; given before a command's name, that command's --lang.
  @Mixin Language language;

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
    CommandLanguage.helpFollowsLang(cmd);
    return cmd;
  }

  /** The failed command's --lang (zh by default, as its labels); English for a bad value. */
  private static java.util.Locale locale(CommandLine line) {
    return CommandLanguage.of(line, java.util.Locale.ENGLISH);
  }
}
