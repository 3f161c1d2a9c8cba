package strata.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import strata.experiment.HoldoutDesign;
import strata.playbook.Trigger;
import strata.tier.TierModel;

/** A holdout changes nothing but the held-out customers' touches of its experiment, which it keeps as withheld. */
class PlannerHoldoutProperties {
  static final TierModel WITH_HOLDOUTS = TierModel.parse(PlannerProperties.MODEL_YAML
      .replace("cadence: {every_days: 7, channels: [phone, wechat, visit]}",
          "cadence: {every_days: 7, channels: [phone, wechat, visit]}\n      holdout: {experiment: key_care, share: 0.3}")
      .replace("moved_down: {within_days: 7, channels: [phone, visit]}",
          "moved_down: {within_days: 7, channels: [phone, visit], holdout: {experiment: win_back, share: 0.4}}"), "m.yaml");

  private static String experimentOf(PlanCustomer c, PlannedTask t) {
    if (!t.trigger().touchesCustomer()) return null;
    if (c.tier().equals("key") && HoldoutDesign.unstratified("key_care", 0.3).assign(c.id(), "key").heldOut()) {
      return "key_care";
    }
    boolean winBack = c.tier().equals("at_risk") && t.trigger() == Trigger.MOVED_DOWN;
    return winBack && HoldoutDesign.unstratified("win_back", 0.4).assign(c.id(), "at_risk").heldOut() ? "win_back" : null;
  }

  @Property(tries = 300)
  void onlyTheHeldOutTouchesChangeAndTheyAreKeptAsWithheld(@ForAll long seed) {
    PlannerProperties.Input in = PlannerProperties.input(seed);
    Map<String, PlanCustomer> customers = in.customers().stream()
        .collect(Collectors.toMap(PlanCustomer::id, Function.identity()));
    List<PlannedTask> plain = PlannerProperties.plan(in, List.of()).tasks();
    List<PlannedTask> held = new Planner(WITH_HOLDOUTS, PlanOptions.DEFAULT)
        .plan(in.customers(), in.history(), List.of(), in.asOf()).tasks();
    assertThat(held.stream().map(PlannedTask::key)).containsExactlyElementsOf(plain.stream().map(PlannedTask::key).toList());
    for (int i = 0; i < plain.size(); i++) {
      PlannedTask before = plain.get(i);
      PlannedTask after = held.get(i);
      PlanCustomer c = customers.get(before.customerId());
      String experiment = experimentOf(c, before);
      boolean customerHeldOut = plain.stream().filter(t -> t.customerId().equals(c.id()))
          .anyMatch(t -> experimentOf(c, t) != null);
      if (experiment != null) {
        assertThat(after.status()).isEqualTo(PlannedTask.Status.SUPPRESSED);
        assertThat(after.stoppedBy()).isEqualTo(new StopReason("holdout", experiment));
      } else if (!customerHeldOut || !before.trigger().touchesCustomer()) {
        // Customers outside every control group, and the owner's pool work, are planned exactly as before.
        assertThat(after).isEqualTo(before);
      } else {
        // A held-out customer's other touches may now fit a cap the withheld one used: never the reverse.
        assertThat(after.stoppedBy() == null || after.stoppedBy().equals(before.stoppedBy())).isTrue();
      }
    }
  }
}
