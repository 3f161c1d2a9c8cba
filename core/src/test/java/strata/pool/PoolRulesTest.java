package strata.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.playbook.OwnerPolicy;

/** Pool rules by hand-made cases; every expected day is counted on a calendar from the dates given. */
class PoolRulesTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 4, 1);
  /** No contact for 30 days or no purchase for 90 returns the customer; the owner is warned 5 days before. */
  static final OwnerPolicy KEEP = new OwnerPolicy(OwnerPolicy.Mode.KEEP, List.of(), 2,
      new OwnerPolicy.PoolReturn(30, 90, 5));

  static PoolCustomer customer(String owner, String lastContact, String lastPurchase, String created) {
    return new PoolCustomer("C-1", "key", owner, day(lastContact), day(lastPurchase), day(created));
  }

  static LocalDate day(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  @Test
  void noContactForThirtyDaysReturnsTheCustomerOnTheThirtiethDay() {
    // 2026-03-02 + 30 days = 2026-04-01: due today. The purchase rule would wait until 2026-03-20 + 90 = 06-18.
    Standing s = PoolRules.standing(customer("王芳", "2026-03-02", "2026-03-20", "2025-01-01"), KEEP, AS_OF);
    assertThat(s.status()).isEqualTo(Standing.Status.RETURN);
    assertThat(s.returnDay()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(s.rule()).isEqualTo("no_contact");
    assertThat(s.since()).isEqualTo(LocalDate.of(2026, 3, 2));
  }

  @Test
  void theOwnerIsWarnedWithinTheWarningDaysAndNotBefore() {
    // Contact 03-07 + 30 = 04-06, five days after 04-01: the warning starts today.
    assertThat(PoolRules.standing(customer("王芳", "2026-03-07", "2026-03-20", null), KEEP, AS_OF).status())
        .isEqualTo(Standing.Status.WARN);
    // Contact 03-08 + 30 = 04-07, six days ahead: not yet.
    Standing later = PoolRules.standing(customer("王芳", "2026-03-08", "2026-03-20", null), KEEP, AS_OF);
    assertThat(later.status()).isEqualTo(Standing.Status.KEEP);
    assertThat(later.returnDay()).isEqualTo(LocalDate.of(2026, 4, 7));
  }

  @Test
  void noPurchaseRuleReturnsWhenItComesFirst() {
    // Purchase 2025-12-31 + 90 = 2026-03-31 (before the contact rule's 03-25 + 30 = 04-24): returned yesterday.
    Standing s = PoolRules.standing(customer("王芳", "2026-03-25", "2025-12-31", null), KEEP, AS_OF);
    assertThat(s.status()).isEqualTo(Standing.Status.RETURN);
    assertThat(s.rule()).isEqualTo("no_purchase");
    assertThat(s.returnDay()).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void withNothingLoggedBothClocksStartWhenTheCustomerWasTakenOn() {
    // Created 2026-03-01: contact rule 03-31, purchase rule 05-30; the contact rule returns it.
    Standing s = PoolRules.standing(customer("王芳", null, null, "2026-03-01"), KEEP, AS_OF);
    assertThat(s.status()).isEqualTo(Standing.Status.RETURN);
    assertThat(s.returnDay()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(s.since()).isEqualTo(LocalDate.of(2026, 3, 1));
  }

  @Test
  void withNoDateToCountFromNothingHappens() {
    assertThat(PoolRules.standing(customer("王芳", null, null, null), KEEP, AS_OF).status())
        .isEqualTo(Standing.Status.KEEP);
    assertThat(PoolRules.returnDay(KEEP.poolReturn(), null, null, null)).isNull();
  }

  @Test
  void onATieTheContactRuleIsNamed() {
    OwnerPolicy same = new OwnerPolicy(OwnerPolicy.Mode.KEEP, List.of(), 0, new OwnerPolicy.PoolReturn(10, 10, 0));
    Standing s = PoolRules.standing(customer("王芳", "2026-03-01", "2026-03-01", null), same, AS_OF);
    assertThat(s.rule()).isEqualTo("no_contact");
    assertThat(s.returnDay()).isEqualTo(LocalDate.of(2026, 3, 11));
  }

  @Test
  void customersAlreadyInThePoolOrOfPoolTiersOrWithoutARuleStay() {
    assertThat(PoolRules.standing(customer("", "2025-01-01", null, null), KEEP, AS_OF).status())
        .isEqualTo(Standing.Status.KEEP);
    assertThat(PoolRules.standing(customer("王芳", "2025-01-01", null, null), OwnerPolicy.KEEP, AS_OF).status())
        .isEqualTo(Standing.Status.KEEP);
    OwnerPolicy pool = new OwnerPolicy(OwnerPolicy.Mode.POOL, List.of(), 0, null);
    assertThat(PoolRules.standing(customer("王芳", "2025-01-01", null, null), pool, AS_OF).status())
        .isEqualTo(Standing.Status.KEEP);
  }

  @Test
  void dueListsWarningsAndReturnsInIdOrderAndSkipsUnknownTiers() {
    List<PoolCustomer> customers = List.of(
        new PoolCustomer("B", "key", "王芳", LocalDate.of(2026, 3, 1), null, null),    // 03-31: return
        new PoolCustomer("A", "key", "李娜", LocalDate.of(2026, 3, 5), null, null),    // 04-04: warn
        new PoolCustomer("C", "key", "李娜", LocalDate.of(2026, 3, 30), null, null),   // 04-29: keep
        new PoolCustomer("D", "gone", "李娜", LocalDate.of(2025, 1, 1), null, null));  // tier not in the model
    List<Standing> due = PoolRules.due(customers, Map.of("key", KEEP)::get, AS_OF);
    assertThat(due).extracting(Standing::customerId).containsExactly("A", "B");
    assertThat(due).extracting(Standing::status).containsExactly(Standing.Status.WARN, Standing.Status.RETURN);
  }

  @Test
  void aClaimRespectsTheCapAndTheCurrentOwner() {
    assertThat(PoolRules.claim("", 1, 2)).isEqualTo(ClaimDecision.ALLOWED);
    assertThat(PoolRules.claim("", 2, 2)).isEqualTo(ClaimDecision.OVER_CAP);
    assertThat(PoolRules.claim("", 500, 0)).isEqualTo(ClaimDecision.ALLOWED); // 0 = no cap
    assertThat(PoolRules.claim("李娜", 0, 2)).isEqualTo(ClaimDecision.ALREADY_OWNED);
  }
}
