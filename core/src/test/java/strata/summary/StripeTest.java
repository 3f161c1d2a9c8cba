package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stripe against plain per-customer sets of days, through growth, trimming and growth again, with days listed
 * through {@link DayKeys} once a round ({@code 'k'}) or every 1,000 rows ({@code 'p'}, as a partition folded in parts
 * is: lists that already hold days take more).
 */
class StripeTest {
  @ParameterizedTest
  @ValueSource(strings = {"ppp", "kkk", "pkp", "kpk"})
  void daysAndTotalsSurviveTrimmingAndLaterAdds(String rounds) {
    SplittableRandom random = new SplittableRandom(5);
    Stripe stripe = new Stripe(false, false);
    DayKeys keys = new DayKeys();
    List<String> ids = new ArrayList<>();
    List<TreeSet<Integer>> days = new ArrayList<>();
    List<long[]> totals = new ArrayList<>(); // lines, net cents
    for (int round = 0; round < rounds.length(); round++) {
      boolean inParts = rounds.charAt(round) == 'p';
      for (int row = 0; row < 20_000; row++) {
        boolean fresh = ids.isEmpty() || random.nextInt(8) == 0; // over 2^11 customers: sorting takes several passes
        if (fresh) {
          ids.add("C" + ids.size() + "-" + "x".repeat(random.nextInt(12)));
          days.add(new TreeSet<>());
          totals.add(new long[2]);
        }
        int c = fresh ? ids.size() - 1 : random.nextInt(ids.size());
        // some customers with long lists, some over the whole range of days
        int day = c % 7 == 0 ? random.nextInt(65536) : 18000 + random.nextInt(40 + 300 * (c % 3));
        long cents = random.nextInt(100_000) - 5_000;
        byte[] id = ids.get(c).getBytes(StandardCharsets.UTF_8);
        int hash = SummaryTable.hash(id, 0, id.length);
        keys.add(stripe.addUnlisted(id, 0, id.length, hash, row + 2, day, cents, 0, false, -1), day);
        if (inParts && row % 1000 == 999) stripe.listDays(keys);
        days.get(c).add(day);
        totals.get(c)[0]++;
        totals.get(c)[1] += cents;
      }
      stripe.listDays(keys);
      stripe.trim(); // after rounds 1 and 2 the stripe grows again from packed lists
    }
    assertThat(stripe.size).isEqualTo(ids.size());
    for (int local = 0; local < stripe.size; local++) {
      String id = new String(stripe.idBytes, stripe.idStart(local), stripe.idLength(local), StandardCharsets.UTF_8);
      int c = ids.indexOf(id);
      assertThat(stripe.days(local)).containsExactly(days.get(c).stream().mapToInt(Integer::intValue).toArray());
      assertThat(stripe.lines(local)).isEqualTo(totals.get(c)[0]);
      assertThat(stripe.netCents(local)).isEqualTo(totals.get(c)[1]);
      assertThat(stripe.firstDay(local)).isEqualTo(days.get(c).first());
      assertThat(stripe.lastDay(local)).isEqualTo(days.get(c).last());
    }
  }
}
