package strata.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TeamTallyTest {
  @Test
  void addsTasksAndEscalationsIntoOneRowPerRepAndTierInOrder() {
    TeamTally tally = new TeamTally();
    tally.tasks("wang", "big", 5, 2, 7);
    tally.tasks("li", "small", 1, 0, 0);
    tally.escalation("wang", "big", "manager");
    tally.escalation("wang", "big", "manager");
    tally.escalation("wang", "big", "pool");
    tally.escalation("li", "big", "reassign"); // a rep and tier with no open or done task still shows
    assertThat(tally.rows()).containsExactly(
        new TeamTally.Row("li", "big", 0, 0, 0, 0, 1, 0),
        new TeamTally.Row("li", "small", 1, 0, 0, 0, 0, 0),
        new TeamTally.Row("wang", "big", 5, 2, 7, 2, 0, 1));
  }

  @Test
  void anUnknownEscalationKindIsRefused() {
    assertThatThrownBy(() -> new TeamTally().escalation("wang", "big", "fired"))
        .hasMessage("unknown escalation kind 'fired'");
  }
}
