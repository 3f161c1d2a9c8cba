package strata.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import strata.experiment.Interval;
import strata.experiment.WilsonInterval;

/**
 * Satisfaction by tier, owner or product category, with response rates (issue 16 §3). A pure function of the
 * customers' facts over one period: the server reads invitations and answers, core groups and divides.
 *
 * <ul>
 *   <li>The response rate counts invitations: answered ÷ sent in the period. Each invitation is a trial for the
 *       Wilson interval, though one customer's several invitations are not quite independent; with NPS every 90
 *       days most customers get one a quarter. No invitation gives no rate (null), never 0 %.
 *   <li>NPS and CSAT count customers, each with their latest answer in the period, as the KPI table does, so a
 *       customer who answers twice does not weigh twice. Answers without an invitation (imported survey files)
 *       count here but not in the rate: they were never a trial.
 * </ul>
 */
public final class SatisfactionTable {
  static final double CONFIDENCE = 0.95;

  private SatisfactionTable() {}

  /**
   * @param order keys to list first, in this order (e.g. the model's tiers); other keys follow by name, then the
   *     group without a key
   * @return the all-customers row first, then one row per group with at least one customer in {@code facts}
   */
  public static List<SatisfactionRow> of(List<SatisfactionFacts> facts, SatisfactionFacts.By by, List<String> order) {
    Totals all = new Totals();
    Map<String, Totals> groups = new HashMap<>();
    Totals none = new Totals();
    for (SatisfactionFacts f : facts) {
      all.add(f);
      String key = by.key(f);
      (key == null ? none : groups.computeIfAbsent(key, k -> new Totals())).add(f);
    }
    List<SatisfactionRow> out = new ArrayList<>();
    out.add(all.row(null, true));
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < order.size(); i++) rank.putIfAbsent(order.get(i), i);
    Comparator<String> listed = Comparator.comparing(k -> rank.getOrDefault(k, Integer.MAX_VALUE));
    Map<String, Totals> sorted = new TreeMap<>(listed.thenComparing(Comparator.naturalOrder()));
    sorted.putAll(groups);
    sorted.forEach((k, t) -> out.add(t.row(k, false)));
    if (none.customers > 0) out.add(none.row(null, false));
    return List.copyOf(out);
  }

  private static final class Totals {
    long customers;
    long invited;
    long answered;
    long promoters;
    long detractors;
    long npsAnswers;
    long csatSum;
    long csatAnswers;

    void add(SatisfactionFacts f) {
      customers++;
      invited += f.invited();
      answered += f.answered();
      if (f.nps() != null) {
        npsAnswers++;
        if (f.nps() >= 9) promoters++;
        if (f.nps() <= 6) detractors++;
      }
      if (f.csat() != null) {
        csatAnswers++;
        csatSum += f.csat();
      }
    }

    SatisfactionRow row(String group, boolean all) {
      Interval rate = invited == 0 ? null : WilsonInterval.of(answered, invited, CONFIDENCE);
      return new SatisfactionRow(group, all, invited, answered, rate == null ? null : rate.estimate(),
          rate == null ? null : rate.lower(), rate == null ? null : rate.upper(),
          npsAnswers == 0 ? null : 100.0 * (promoters - detractors) / npsAnswers, npsAnswers,
          csatAnswers == 0 ? null : (double) csatSum / csatAnswers, csatAnswers);
    }
  }
}
