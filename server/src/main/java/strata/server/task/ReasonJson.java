package strata.server.task;

import strata.plan.Reason;
import strata.playbook.Purpose;
import strata.playbook.Trigger;
import tools.jackson.databind.json.JsonMapper;

/** The planner's structured reason stored as JSON, and read back for re-planning and the API. */
final class ReasonJson {
  private ReasonJson() {}

  static String write(JsonMapper json, Reason why) {
    return json.writeValueAsString(view(why));
  }

  static Task.Reason view(Reason why) {
    return new Task.Reason(why.tier(), why.trigger().code(), why.detail(),
        why.values().stream().map(v -> new Task.Value(v.name(), v.value())).toList(),
        new Task.Text(why.purpose().zh(), why.purpose().en()));
  }

  static Task.Reason read(JsonMapper json, String text) {
    return json.readValue(text, Task.Reason.class);
  }

  static Reason core(Task.Reason r) {
    return new Reason(r.tier(), Trigger.valueOf(r.trigger().toUpperCase(java.util.Locale.ROOT)), r.detail(),
        r.values().stream().map(v -> new Reason.Value(v.name(), v.value())).toList(),
        r.purpose() == null ? Purpose.NONE : new Purpose(r.purpose().zh(), r.purpose().en()));
  }
}
