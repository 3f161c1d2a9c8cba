package strata.server.run;

import strata.server.data.Visible;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.asof.AsOfPolicy;
import strata.identity.IdMerges;
import strata.intake.AmountOutliers;
import strata.intake.AmountWatch;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.server.data.StreamedReads;
import strata.server.data.SummaryStore;
import strata.summary.CustomerSummary;

/** What a run scores, read from the stores: purchase summaries (not the history), profiles and engagement. */
@Service
class RunData {
  /**
   * @param asOf the run's as-of day (the request's, or {@link AsOfPolicy}'s default)
   * @param purchasesAfter stored purchases dated after it, left out of the summaries
   * @param merges the accepted merges applied to the summaries, profiles and engagement, in the order applied (the
   *     run's other reads of purchases apply the same)
   * @param outliers the outlier amounts left out of the summaries ({@code excluded}), null when none were
   */
  record Inputs(List<CustomerSummary> summaries, Map<String, CustomerProfile> profiles,
      Map<String, Engagement> engagement, int firstDay, int lastDay, LocalDate asOf, long purchasesAfter,
      List<IdMerges> merges, AmountOutliers outliers) {
    /** Ids merged into another id by this run. */
    int mergedIds() {
      return merges.stream().mapToInt(m -> m.merged().size()).sum();
    }
  }

