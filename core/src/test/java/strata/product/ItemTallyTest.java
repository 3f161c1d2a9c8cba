package strata.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemTallyTest {
  @Test
  void sharesAreOfNetSpendAndTheLastDayIsKeptPerItem() {
    CustomerProducts c = new CustomerProducts();
    c.add("办公用品", "A4纸", 60_000, 10);
    c.add("办公用品", "订书机", 20_000, 30);
    c.add("耗材", "墨盒", 30_000, 20);
    c.add("耗材", "墨盒", -10_000, 25); // a refund
    // By hand: 办公用品 800.00, 耗材 200.00 of 1,000.00 → 0.8 and 0.2; last days 30 and 25.
    var top = c.categories().bySpend();
    assertThat(top).extracting(ItemTally.Item::name).containsExactly("办公用品", "耗材");
    assertThat(c.categories().share(top.get(0))).isCloseTo(0.8, within(1e-12));
    assertThat(top.get(0).lastDay()).isEqualTo(30);
    assertThat(top.get(1).lastDay()).isEqualTo(25);
    assertThat(top.get(1).rows()).isEqualTo(2);
    assertThat(c.products().bySpend().get(0).name()).isEqualTo("A4纸");
  }

  @Test
  void mergingPartsGivesTheTallyOfTheWholeBelowTheCap() {
    Random random = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      CustomerProducts whole = new CustomerProducts();
      CustomerProducts a = new CustomerProducts();
      CustomerProducts b = new CustomerProducts();
      for (int row = 0; row < 40; row++) {
        String category = "cat" + random.nextInt(20);
        String product = "p" + random.nextInt(30);
        long cents = random.nextInt(10_000) - 1_000;
        int day = random.nextInt(365);
        whole.add(category, product, cents, day);
        (random.nextBoolean() ? a : b).add(category, product, cents, day);
      }
      assertThat(a.merge(b)).isEqualTo(whole);
    }
  }

  @Test
  void pastTheCapTheSmallestItemsMoveToOtherAndSharesStayTrue() {
    ItemTally t = new ItemTally();
    // Items 1..40 spending 1..40 cents: the 8 smallest (1..8, 36 cents) are dropped, the 32 largest kept.
    for (int k = 1; k <= 40; k++) t.add("i" + k, k, 0);
    assertThat(t.bySpend()).hasSize(ItemTally.CAP);
    assertThat(t.otherCents()).isEqualTo(36);
    assertThat(t.totalCents()).isEqualTo(820); // 40 × 41 / 2
    assertThat(t.share(t.bySpend().get(0))).isCloseTo(40 / 820.0, within(1e-12));
  }
}
