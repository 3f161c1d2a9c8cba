package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static strata.server.kpi.KpiApiContract.kpis;
import static strata.server.testing.TierHistory.runToEnd;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.kpi.KpiRow;
import strata.kpi.SnapshotInfo;
import strata.server.data.Dialect;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KPIs of two generated snapshots (3,000 customers in three of four tiers, several owners, regions and
 * industries, customers who come and go, survey answers in and out of the period) summed in ranges of customer ids
 * on parallel connections, against figures worked out here customer by customer from the generated data: one filter
 * per dimension, group and tier following README "KPIs by tier", not core's accumulator.
 */
abstract class KpiRangesApiContract extends ServerTest {
  /** Four tiers; no generated customer is in "key", so it is an empty tier in every group. */
  static final String MODEL = """
      tiers:
        - id: key
          name: {zh: 关键客户, en: Key}
          when: monetary >= 100000.0
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
        - id: mid
          name: {zh: 中客户, en: Mid}
          when: monetary >= 100.0
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;
  static final List<String> TIERS = List.of("key", "big", "mid", "small");
  static final LocalDate BEFORE = LocalDate.parse("2026-02-28");
  static final LocalDate NOW = LocalDate.parse("2026-03-31");

  @Autowired JdbcClient db;
  @Autowired DataSource dataSource;
  @Autowired Dialect dialect;
  @Autowired SummaryStore summaries;
  @Autowired KpiTables tables;
  @Autowired JsonMapper json;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** One customer's KPI inputs in one snapshot; null last day for a prospect, null clv / pAlive for none. */
  record State(String id, String tier, long orders, int purchaseDays, long netCents, Integer lastDay, Float clv,
      Float pAlive, long complaints, String owner, String region, String industry) {}

  /** A customer in both snapshots (either state null when absent) and its latest answers in the period, or null. */
  record Customer(State now, State before, Integer nps, Integer csat) {
    State who() {
      return now != null ? now : before;
    }
  }

  @Test
  void rangesOnParallelConnectionsGiveTheFiguresWorkedOutCustomerByCustomer() throws Exception {
    Api admin = admin();
    long[] runs = twoRuns(admin);
    List<Customer> customers = generate(new Random(16));
    store(runs, customers, true);
    List<KpiRow> expected = expected(customers);
    // The "key" tier is empty everywhere; the owner "赵六" has small customers only.
    assertThat(expected).filteredOn(r -> "key".equals(r.tier())).allMatch(r -> r.customers() == 0
        && r.repurchaseRate() == null && r.complaintsPer100() == null && r.retention() == null);
    assertThat(expected).filteredOn(r -> r.group().equals("赵六") && "big".equals(r.tier()))
        .singleElement().matches(r -> r.customers() == 0);

    SnapshotInfo now = new SnapshotInfo(NOW, "test", "1", TIERS, true);
    SnapshotInfo before = new SnapshotInfo(BEFORE, "test", "1", TIERS, true);
    Map<String, int[]> answers;
    try (Connection c = dataSource.getConnection()) {
      answers = SurveyAnswers.latest(c, BEFORE, NOW);
      // With the table's size known, PostgreSQL cuts the ranges from a sample of the ids (all of them, at this size)
      // rather than by ntile.
      if (c.isWrapperFor(PGConnection.class)) c.createStatement().execute("analyze snapshot_kpi_input");
    }
    // One range (the walk before ranges), a few, and more ranges than customers.
    for (int ranges : new int[] {1, 3, 8, 10_000}) {
      KpiWalk walk = new KpiWalk(dataSource, dialect, threads, ranges);
      assertThat(walk.sums(now, runs[1], before, runs[0], answers, Map.of(), Map.of()).kpis().result().rows())
          .as(ranges + " ranges").isEqualTo(expected);
    }

    // The server's own computation (its default ranges), stored and served: all groups to the admin, a sales user's
    // own owner group alone to them.
    tables.compute(runs[1]);
    assertThat(served(admin, runs[1])).isEqualTo(expected);
    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    Api rep = anonymous().as("wangfang", "wangfang-password-1");
    assertThat(served(rep, runs[1])).isEqualTo(expected.stream().filter(r -> r.dimension().equals("owner")
        && r.group().equals("王芳")).toList()).isNotEmpty();
  }

  @Test
  void aBadRowInOneRangeFailsTheWholeWalkAndTheThreadsStayUsable() throws Exception {
    // Inputs of two snapshots no run has published (the walk reads nothing else), apart from the other test's.
    long[] runs = {9001, 9002};
    List<Customer> customers = generate(new Random(7));
    store(runs, customers, false);
    SnapshotInfo now = new SnapshotInfo(NOW, "test", "1", TIERS, true);
    SnapshotInfo before = new SnapshotInfo(BEFORE, "test", "1", TIERS, true);
    KpiWalk walk = new KpiWalk(dataSource, dialect, threads, 4);
    List<KpiRow> expected = expected(customers);
    assertThat(walk.sums(now, runs[1], before, runs[0], Map.of(), Map.of(), Map.of()).kpis().result().rows())
        .isEqualTo(expected);
    // A tier the model does not have, in the middle of the ids: one range fails, and so does the whole walk.
    String middle = customers.get(customers.size() / 2).who().id();
    db.sql("insert into snapshot_kpi_input (run_id, customer_id, tier, orders, purchase_days, net_cents, complaints) "
        + "values (?, ?, 'gold', 0, 0, 0, 0)").params(runs[1], middle + "-x").update();
    assertThatThrownBy(() -> walk.sums(now, runs[1], before, runs[0], Map.of(), Map.of(), Map.of()))
        .hasMessageContaining("tier 'gold' is not in model");
    db.sql("delete from snapshot_kpi_input where tier = 'gold'").update();
    assertThat(walk.sums(now, runs[1], before, runs[0], Map.of(), Map.of(), Map.of()).kpis().result().rows())
        .isEqualTo(expected);
    assertThatThrownBy(() -> new KpiWalk(dataSource, dialect, threads, 0)).hasMessageContaining("at least 1, got 0");
  }

  private long[] twoRuns(Api admin) {
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(201);
    new TestData(db, summaries).customer("R-1", "甲", "王芳").purchase("R-1", "2026-01-10", 1500).commit();
    // An interaction makes complaints known.
    db.sql("insert into interaction (record_id, customer_id, at, type, channel, outcome) values "
        + "('i1', 'R-1', timestamp '2026-01-12 10:00:00', 'complaint', 'phone', '')").update();
    long first = runToEnd(admin, BEFORE.toString());
    long second = runToEnd(admin, NOW.toString());
    kpis(admin, second);
    return new long[] {first, second};
  }

  /** The served KPI rows of a snapshot, in their order. */
  private List<KpiRow> served(Api api, long run) {
    List<KpiRow> rows = new ArrayList<>();
    for (JsonNode group : kpis(api, run).get("groups")) {
      for (JsonNode row : group.get("rows")) rows.add(json.treeToValue(row, KpiRow.class));
    }
    return rows;
  }

  /**
   * Customers with ids of several shapes; 85 % in the earlier snapshot, 90 % in the later; tiers big, mid and small;
   * the owner "赵六" only in small. Money and predictions are multiples of 1/4 and 1/64, so that their sums are exact
   * in any order and the figures can be compared to the last bit.
   */
  static List<Customer> generate(Random random) {
    List<Customer> out = new ArrayList<>();
    String[] owners = {"王芳", "李娜", "赵六", ""};
    String[] regions = {"east", "west", ""};
    String[] industries = {"retail", "energy", ""};
    int periodStart = (int) BEFORE.toEpochDay();
    for (int i = 0; i < 3000; i++) {
      String id = switch (i % 3) {
        case 0 -> String.format("C%05d", i);
        case 1 -> "c-" + i;
        default -> "K" + Integer.toHexString(i * 7919);
      };
      boolean wasThere = random.nextInt(100) < 85;
      boolean isThere = !wasThere || random.nextInt(100) < 88;
      String owner = owners[random.nextInt(owners.length)];
      String region = regions[random.nextInt(regions.length)];
      String industry = industries[random.nextInt(industries.length)];
      State before = null;
      if (wasThere) {
        int orders = random.nextInt(12);
        before = new State(id, tier(random, owner), orders, Math.min(orders, random.nextInt(6)),
            orders == 0 ? 0 : 25L * random.nextInt(40_000) - 10_000,
            orders == 0 ? null : periodStart - random.nextInt(90), real(random, 4), real(random, 64),
            random.nextInt(4), owner, region, industry);
      }
      State now = null;
      if (isThere) {
        long orders0 = before == null ? 0 : before.orders();
        int days0 = before == null ? 0 : before.purchaseDays();
        int added = random.nextInt(5) == 0 ? 0 : random.nextInt(5);
        int addedDays = added == 0 ? 0 : 1 + random.nextInt(added);
        Integer lastDay = added > 0 ? Integer.valueOf(periodStart + 1 + random.nextInt(31))
            : before == null ? null : before.lastDay();
        // A few customers change owner between the snapshots: the later owner counts.
        String laterOwner = random.nextInt(20) == 0 ? owners[random.nextInt(owners.length)] : owner;
        now = new State(id, tier(random, laterOwner), orders0 + added, days0 + addedDays,
            (before == null ? 0 : before.netCents()) + (added == 0 ? 0 : 25L * random.nextInt(8000) - 2_000),
            lastDay, real(random, 4), real(random, 64),
            (before == null ? 0 : before.complaints()) + (random.nextInt(6) == 0 ? -1 : random.nextInt(3)),
            laterOwner, region, industry);
        if (now.complaints() < 0) now = withComplaints(now, 0);
      }
      out.add(new Customer(now, before, null, null));
    }
    return out;
  }

  private static State withComplaints(State s, long complaints) {
    return new State(s.id(), s.tier(), s.orders(), s.purchaseDays(), s.netCents(), s.lastDay(), s.clv(), s.pAlive(),
        complaints, s.owner(), s.region(), s.industry());
  }

  private static String tier(Random random, String owner) {
    return owner.equals("赵六") ? "small" : TIERS.get(1 + random.nextInt(3));
  }

  /** Null for one in five; else a multiple of 1 / {@code parts} (clv up to 10,000, P(alive) up to 1). */
  private static Float real(Random random, int parts) {
    if (random.nextInt(5) == 0) return null;
    return parts == 4 ? random.nextInt(40_001) / 4f : random.nextInt(65) / 64f;
  }

  /**
   * Replaces both runs' KPI inputs with the generated states and, if asked, stores survey answers: about a third of
   * the customers answer up to three times, some before the period, some after the later as-of day; each later
   * snapshot customer's latest NPS and CSAT of the period go into {@code customers}.
   */
  private void store(long[] runs, List<Customer> customers, boolean answers) throws Exception {
    db.sql("delete from snapshot_kpi_input where run_id in (?, ?)").params(runs[0], runs[1]).update();
    Random random = new Random(99);
    int second = 0;
    try (Connection c = dataSource.getConnection(); PreparedStatement in = c.prepareStatement("insert into "
        + "snapshot_kpi_input (run_id, customer_id, tier, orders, purchase_days, net_cents, last_purchase_day, clv, "
        + "p_alive, complaints, owner, region, industry) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement answer = c.prepareStatement("insert into survey (record_id, customer_id, at, nps, csat, "
            + "comment) values (?, ?, ?, ?, ?, '')")) {
      for (int k = 0; k < customers.size(); k++) {
        Customer x = customers.get(k);
        if (x.before() != null) add(in, runs[0], x.before());
        if (x.now() != null) add(in, runs[1], x.now());
        if (!answers || random.nextInt(3) != 0) continue;
        LocalDateTime latestNps = null;
        LocalDateTime latestCsat = null;
        Integer nps = null;
        Integer csat = null;
        for (int a = random.nextInt(3); a >= 0; a--) {
          // From 2026-02-20 to 2026-04-05: before the period, in it, and after the later snapshot.
          LocalDateTime at = LocalDateTime.of(2026, 2, 20, 0, 0).plusSeconds(++second * 7L)
              .plusDays(random.nextInt(45));
          Integer n = random.nextInt(4) == 0 ? null : random.nextInt(11);
          Integer s = random.nextInt(4) == 0 ? null : 1 + random.nextInt(5);
          answer.setString(1, "S" + second);
          answer.setString(2, x.who().id());
          answer.setTimestamp(3, Timestamp.valueOf(at));
          answer.setObject(4, n, java.sql.Types.SMALLINT);
          answer.setObject(5, s, java.sql.Types.SMALLINT);
          answer.addBatch();
          boolean inPeriod = at.toLocalDate().isAfter(BEFORE) && !at.toLocalDate().isAfter(NOW);
          if (inPeriod && n != null && (latestNps == null || at.isAfter(latestNps))) {
            latestNps = at;
            nps = n;
          }
          if (inPeriod && s != null && (latestCsat == null || at.isAfter(latestCsat))) {
            latestCsat = at;
            csat = s;
          }
        }
        // Answers count for customers of the later snapshot only.
        if (x.now() != null) customers.set(k, new Customer(x.now(), x.before(), nps, csat));
      }
      in.executeBatch();
      answer.executeBatch();
    }
  }

  private static void add(PreparedStatement in, long run, State s) throws Exception {
    Object[] values = {run, s.id(), s.tier(), s.orders(), s.purchaseDays(), s.netCents(), s.lastDay(), s.clv(),
        s.pAlive(), s.complaints(), s.owner(), s.region(), s.industry()};
    int[] types = {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.BIGINT,
        java.sql.Types.INTEGER, java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.REAL,
        java.sql.Types.REAL, java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
        java.sql.Types.VARCHAR};
    for (int k = 0; k < values.length; k++) in.setObject(k + 1, values[k], types[k]);
    in.addBatch();
  }

  /** Every row of the table, worked out by filtering the customers (README "KPIs by tier"). */
  static List<KpiRow> expected(List<Customer> customers) {
    List<KpiRow> rows = new ArrayList<>();
    Map<String, Function<State, String>> dimensions = new java.util.LinkedHashMap<>();
    dimensions.put("all", s -> "");
    dimensions.put("owner", State::owner);
    dimensions.put("region", State::region);
    dimensions.put("industry", State::industry);
    dimensions.forEach((dimension, of) -> {
      TreeSet<String> groups = new TreeSet<>();
      for (Customer c : customers) groups.add(of.apply(c.who()));
      if (!dimension.equals("all")) groups.remove("");
      for (String group : groups) {
        List<Customer> in = customers.stream().filter(c -> of.apply(c.who()).equals(group)).toList();
        long groupRevenue = in.stream().filter(c -> c.now() != null).mapToLong(KpiRangesApiContract::revenue).sum();
        for (String tier : TIERS) rows.add(row(dimension, group, tier, in, groupRevenue));
        rows.add(row(dimension, group, null, in, groupRevenue));
      }
    });
    return rows;
  }

  private static long revenue(Customer c) {
    return c.now().netCents() - (c.before() == null ? 0 : c.before().netCents());
  }

  private static KpiRow row(String dimension, String group, String tier, List<Customer> in, long groupRevenue) {
    long periodStart = BEFORE.toEpochDay();
    long earlierStart = periodStart - (NOW.toEpochDay() - periodStart); // the equally long period before
    List<Customer> current = in.stream().filter(c -> c.now() != null && (tier == null || c.now().tier().equals(tier)))
        .toList();
    List<Customer> buyers = current.stream().filter(c -> bought(c.now(), periodStart)).toList();
    long repeat = buyers.stream().filter(c -> c.now().purchaseDays()
        - (c.before() == null ? 0 : c.before().purchaseDays()) >= 2).count();
    long revenue = current.stream().mapToLong(KpiRangesApiContract::revenue).sum();
    long orders = current.stream().mapToLong(c -> Math.max(0, c.now().orders()
        - (c.before() == null ? 0 : c.before().orders()))).sum();
    long complaints = current.stream().mapToLong(c -> Math.max(0, c.now().complaints()
        - (c.before() == null ? 0 : c.before().complaints()))).sum();
    List<Customer> earlier = in.stream().filter(c -> c.before() != null
        && (tier == null || c.before().tier().equals(tier))).toList();
    List<Customer> wereActive = earlier.stream().filter(c -> bought(c.before(), earlierStart)).toList();
    long stillActive = wereActive.stream().filter(c -> c.now() != null && bought(c.now(), periodStart)).count();
    long up = earlier.stream().filter(c -> c.now() != null
        && TIERS.indexOf(c.now().tier()) < TIERS.indexOf(c.before().tier())).count();
    long down = earlier.stream().filter(c -> c.now() != null
        && TIERS.indexOf(c.now().tier()) > TIERS.indexOf(c.before().tier())).count();
    List<Float> clv = current.stream().map(c -> c.now().clv()).filter(v -> v != null).toList();
    List<Float> pAlive = current.stream().map(c -> c.now().pAlive()).filter(v -> v != null).toList();
    List<Integer> nps = current.stream().map(Customer::nps).filter(v -> v != null).toList();
    List<Integer> csat = current.stream().map(Customer::csat).filter(v -> v != null).toList();
    long promoters = nps.stream().filter(v -> v >= 9).count();
    long detractors = nps.stream().filter(v -> v <= 6).count();
    Double retention = wereActive.isEmpty() ? null : stillActive / (double) wereActive.size();
    return new KpiRow(dimension, group, tier, current.size(), buyers.size(), revenue,
        groupRevenue > 0 ? revenue / (double) groupRevenue : null,
        orders > 0 ? revenue / 100.0 / orders : null,
        buyers.isEmpty() ? null : repeat / (double) buyers.size(),
        (long) wereActive.size(), retention, retention == null ? null : 1 - retention, up, down,
        clv.isEmpty() ? null : clv.stream().mapToDouble(v -> v).sum() / clv.size(),
        pAlive.isEmpty() ? null : pAlive.stream().mapToDouble(v -> v).sum() / pAlive.size(),
        nps.isEmpty() ? null : 100.0 * (promoters - detractors) / nps.size(), nps.size(),
        csat.isEmpty() ? null : csat.stream().mapToInt(v -> v).sum() / (double) csat.size(), csat.size(),
        current.isEmpty() ? null : 100.0 * complaints / current.size(), 0L, null, 0L, null);
  }

  private static boolean bought(State s, long after) {
    return s.lastDay() != null && s.lastDay() > after;
  }
}
