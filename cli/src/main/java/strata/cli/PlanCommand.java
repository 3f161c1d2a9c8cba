package strata.cli;

import picocli.CommandLine.Command;

/** {@code strata plan}: {@code strata score --plan}, for those who come for the tasks. */
@Command(name = "plan", mixinStandardHelpOptions = true)
final class PlanCommand extends ScoreCommand {
  @Override
  boolean planning() {
    return true;
  }
}