  private final JdbcClient db;
  private final SummaryStore summaries;
  private final List<RunMerges> merges;
  private final StreamedReads streamed;
  /**
   * Reads the profiles and the engagement while the summaries are read: each is a query the database answers and the
   * server parses, so side by side they use both cores (bench/README.md "A full run at 1M customers: reading and
   * formatting").
   */
  private final ExecutorService reader = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "strata-run-read");
    t.setDaemon(true);
    return t;
  });

  RunData(JdbcClient db, SummaryStore summaries, List<RunMerges> merges, StreamedReads streamed) {
    this.db = db;
    this.streamed = streamed;
    this.summaries = summaries;
    this.merges = merges;
  }

  /**
   * The data as of a day: summaries of customers who bought later are rebuilt from their purchases up to it, and
   * interactions and surveys after it are left out, so a run as of an earlier day sees what was known then.
   *
   * @param requested the as-of day asked for, or null for the policy's default
   */
  Inputs load(LocalDate requested, boolean excludeOutliers) {
    return load(requested, true, excludeOutliers);
  }

  /**
   * The purchases and engagement as of a day without the customer records (empty profiles): what the churn
   * classifier reads as of its cut-off, which takes the profiles of the run itself.
   */
  Inputs purchasesAndEngagement(LocalDate day, boolean excludeOutliers) {
    return load(day, false, excludeOutliers);
  }

  private Inputs load(LocalDate requested, boolean withProfiles, boolean excludeOutliers) {
    Future<Map<String, CustomerProfile>> read = withProfiles ? reader.submit(this::profiles)
        : CompletableFuture.completedFuture(new HashMap<>());
    List<CustomerSummary> all = new ArrayList<>();
    int[] last = {Integer.MIN_VALUE};
    try {
      summaries.forEach(s -> {
        all.add(s);
        last[0] = Math.max(last[0], s.lastDay());
      });
    } catch (RuntimeException e) {
      read.cancel(false); // never interrupted: an interrupt in H2's file I/O closes the embedded database
      throw e;
    }
    LocalDate asOf = AsOfPolicy.resolve(requested, last[0]);
    Future<Map<String, Engagement>> engaged = reader.submit(() -> engagement(asOf));
    int asOfDay = (int) asOf.toEpochDay();
    List<String> later = new ArrayList<>();
    for (CustomerSummary s : all) if (s.lastDay() > asOfDay) later.add(s.customerId());
    long after = 0;
    List<CustomerSummary> kept = all;
    Map<String, CustomerProfile> profiles = done(read);
    if (!later.isEmpty()) {
      SummaryStore.Truncated t = summaries.upTo(later, asOfDay);
      after = t.rowsAfter();
      kept = new ArrayList<>(all.size());
      for (CustomerSummary s : all) {
        if (s.lastDay() <= asOfDay) kept.add(s);
        else if (t.summaries().containsKey(s.customerId())) kept.add(t.summaries().get(s.customerId()));
        else withoutCreatedDay(profiles, s.customerId());
      }
    }
    AmountOutliers outliers = excludeOutliers ? outliers(asOfDay) : null;
    if (outliers != null) kept = withoutOutliers(kept, outliers.thresholdCents(), asOfDay);
    int first = Integer.MAX_VALUE;
    int lastKept = Integer.MIN_VALUE;
    for (CustomerSummary s : kept) {
      first = Math.min(first, s.firstDay());
      lastKept = Math.max(lastKept, s.lastDay());
    }
    return MergedInputs.apply(new Inputs(kept, profiles, done(engaged), first, lastKept, asOf, after,
        List.of(), outliers), merges);
  }

  /** A read done beside this one; its failure is this one's. */
  private static <T> T done(Future<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      read.cancel(false); // never interrupted, as in load()
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the run's data", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The outlier amounts among the purchases up to the as-of day, judged as a file run judges its transactions file
   * ({@link AmountOutliers}: median and MAD of the log amounts of all of them); null when there are none or too few
   * amounts to judge. One read of every purchase: only runs that exclude outliers pay it.
   */
  private AmountOutliers outliers(int asOfDay) {
    AmountWatch amounts = new AmountWatch();
    streamed.query("select customer_id, purchase_day, amount_cents from purchase where purchase_day <= ? and "
            + Visible.rows("purchase"), List.of(LocalDate.ofEpochDay(asOfDay)), rs -> {
          long cents = rs.getLong(3);
          int day = (int) rs.getObject(2, LocalDate.class).toEpochDay();
          amounts.add(cents, day, () -> {
            try {
              return rs.getString(1);
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
        });
    AmountOutliers o = amounts.judge();
    return o == null || o.rows() == 0 ? null : o.asExcluded();
  }

  /**
   * The summaries with the purchases of at least {@code thresholdCents} in size left out: those of the customers who
   * have such purchases rebuilt from the rest of theirs; a customer with none left is no buyer in this run.
   */
  private List<CustomerSummary> withoutOutliers(List<CustomerSummary> summaries, long thresholdCents, int asOfDay) {
    List<String> hit = db.sql("select distinct customer_id from purchase where purchase_day <= ? and "
            + "abs(amount_cents) >= ? and " + Visible.rows("purchase"))
        .params(LocalDate.ofEpochDay(asOfDay), thresholdCents).query(String.class).list();
    Map<String, CustomerSummary> rebuilt = this.summaries.upTo(hit, asOfDay, thresholdCents).summaries();
    java.util.Set<String> changed = java.util.Set.copyOf(hit);
    List<CustomerSummary> out = new ArrayList<>(summaries.size());
    for (CustomerSummary s : summaries) {
      if (!changed.contains(s.customerId())) out.add(s);
      else if (rebuilt.containsKey(s.customerId())) out.add(rebuilt.get(s.customerId()));
    }
    return out;
  }

  /**
   * A customer whose first purchase is after the as-of day and whose created day is unknown first appeared after it:
   * not a prospect of that day (core leaves out those created after it).
   */
  private static void withoutCreatedDay(Map<String, CustomerProfile> profiles, String customerId) {
    CustomerProfile p = profiles.get(customerId);
    if (p != null && p.created() == null) profiles.remove(customerId);
  }

  private Map<String, CustomerProfile> profiles() {
    Map<String, CustomerProfile> out = new HashMap<>();
    streamed.query("select id, name, industry, size, region, owner, phone, email, birthday, created from customer",
        List.of(), rs -> {
          out.put(rs.getString(1), new CustomerProfile(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
              rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class)));
        });
    return out;
  }

  private Map<String, Engagement> engagement(LocalDate asOf) {
    Map<String, Engagement> out = new HashMap<>();
    LocalDateTime end = asOf.plusDays(1).atStartOfDay();
    streamed.query("select customer_id, at, type from interaction where at < ? and " + Visible.rows("interaction"),
        List.of(end), rs -> {
      out.merge(rs.getString(1), Engagement.interaction(rs.getString(3), day(rs.getObject(2, LocalDateTime.class))),
          Engagement::merge);
    });
    streamed.query("select customer_id, at, nps, csat from survey where at < ? and " + Visible.rows("survey"),
        List.of(end), rs -> {
      Integer nps = rs.getObject(3, Integer.class);
      Integer csat = rs.getObject(4, Integer.class);
      out.merge(rs.getString(1), Engagement.survey(nps == null ? -1 : nps, csat == null ? -1 : csat,
          day(rs.getObject(2, LocalDateTime.class))), Engagement::merge);
    });
    return out;
  }

  private static int day(LocalDateTime t) {
    return (int) t.toLocalDate().toEpochDay();
  }
}
