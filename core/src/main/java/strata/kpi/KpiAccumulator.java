package strata.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * KPIs by tier for the period between two snapshots (or over the history of one), summed customer by customer:
 * {@link #add} each customer once with its state in both snapshots, {@link #merge} partial sums, then {@link #result}.
 * README "KPIs by tier" defines every figure and its edge cases.
 */
public final class KpiAccumulator {
  private static final String[] DIMENSIONS = {"all", "owner", "team", "region", "industry"};
  private static final int OWNER = 1;
  private static final int TEAM = 2;
  private static final int REGION = 3;
  private static final int INDUSTRY = 4;

  private final SnapshotInfo current;
  private final SnapshotInfo previous;
  private final boolean sameModel;
  /** Period start, exclusive: days after it are in the period. */
  private final long periodStart;
  /** A customer counted as active at the previous snapshot bought in the period of the same length before it. */
  private final long previousPeriodStart;
  private final int total;
  /** The as-of epoch day, the end of the coverage windows. */
  private final long asOfDay;
  /** Per tier in model order, its cadence in days; 0 for a tier without one (not counted in coverage). */
  private final int[] cadenceDays;
  private final Map<String, List<String>> teamsByOwner;
  /**
   * Per dimension (as {@link #DIMENSIONS}), per group value: tier totals in model order, then all tiers at index
   * {@link #total}. Hash maps keyed by the value alone: a composed key cost a string and a tree lookup per customer and
   * dimension, two thirds of a pass (1M customers: 2.2 s before, 0.65 s after; bench/README.md "KPIs by tier").
   */
  @SuppressWarnings("unchecked")
  private final Map<String, TierTotals[]>[] groups = new Map[DIMENSIONS.length];

  /** @param previous the snapshot before, or null to measure the history up to {@code current} */
  public KpiAccumulator(SnapshotInfo current, SnapshotInfo previous) {
    this(current, previous, Map.of());
  }

  /**
   * @param previous the snapshot before, or null to measure the history up to {@code current}
   * @param teamsByOwner the teams each owner name works in (a name two sales users share may be in two teams); a
   *     customer counts in the teams of its owner, none when its owner has none. Empty without user accounts (the CLI)
   */
  public KpiAccumulator(SnapshotInfo current, SnapshotInfo previous, Map<String, List<String>> teamsByOwner) {
    this.current = current;
    Map<String, List<String>> teams = new HashMap<>();
    // Distinct, or a customer would count twice in a team its owner is listed in twice.
    teamsByOwner.forEach((owner, names) -> teams.put(owner, names.stream().distinct().toList()));
    this.teamsByOwner = Map.copyOf(teams);
    this.previous = previous;
    if (previous != null && !previous.asOf().isBefore(current.asOf())) {
      throw new IllegalArgumentException("the previous snapshot (" + previous.asOf() + ") must be before the current "
          + "one (" + current.asOf() + ")");
    }
    sameModel = previous != null && previous.sameModel(current);
    periodStart = previous == null ? Long.MIN_VALUE : previous.asOf().toEpochDay();
    previousPeriodStart = previous == null ? Long.MIN_VALUE
        : 2 * previous.asOf().toEpochDay() - current.asOf().toEpochDay();
    total = current.tiers().size();
    asOfDay = current.asOf().toEpochDay();
    cadenceDays = new int[total];
    current.cadenceDays().forEach((tier, days) -> cadenceDays[current.rank(tier)] = days);
    for (int d = 0; d < DIMENSIONS.length; d++) groups[d] = new HashMap<>();
    totals(0, "");
  }

  /**
   * Adds one customer.
   *
   * @param now its state in the current snapshot, null when it is gone
   * @param before its state in the previous snapshot, null when it is new (or there is no previous snapshot)
   * @throws IllegalArgumentException for a tier not in its snapshot's model, or both states null
   */
  public void add(CustomerState now, CustomerState before) {
    if (now == null && before == null) throw new IllegalArgumentException("a customer needs a state in a snapshot");
    if (before != null && previous == null) {
      throw new IllegalArgumentException(before.customerId() + ": a previous state without a previous snapshot");
    }
    CustomerState who = now != null ? now : before;
    add(totals(0, ""), now, before);
    if (!who.owner().isEmpty()) {
      add(totals(OWNER, who.owner()), now, before);
      for (String team : teamsByOwner.getOrDefault(who.owner(), List.of())) add(totals(TEAM, team), now, before);
    }
    if (!who.region().isEmpty()) add(totals(REGION, who.region()), now, before);
    if (!who.industry().isEmpty()) add(totals(INDUSTRY, who.industry()), now, before);
  }

  private void add(TierTotals[] t, CustomerState now, CustomerState before) {
    if (now != null) {
      int tier = current.rank(now.tier());
      addCurrent(t[tier], now, before, cadenceDays[tier]);
      addCurrent(t[total], now, before, cadenceDays[tier]);
    }
    if (before != null) {
      boolean wasActive = before.lastPurchaseDay() >= 0 && before.lastPurchaseDay() > previousPeriodStart;
      boolean isActive = now != null && now.lastPurchaseDay() >= 0 && now.lastPurchaseDay() > periodStart;
      previous.rank(before.tier()); // fails for a tier its model does not have
      // Tiers of another model version are not this model's tiers: compared only within one version.
      int move = !sameModel || now == null ? 0
          : Integer.compare(current.rank(before.tier()), current.rank(now.tier()));
      addPrevious(t[total], wasActive, isActive, move);
      if (sameModel) addPrevious(t[current.rank(before.tier())], wasActive, isActive, move);
    }
  }

  /** @param cadence the customer's tier's cadence in days, 0 for none */
  private void addCurrent(TierTotals t, CustomerState now, CustomerState before, int cadence) {
    t.customers++;
    if (now.lastPurchaseDay() >= 0 && now.lastPurchaseDay() > periodStart) {
      t.buyers++;
      if (now.purchaseDays() - (before == null ? 0 : before.purchaseDays()) >= 2) t.repeatBuyers++;
    }
    t.revenueCents = Math.addExact(t.revenueCents, now.netCents() - (before == null ? 0 : before.netCents()));
    t.orders += Math.max(0, now.orders() - (before == null ? 0 : before.orders()));
    if (Double.isFinite(now.clv())) {
      t.clvSum += now.clv();
      t.clvCount++;
    }
    if (Double.isFinite(now.pAlive())) {
      t.pAliveSum += now.pAlive();
      t.pAliveCount++;
    }
    if (now.nps() >= 0 && now.npsDay() > periodStart) {
      t.npsAnswers++;
      if (now.nps() >= 9) t.promoters++;
      if (now.nps() <= 6) t.detractors++;
    }
    if (now.csat() >= 1 && now.csatDay() > periodStart) {
      t.csatSum += now.csat();
      t.csatAnswers++;
    }
    t.complaints += Math.max(0, now.complaints() - (before == null ? 0 : before.complaints()));
    ServiceState service = now.service();
    if (cadence > 0) {
      t.cadenceCustomers++;
      // Covered up to the day the next cadence contact falls due (last contact + every_days), as the planner's
      // cadence task counts as not overdue on its due day.
      int last = service.lastContactDay();
      if (last >= 0 && last <= asOfDay && asOfDay - last <= cadence) t.covered++;
    }
    t.tasksDue += service.tasksDue();
    t.tasksDone += service.tasksDone();
  }

  /** @param move positive when the customer moved to a higher ranked (earlier) tier, negative for a lower one */
  private static void addPrevious(TierTotals t, boolean wasActive, boolean isActive, int move) {
    if (wasActive) {
      t.previousActive++;
      if (isActive) t.stillActive++;
    }
    if (move > 0) t.movedUp++;
    if (move < 0) t.movedDown++;
  }

  private TierTotals[] totals(int dimension, String group) {
    TierTotals[] t = groups[dimension].get(group);
    if (t == null) {
      t = newTotals();
      groups[dimension].put(group, t);
    }
    return t;
  }

  private TierTotals[] newTotals() {
    TierTotals[] t = new TierTotals[total + 1];
    for (int i = 0; i <= total; i++) t[i] = new TierTotals();
    return t;
  }

  /** Adds the sums of another accumulator over other customers of the same two snapshots. */
  public void merge(KpiAccumulator other) {
    if (!current.equals(other.current) || !Objects.equals(previous, other.previous)
        || !teamsByOwner.equals(other.teamsByOwner)) {
      throw new IllegalArgumentException("only accumulators of the same snapshots and teams can be merged");
    }
    for (int d = 0; d < DIMENSIONS.length; d++) {
      int dimension = d;
      other.groups[d].forEach((group, theirs) -> {
        TierTotals[] mine = totals(dimension, group);
        for (int i = 0; i <= total; i++) mine[i].merge(theirs[i]);
      });
    }
  }

  public KpiTable result() {
    boolean complaintsKnown = current.complaintsKnown() && (previous == null || previous.complaintsKnown());
    List<KpiRow> rows = new ArrayList<>();
    for (int d = 0; d < DIMENSIONS.length; d++) addRows(rows, d, complaintsKnown);
    return new KpiTable(current, previous, previous != null && !sameModel, rows);
  }

  private void addRows(List<KpiRow> rows, int d, boolean complaintsKnown) {
    String dimension = DIMENSIONS[d];
    new TreeMap<>(groups[d]).forEach((group, t) -> {
      long groupRevenue = t[total].revenueCents;
      for (int i = 0; i < total; i++) {
        rows.add(t[i].row(dimension, group, current.tiers().get(i), groupRevenue, sameModel, sameModel,
            complaintsKnown));
      }
      rows.add(t[total].row(dimension, group, null, groupRevenue, previous != null, sameModel, complaintsKnown));
    });
  }
}
