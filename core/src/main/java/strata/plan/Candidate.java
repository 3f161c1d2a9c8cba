package strata.plan;

import java.time.LocalDate;
import java.util.List;
import strata.playbook.Channel;
import strata.playbook.TaskType;
import strata.playbook.Trigger;

/** A task the playbook asks for, before owner, channel and caps are settled. */
record Candidate(String key, Trigger trigger, TaskType type, List<Channel> channels, LocalDate due, Reason why) {}
