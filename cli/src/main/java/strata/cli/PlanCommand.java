package strata.cli;

import picocli.CommandLine.Command;

/** {@code strata plan}: {@code strata score --plan}, for those who come for the tasks. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Score customers and plan service tasks from the tier model's playbooks; writes tasks.csv and "
        + "call-lists/ beside the files of score.")
final class PlanCommand extends ScoreCommand {
  @Override
  boolean planning() {
    return true;
  }
}
