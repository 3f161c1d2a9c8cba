package strata.plan;

import java.util.ArrayList;
import java.util.List;
import strata.playbook.Purpose;
import strata.playbook.Trigger;

/**
 * Why a task exists, as data: the tier whose playbook planned it, the trigger, the values read (name and value as
 * text, in the order they were read) and the playbook's purpose. Rendered in the user's language by {@link PlanText}.
 *
 * @param detail the care event's id for {@link Trigger#CARE}, else ""
 */
public record Reason(String tier, Trigger trigger, String detail, List<Value> values, Purpose purpose) {
  public record Value(String name, String value) {}

  Reason with(String name, Object value) {
    List<Value> more = new ArrayList<>(values);
    more.add(new Value(name, String.valueOf(value)));
    return new Reason(tier, trigger, detail, List.copyOf(more), purpose);
  }
}
