package strata.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import strata.survey.SatisfactionFacts.By;

class SatisfactionTableTest {
  /**
   * Five customers, figures by hand: A and B key accounts of 王芳 buying tea, C and D mid of 李娜 (D answered an
   * imported survey without an invitation), E in no tier, in the pool, invited but silent.
   */
  static final List<SatisfactionFacts> FACTS = List.of(
      new SatisfactionFacts("key", "王芳", "茶叶", 2, 1, 10, 5),
      new SatisfactionFacts("key", "王芳", "茶叶", 1, 1, 6, 2),
      new SatisfactionFacts("mid", "李娜", null, 1, 1, 8, null),
      new SatisfactionFacts("mid", "李娜", "咖啡", 0, 0, 9, 4),
      new SatisfactionFacts(null, "", null, 1, 0, null, null));

  @Test
  void allRowCountsInvitationsForTheRateAndEveryAnswerForNpsAndCsat() {
    SatisfactionRow all = SatisfactionTable.of(FACTS, By.TIER, List.of()).get(0);
    assertThat(all.all()).isTrue();
    assertThat(all.invited()).isEqualTo(5);
    assertThat(all.answered()).isEqualTo(3);
    // Wilson 3/5 at 95 %: centre (6 + z²)/(2(5 + z²)) = 0.556552, half-width 0.325828 (z = 1.959964).
    assertRate(all, 0.6, 0.230724, 0.882380);
    // Answers 10, 6, 8, 9 (D's without invitation too): 2 promoters, 1 detractor of 4 = 25 points.
    assertThat(all.nps()).isEqualTo(25.0);
    assertThat(all.npsAnswers()).isEqualTo(4);
    assertThat(all.csat()).isCloseTo(11 / 3.0, within(1e-12)); // 5, 2, 4
    assertThat(all.csatAnswers()).isEqualTo(3);
  }

  @Test
  void tiersComeInTheModelsOrderThenTheCustomersWithoutATier() {
    List<SatisfactionRow> rows = SatisfactionTable.of(FACTS, By.TIER, List.of("key", "mid", "small"));
    assertThat(rows).extracting(SatisfactionRow::group).containsExactly(null, "key", "mid", null);
    SatisfactionRow key = rows.get(1);
    assertThat(key.invited()).isEqualTo(3);
    assertRate(key, 2 / 3.0, 0.207660, 0.938510); // Wilson 2/3
    assertThat(key.nps()).isEqualTo(0.0); // 10 and 6: one promoter, one detractor
    assertThat(key.csat()).isEqualTo(3.5);
    SatisfactionRow mid = rows.get(2);
    assertRate(mid, 1.0, 0.206549, 1.0); // Wilson 1/1: centre 0.603275, half 0.396725, capped at 1
    assertThat(mid.nps()).isEqualTo(50.0); // 8 passive, 9 promoter
    assertThat(mid.npsAnswers()).isEqualTo(2);
    assertThat(mid.csat()).isEqualTo(4.0);
    SatisfactionRow none = rows.get(3);
    assertThat(none.all()).isFalse();
    assertRate(none, 0.0, 0.0, 0.793450); // Wilson 0/1
    assertThat(none.nps()).isNull();
    assertThat(none.npsAnswers()).isZero();
    assertThat(none.csat()).isNull();
  }

  @Test
  void aGroupWithoutInvitationsHasNoRateRatherThanZero() {
    List<SatisfactionRow> rows = SatisfactionTable.of(FACTS, By.CATEGORY, List.of());
    assertThat(rows).extracting(SatisfactionRow::group).containsExactly(null, "咖啡", "茶叶", null);
    SatisfactionRow coffee = rows.get(1);
    assertThat(coffee.invited()).isZero();
    assertThat(coffee.responseRate()).isNull();
    assertThat(coffee.rateLower()).isNull();
    assertThat(coffee.rateUpper()).isNull();
    assertThat(coffee.nps()).isEqualTo(100.0); // the imported answer still counts
    assertRate(rows.get(3), 0.5, 0.094529, 0.905471); // C and E: Wilson 1/2, symmetric about 0.5
  }

  @Test
  void ownersAreGroupsAndThePoolIsTheEmptyOwner() {
    List<SatisfactionRow> rows = SatisfactionTable.of(FACTS, By.OWNER, List.of());
    assertThat(rows).extracting(SatisfactionRow::group).containsExactly(null, "", "李娜", "王芳");
    assertThat(rows.get(3).invited()).isEqualTo(3);
    assertThat(rows.get(2).npsAnswers()).isEqualTo(2);
  }

  @Test
  void noCustomersGiveOneEmptyAllRow() {
    List<SatisfactionRow> rows = SatisfactionTable.of(List.of(), By.OWNER, List.of());
    assertThat(rows).containsExactly(new SatisfactionRow(null, true, 0, 0, null, null, null, null, 0, null, 0));
  }

  @Test
  void badFactsAreRefused() {
    assertThatThrownBy(() -> new SatisfactionFacts("key", "", null, 1, 2, null, null))
        .hasMessageContaining("answered <= invited");
    assertThatThrownBy(() -> new SatisfactionFacts("key", "", null, 0, 0, 11, null)).hasMessageContaining("0 to 10");
    assertThatThrownBy(() -> new SatisfactionFacts("key", "", null, 0, 0, null, 0)).hasMessageContaining("1 to 5");
    assertThatThrownBy(() -> By.of("region")).hasMessageContaining("tier, owner or category");
    assertThat(By.of("Category")).isEqualTo(By.CATEGORY);
  }

  private static void assertRate(SatisfactionRow row, double rate, double lower, double upper) {
    assertThat(row.responseRate()).isCloseTo(rate, within(1e-9));
    assertThat(row.rateLower()).isCloseTo(lower, within(1e-5));
    assertThat(row.rateUpper()).isCloseTo(upper, within(1e-5));
  }
}
