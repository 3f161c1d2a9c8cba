package strata.tier;

import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Assigns every customer exactly one tier: the first rule of the model whose condition holds.
 *
 * <p>CEL conditions are pure, so a condition's result depends only on the values of the metrics it reads. Those are
 * mostly scores and codes with few distinct combinations, so results are memoised per combination; this took the
 * default model from ~1.2 µs to well under 0.1 µs per customer and rule (bench/README.md). A rule reading
 * near-unique values (e.g. exact spend) stops caching after {@link #CACHE_LIMIT} combinations and just evaluates.
 */
public final class TierEngine {
  static final int CACHE_LIMIT = 50_000;
  private static final Object MISSING = new Object();
  private final TierModel model;

  public TierEngine(TierModel model) {
    this.model = model;
  }

  /**
   * @return the index (into {@code model.tiers()}) of each customer's tier
   * @throws TierModelException if a condition fails for a reason other than a missing metric
   */
  public byte[] assign(int customers, MetricSource metrics, int threads) {
    if (model.tiers().size() > 127) {
      throw new TierModelException(null, TierModelError.of(TierModelError.TOO_MANY_TIERS, "max", "127"));
    }
    byte[] tier = new byte[customers];
    int parts = Math.max(1, Math.min(threads, customers / 10_000 + 1));
    ExecutorService pool = Executors.newFixedThreadPool(parts);
    try {
      Future<?>[] futures = new Future<?>[parts];
      for (int p = 0; p < parts; p++) {
        int from = (int) ((long) customers * p / parts);
        int to = (int) ((long) customers * (p + 1) / parts);
        futures[p] = pool.submit(() -> new Worker(metrics).run(tier, from, to));
      }
      for (Future<?> f : futures) f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("tier assignment interrupted");
    } finally {
      pool.shutdownNow();
    }
    return tier;
  }

  /**
   * Why a customer is in a tier: the rule that matched, the values it read, and the earlier rules that could not be
   * checked because a metric they read was missing.
   */
  public TierReason reason(int customer, int tierIndex, MetricSource metrics) {
    TierRule rule = model.tiers().get(tierIndex);
    List<TierReason.Read> reads = new ArrayList<>(rule.reads().size());
    for (Metric m : rule.reads()) reads.add(new TierReason.Read(m, metrics.value(customer, m)));
    List<TierReason.NotChecked> notChecked = new ArrayList<>();
    for (int i = 0; i < tierIndex; i++) {
      TierRule earlier = model.tiers().get(i);
      for (Metric m : earlier.reads()) {
        if (metrics.value(customer, m) == null) {
          notChecked.add(new TierReason.NotChecked(earlier, i, m));
          break;
        }
      }
    }
    return new TierReason(rule, tierIndex, Collections.unmodifiableList(reads),
        Collections.unmodifiableList(notChecked));
  }

  /** {@link #reason} as text in Chinese or English (see {@link TierReason#text}). */
  public String explain(int customer, int tierIndex, MetricSource metrics, boolean chinese) {
    return reason(customer, tierIndex, metrics).text(chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
  }

  /**
   * {@link #reason} for the customers of one thread, memoised: a reason depends only on the values that the rules up
   * to the customer's tier read, and those repeat heavily (tiers read scores and codes). Building the text anew was a
   * fifth of the time spent writing customers.csv (JFR, 1M customers); a memoised reason is the same instance each
   * time, so callers can keep its rendered text by identity. Not safe for use by several threads.
   */
  public Explainer explainer(MetricSource metrics) {
    return new Explainer(metrics);
  }

  /** See {@link #explainer}; stops memoising after {@link #CACHE_LIMIT} combinations, as the tier caches do. */
  public final class Explainer {
    private final MetricSource metrics;
    private final Map<Key, TierReason> known = new HashMap<>();

    private Explainer(MetricSource metrics) {
      this.metrics = metrics;
    }

    /** @return a reason equal to {@link TierEngine#reason} */
    public TierReason reason(int customer, int tierIndex) {
      Key key = key(customer, tierIndex);
      TierReason reason = known.get(key);
      if (reason == null) {
        reason = TierEngine.this.reason(customer, tierIndex, metrics);
        if (known.size() < CACHE_LIMIT) known.put(key, reason);
      }
      return reason;
    }

    /** The tier and every value read by the rules up to it: all that the reason is made of. */
    private Key key(int customer, int tierIndex) {
      List<TierRule> rules = model.tiers();
      int size = 1;
      for (int r = 0; r <= tierIndex; r++) size += rules.get(r).reads().size();
      Object[] values = new Object[size];
      values[0] = tierIndex;
      int k = 1;
      for (int r = 0; r <= tierIndex; r++) {
        for (Metric m : rules.get(r).reads()) values[k++] = metrics.value(customer, m);
      }
      return new Key(values);
    }
  }

  /** Evaluates rules for a range of customers with its own caches (no sharing between threads). */
  private final class Worker {
    private final MetricSource metrics;
    private final List<Map<Key, Boolean>> caches;
    private final boolean[] caching;

    Worker(MetricSource metrics) {
      this.metrics = metrics;
      int n = model.tiers().size();
      caches = new ArrayList<>(n);
      for (int i = 0; i < n; i++) caches.add(new HashMap<>());
      caching = new boolean[n];
      Arrays.fill(caching, true);
    }

    void run(byte[] tier, int from, int to) {
      List<TierRule> rules = model.tiers();
      for (int c = from; c < to; c++) {
        int chosen = rules.size() - 1;
        for (int r = 0; r < rules.size() - 1; r++) {
          if (matches(c, r, rules.get(r))) {
            chosen = r;
            break;
          }
        }
        tier[c] = (byte) chosen;
      }
    }

    private boolean matches(int c, int r, TierRule rule) {
      Object[] values = new Object[rule.reads().size()];
      boolean missing = false;
      for (int k = 0; k < values.length; k++) {
        values[k] = metrics.value(c, rule.reads().get(k));
        if (values[k] == null) {
          values[k] = MISSING;
          missing = true;
        }
      }
      Key key = new Key(values);
      Boolean known = caching[r] ? caches.get(r).get(key) : null;
      if (known != null) return known;
      boolean result = !missing && evaluate(rule, values);
      if (caching[r]) {
        if (caches.get(r).size() < CACHE_LIMIT) caches.get(r).put(key, result);
        else caching[r] = false;
      }
      return result;
    }

    private boolean evaluate(TierRule rule, Object[] values) {
      try {
        Object out = rule.program().eval(name -> {
          int k = rule.reads().indexOf(Metric.ofVariable(name));
          return k < 0 ? Optional.empty() : Optional.of(values[k]);
        });
        return Boolean.TRUE.equals(out);
      } catch (CelEvaluationException e) {
        // Arithmetic errors (division by zero, overflow) make the condition false for this customer rather than
        // failing the run; the explanation lists the values read, so the cause is visible.
        return false;
      }
    }
  }

  private record Key(Object[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
