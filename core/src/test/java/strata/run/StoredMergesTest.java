package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.identity.IdMerges;
import strata.intake.CustomerProfile;
import strata.product.CustomerProducts;
import strata.product.ItemTally;
import strata.summary.CustomerSummary;

class StoredMergesTest {
  private static CustomerSummary summary(String id, int[] days, long netCents, long firstDayCents) {
    return new CustomerSummary(id, days, new long[0], days.length, days.length, netCents, 0, firstDayCents, Map.of());
  }

  @Test
  void aMergedIdsPurchasesCountOnceUnderItsSurvivor() {
    // A bought on days 10 and 20 (100.00 + 50.00), B on days 20 and 30 (30.00 + 20.00), C on day 5 (9.00).
    List<CustomerSummary> stored = List.of(summary("C", new int[] {5}, 900, 900),
        summary("B", new int[] {20, 30}, 5000, 3000), summary("A", new int[] {10, 20}, 15000, 10000));
    IdMerges merges = IdMerges.of(List.<String[]>of(new String[] {"A", "B"}), List.of());

    List<CustomerSummary> merged = StoredMerges.summaries(stored, merges);

    // By hand: two customers, C and A (at B's place, the group's first); A's net 150 + 50 = 200.00, three distinct
    // days (10, 20, 30), four rows without order ids, first day 10 with A's 100.00.
    assertThat(merged).extracting(CustomerSummary::customerId).containsExactly("C", "A");
    CustomerSummary a = merged.get(1);
    assertThat(a.netCents()).isEqualTo(20_000);
    assertThat(a.purchaseDays()).containsExactly(10, 20, 30);
    assertThat(a.orders()).isEqualTo(4);
    assertThat(a.firstDayNetCents()).isEqualTo(10_000);
  }

  @Test
  void withoutMergesTheDataIsUntouched() {
    List<CustomerSummary> stored = List.of(summary("A", new int[] {1}, 100, 100));
    assertThat(StoredMerges.summaries(stored, IdMerges.NONE)).isSameAs(stored);
  }

  @Test
  void theMergedIdsProfileGoesAndTheSurvivorsStays() {
    CustomerProfile a = new CustomerProfile("A", "甲", "", "", "", "王芳", "13800138000", "", null, null);
    CustomerProfile b = new CustomerProfile("B", "甲 ", "", "", "", "李娜", "+86 138-0013-8000", "", null, null);
    IdMerges merges = IdMerges.of(List.<String[]>of(new String[] {"A", "B"}), List.of());
    assertThat(StoredMerges.profiles(Map.of("A", a, "B", b), merges)).containsOnlyKeys("A").containsValue(a);
  }

  @Test
  void aMergedIdsCategoriesAndProductsCountUnderItsSurvivor() {
    // A: 茶叶 100.00 on day 10; B: 茶叶 30.00 on day 20, 茶具 50.00 on day 15; C (not merged): 茶具 9.00 on day 5.
    CustomerProducts a = new CustomerProducts();
    a.add("茶叶", "龙井", 10_000, 10);
    CustomerProducts b = new CustomerProducts();
    b.add("茶叶", "龙井", 3_000, 20);
    b.add("茶具", "茶杯", 5_000, 15);
    CustomerProducts c = new CustomerProducts();
    c.add("茶具", "茶杯", 900, 5);
    IdMerges merges = IdMerges.of(List.<String[]>of(new String[] {"A", "B"}), List.of());

    Map<String, CustomerProducts> merged = StoredMerges.products(Map.of("A", a, "B", b, "C", c), merges);

    // By hand: A holds 茶叶 130.00 in 2 lines, last day 20, and 茶具 50.00 in 1 line; B has no tally; C is as it was.
    assertThat(merged).containsOnlyKeys("A", "C");
    assertThat(merged.get("A").categories().bySpend()).containsExactly(new ItemTally.Item("茶叶", 13_000, 2, 20),
        new ItemTally.Item("茶具", 5_000, 1, 15));
    assertThat(merged.get("A").products().bySpend()).containsExactly(new ItemTally.Item("龙井", 13_000, 2, 20),
        new ItemTally.Item("茶杯", 5_000, 1, 15));
    assertThat(merged.get("C")).isSameAs(c);
    // The inputs are unchanged: A's own tally still holds 茶叶 100.00 only.
    assertThat(a.categories().bySpend()).containsExactly(new ItemTally.Item("茶叶", 10_000, 1, 10));
  }
}
