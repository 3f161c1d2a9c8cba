package strata.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.plan.Customers.complained;
import static strata.plan.Customers.movedFrom;
import static strata.plan.Customers.of;
import static strata.plan.Customers.owner;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.experiment.HoldoutDesign;
import strata.experiment.Holdouts;
import strata.playbook.Trigger;
import strata.tier.TierModel;

/**
 * Held-out customers get no task of their experiment; everything else runs as usual. Who is held out was computed
 * independently with Python's hashlib: SHA-256("winback_2027\0c1") and so on, first 8 bytes >>> 11 over 2^53; below
 * 0.5 are c1, c2, c4 (winback_2027) and c2, c3, c4 (care_2027); c3 and c1 respectively are treated.
 */
class PlannerHoldoutTest {
  static final TierModel MODEL = TierModel.parse("""
      tiers:
        - id: key
          when: monetary > 1000.0
          service:
            holdout: {experiment: care_2027, share: 0.5}
            owner: {return_to_pool: {no_contact_days: 30, warn_days: 5}}
            triggers:
              complaint: {within_hours: 48, channels: [phone]}
        - id: at_risk
          service:
            cadence: {every_days: 30, channels: [phone]}
            triggers:
              moved_down: {within_days: 7, channels: [phone], holdout: {experiment: winback_2027, share: 0.5}}
      """, "m.yaml");
  static final LocalDate AS_OF = LocalDate.of(2027, 9, 1);

  private static PlannedTask only(Plan plan, String customer, Trigger trigger) {
    List<PlannedTask> found = plan.tasks().stream()
        .filter(t -> t.customerId().equals(customer) && t.trigger() == trigger).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void aTriggersHoldoutWithholdsOnlyThatTriggerAndRecordsTheExperiment() {
    List<PlanCustomer> movedDown = List.of(movedFrom(of("c1", "at_risk"), "key", LocalDate.of(2027, 8, 1)),
        movedFrom(of("c3", "at_risk"), "key", LocalDate.of(2027, 8, 1)));
    Plan plan = new Planner(MODEL, PlanOptions.DEFAULT).plan(movedDown, List.of(), List.of(), AS_OF);
    PlannedTask withheld = only(plan, "c1", Trigger.MOVED_DOWN);
    assertThat(withheld.status()).isEqualTo(PlannedTask.Status.SUPPRESSED);
    assertThat(withheld.stoppedBy()).isEqualTo(new StopReason("holdout", "winback_2027"));
    assertThat(withheld.stoppedBy().text()).isEqualTo("holdout:winback_2027");
    assertThat(PlanText.stop(withheld.stoppedBy(), Locale.ENGLISH)).isEqualTo("held out by experiment winback_2027");
    assertThat(PlanText.stop(withheld.stoppedBy(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("对照组留出，实验 winback_2027");
    assertThat(only(plan, "c1", Trigger.CADENCE).status()).isEqualTo(PlannedTask.Status.OPEN);
    assertThat(only(plan, "c3", Trigger.MOVED_DOWN).status()).isEqualTo(PlannedTask.Status.OPEN);
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void aPlaybooksHoldoutWithholdsEveryTouchButNotThePoolWork() {
    List<PlanCustomer> key = List.of(owner(complained(of("c1", "key"), AS_OF), "amy"),
        owner(complained(of("c2", "key"), AS_OF), "amy"));
    List<Contact> old = List.of(new Contact("c1", LocalDate.of(2027, 8, 1), null, null),
        new Contact("c2", LocalDate.of(2027, 8, 1), null, null));
    Plan plan = new Planner(MODEL, PlanOptions.DEFAULT).plan(key, old, List.of(), AS_OF);
    assertThat(only(plan, "c1", Trigger.COMPLAINT).status()).isEqualTo(PlannedTask.Status.OPEN);
    assertThat(only(plan, "c2", Trigger.COMPLAINT).stoppedBy()).isEqualTo(new StopReason("holdout", "care_2027"));
    // No contact since 08-01: the owner's pool warning and return are planned for the held-out customer too.
    assertThat(plan.tasks()).filteredOn(t -> t.customerId().equals("c2") && !t.trigger().touchesCustomer())
        .isNotEmpty().allMatch(t -> t.status() == PlannedTask.Status.OPEN);
  }

  @Test
  void anOpenTaskIsWithheldOnceAnExperimentHoldsTheCustomerOut() {
    TierModel before = TierModel.parse("""
        tiers:
          - id: key
            when: monetary > 1000.0
          - id: at_risk
            service:
              triggers:
                moved_down: {within_days: 7, channels: [phone]}
        """, "m.yaml");
    List<PlanCustomer> c1 = List.of(movedFrom(of("c1", "at_risk"), "key", LocalDate.of(2027, 8, 1)));
    Plan first = new Planner(before, PlanOptions.DEFAULT).plan(c1, List.of(), List.of(), AS_OF);
    assertThat(first.tasks().get(0).status()).isEqualTo(PlannedTask.Status.OPEN);
    Plan next = new Planner(MODEL, PlanOptions.DEFAULT).plan(c1, List.of(), first.tasks(), AS_OF.plusDays(1));
    PlannedTask winBack = only(next, "c1", Trigger.MOVED_DOWN);
    assertThat(winBack.key()).isEqualTo(first.tasks().get(0).key());
    assertThat(winBack.stoppedBy()).isEqualTo(new StopReason("holdout", "winback_2027"));
  }

  @Test
  void theStoredStratumAndCutoffDecideNotTheCurrentTier() {
    // c3 (0.186 in care_2027) joined while in tier 'key', whose frozen cutoff is 0.9: held out. Had it joined in
    // 'vip' (cutoff 0.1) it would be treated; the current tier does not matter once enrolled.
    HoldoutDesign design = new HoldoutDesign("care_2027", 0.5, Map.of("key", 0.9, "vip", 0.1));
    List<PlanCustomer> c3 = List.of(complained(of("c3", "key"), AS_OF));
    Holdouts enrolledInKey = new Holdouts(Map.of("care_2027", design), Map.of("care_2027", Map.of("c3", "key")));
    Holdouts enrolledInVip = new Holdouts(Map.of("care_2027", design), Map.of("care_2027", Map.of("c3", "vip")));
    assertThat(only(new Planner(MODEL, PlanOptions.DEFAULT, enrolledInKey).plan(c3, List.of(), List.of(), AS_OF),
        "c3", Trigger.COMPLAINT).status()).isEqualTo(PlannedTask.Status.SUPPRESSED);
    assertThat(only(new Planner(MODEL, PlanOptions.DEFAULT, enrolledInVip).plan(c3, List.of(), List.of(), AS_OF),
        "c3", Trigger.COMPLAINT).status()).isEqualTo(PlannedTask.Status.OPEN);
  }
}
