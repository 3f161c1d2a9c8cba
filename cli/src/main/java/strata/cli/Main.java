package strata.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import strata.cmdline.CommandLanguage;

/** The {@code strata} command. Errors are one clear line on stderr and a non-zero exit, never a stack trace. */
@Command(name = "strata", mixinStandardHelpOptions = true, version = "strata 0.1.0")
public final class Main {
  /** Exit code for unusable input or model: the message says what to fix. */
  static final int INPUT_ERROR = 1;

  /** The commands, in the order the help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  // strata's own help (--help, help) in this language; given before a command's name, that command's --lang.
  @Mixin Language language;

  public static void main(String[] args) {
    EarlyModel.startFor(args);
    System.exit(command(args).execute(args));
  }

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("score", ScoreCommand::new);
    commands.put("plan", PlanCommand::new);
    commands.put("clv", ClvCommand::new);
    commands.put("churn", ChurnCommand::new);
    commands.put("demo", DemoCommand::new);
    commands.put("help", CommandLine.HelpCommand::new);
    return commands;
  }

  /** The command line with every command, as help lists them; tests redirect its output. */
  static CommandLine command() {
    return command(new String[0]);
  }

  /**
   * The command line for {@code args}: when they start with a command's name, only that command is built. picocli
   * reads each command's annotations when it builds it, ~30 ms of CPU on the main thread for the four a run does not
   * use (bench/README.md, "Small files: start-up"); anything else (help, an option first, a wrong name) gets them all.
   */
  static CommandLine command(String... args) {
    String named = args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help") ? args[0] : null;
    CommandLine cmd = new CommandLine(new Main());
    COMMANDS.forEach((name, command) -> {
      if (named == null || name.equals(named)) cmd.addSubcommand(name, command.get());
    });
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
