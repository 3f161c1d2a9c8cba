package strata.kpi;

/**
 * Running sums of one tier in one group: everything a {@link KpiRow} is computed from, and mergeable, so that a
 * table over many customers can be summed in parts (threads, database pages) without a second pass.
 */
final class TierTotals {
  long customers;
  long buyers;
  long repeatBuyers;
  long revenueCents;
  long orders;
  double clvSum;
  long clvCount;
  double pAliveSum;
  long pAliveCount;
  long promoters;
  long detractors;
  long npsAnswers;
  long csatSum;
  long csatAnswers;
  long complaints;
  long previousActive;
  long stillActive;
  long movedUp;
  long movedDown;
  long cadenceCustomers;
  long covered;
  long tasksDue;
  long tasksDone;

  void merge(TierTotals o) {
    customers += o.customers;
    buyers += o.buyers;
    repeatBuyers += o.repeatBuyers;
    revenueCents = Math.addExact(revenueCents, o.revenueCents);
    orders += o.orders;
    clvSum += o.clvSum;
    clvCount += o.clvCount;
    pAliveSum += o.pAliveSum;
    pAliveCount += o.pAliveCount;
    promoters += o.promoters;
    detractors += o.detractors;
    npsAnswers += o.npsAnswers;
    csatSum += o.csatSum;
    csatAnswers += o.csatAnswers;
    complaints += o.complaints;
    previousActive += o.previousActive;
    stillActive += o.stillActive;
    movedUp += o.movedUp;
    movedDown += o.movedDown;
    cadenceCustomers += o.cadenceCustomers;
    covered += o.covered;
    tasksDue += o.tasksDue;
    tasksDone += o.tasksDone;
  }

  /**
   * @param groupRevenueCents the period revenue of all tiers of the group, the whole of the revenue share
   * @param withPrevious a previous snapshot exists; {@code withMigration} its tiers are of the same model
   */
  KpiRow row(String dimension, String group, String tier, long groupRevenueCents, boolean withPrevious,
      boolean withMigration, boolean complaintsKnown) {
    Double retention = withPrevious ? ratio(stillActive, previousActive) : null;
    return new KpiRow(dimension, group, tier, customers, buyers, revenueCents,
        groupRevenueCents > 0 ? revenueCents / (double) groupRevenueCents : null,
        orders > 0 ? revenueCents / 100.0 / orders : null,
        ratio(repeatBuyers, buyers),
        withPrevious ? previousActive : null,
        retention,
        retention == null ? null : 1 - retention,
        withMigration ? movedUp : null,
        withMigration ? movedDown : null,
        clvCount > 0 ? clvSum / clvCount : null,
        pAliveCount > 0 ? pAliveSum / pAliveCount : null,
        npsAnswers > 0 ? 100.0 * (promoters - detractors) / npsAnswers : null,
        npsAnswers,
        csatAnswers > 0 ? csatSum / (double) csatAnswers : null,
        csatAnswers,
        complaintsKnown && customers > 0 ? 100.0 * complaints / customers : null,
        cadenceCustomers,
        ratio(covered, cadenceCustomers),
        tasksDue,
        ratio(tasksDone, tasksDue));
  }

  private static Double ratio(long part, long whole) {
    return whole > 0 ? part / (double) whole : null;
  }
}
