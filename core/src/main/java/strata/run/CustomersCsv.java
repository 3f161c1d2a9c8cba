package strata.run;

import strata.intake.CsvText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.IntStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.rfm.ClassicSegment;
import strata.rfm.RfmSegment11;
import strata.tier.TierRule;
import strata.value.Component;
import strata.value.Quadrant;

/** Writes customers.csv: one row per customer with metrics, scores, tier and the reason for it. */
public final class CustomersCsv {
  public static final String HEADER = "customer_id,name,owner,industry,region,size,tier,tier_name,tier_reason,"
      + "first_purchase,last_purchase,recency_days,frequency,purchase_days,monetary,avg_order_value,refund_amount,"
      + "r_score,f_score,m_score,rfm_segment,rfm_segment_name,rfm_segment11,abc_class,lifecycle_stage,"
      + "lifecycle_stage_name,value_quadrant,composite_score,historical_score,potential_score,strategic_score,"
      + "composite_missing,clv,p_alive,churn_risk,expected_purchases_90d,interactions,complaints,nps,csat,top_category,top_category_share";

  private CustomersCsv() {}

  /** Labels looked up and encoded once per run, not once per row. */
  private record Labels(byte[][] segment, byte[][] stage, byte[][] tierName) {
    static Labels of(RunResult run, Locale locale, boolean chinese) {
      byte[][] segment = new byte[ClassicSegment.values().length][];
      for (ClassicSegment c : ClassicSegment.values()) segment[c.ordinal()] = cell(c.label(locale));
      byte[][] stage = new byte[strata.lifecycle.LifecycleStage.values().length][];
      for (var st : strata.lifecycle.LifecycleStage.values()) stage[st.ordinal()] = cell(st.label(locale));
      byte[][] tierName = new byte[run.model().tiers().size()][];
      for (int t = 0; t < tierName.length; t++) tierName[t] = cell(run.model().tiers().get(t).name(chinese));
      return new Labels(segment, stage, tierName);
    }

    private static byte[] cell(String text) {
      StringBuilder sb = new StringBuilder();
      CsvText.appendText(sb, text);
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Writes UTF-8 with a byte-order mark, so Excel shows Chinese text correctly. */
  public static void write(RunResult run, Path file, Locale locale) throws IOException {
    ScoredCustomers s = run.customers();
    boolean chinese = locale.getLanguage().equals("zh");
    Labels labels = Labels.of(run, locale, chinese);
    int chunks = (s.size + CHUNK - 1) / CHUNK;
    int round = Math.max(1, Runtime.getRuntime().availableProcessors()) * 2;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(("\uFEFF" + HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      // Rows are formatted in parallel chunks and written in order: formatting, not I/O, bounds this step. Each
      // round is written while the next one is formatted into the other of two sets of chunks.
      Chunk[][] sets = new Chunk[2][round];
      for (Chunk[] set : sets) java.util.Arrays.setAll(set, k -> new Chunk());
      java.util.concurrent.CompletableFuture<Void> writing = java.util.concurrent.CompletableFuture.completedFuture(null);
      java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
      try {
        for (int first = 0; first < chunks; first += round) {
          int from = first;
          int count = Math.min(round, chunks - first);
          Chunk[] set = sets[first / round % 2];
          IntStream.range(0, count).parallel().forEach(k -> set[k].format(run, s, (from + k) * CHUNK,
              Math.min(s.size, (from + k + 1) * CHUNK), labels, chinese));
          writing.join();
          writing = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
              for (int k = 0; k < count; k++) set[k].out.writeTo(out);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }, writer);
        }
        writing.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof java.io.UncheckedIOException u) throw u.getCause();
        throw e;
      } finally {
        writer.shutdown();
      }
    }
  }

  /** Rows per chunk: a few MB of text, so the two sets of chunks stay small. */
  private static final int CHUNK = 1 << 13;

  /**
   * A chunk's rows, as UTF-8. Its buffer is reused for chunk after chunk, and so are the tier reasons it has encoded:
   * reasons repeat heavily (a few hundred distinct ones among 1M customers with the default model).
   */
  private static final class Chunk {
    /** Enough for any one run's distinct reasons with the usual models, not for reasons quoting exact amounts. */
    private static final int REASONS = 10_000;
    final Utf8Builder out = new Utf8Builder(CHUNK * 300);
    private final java.util.Map<String, byte[]> reasons = new java.util.HashMap<>();

    void format(RunResult run, ScoredCustomers s, int from, int to, Labels labels, boolean chinese) {
      out.clear();
      for (int i = from; i < to; i++) {
        row(out, run, s, i, labels, chinese, this);
        out.newline();
      }
    }

    byte[] reason(String text) {
      byte[] cell = reasons.get(text);
      if (cell == null) {
        cell = Labels.cell(text);
        if (reasons.size() < REASONS) reasons.put(text, cell);
      }
      return cell;
    }
  }

  private static void row(Utf8Builder out, RunResult run, ScoredCustomers s, int i, Labels labels, boolean chinese,
      Chunk chunk) {
    CustomerProfile p = s.profiles == null ? null : s.profiles[i];
    out.text(s.customerId(i));
    if (p == null) {
      out.comma().comma().comma().comma().comma();
    } else {
      out.comma().text(p.name()).comma().text(p.owner()).comma().text(p.industry()).comma().text(p.region())
          .comma().text(p.size());
    }
    TierRule tier = run.model().tiers().get(s.tier[i]);
    out.comma().ascii(tier.id()).comma().bytes(labels.tierName()[s.tier[i]]);
    out.comma().bytes(chunk.reason(run.engine().explain(i, s.tier[i], s, chinese)));
    if (s.bought(i)) {
      purchase(out, s, i, labels);
    } else {
      // first_purchase .. abc_class: no purchase, so no dates, recency or scores; counts and amounts are zero
      out.ascii(",,,,0,0,0.00,,0.00,,,,,,,");
    }
    out.comma().ascii(s.stage(i).code()).comma().bytes(labels.stage()[s.lifecycle[i]]);
    out.comma().ascii(Quadrant.ofOrdinal(s.quadrant[i]).code());
    out.comma().fixed(s.composite.score()[i], 1);
    for (Component c : COMPONENTS) out.comma().fixed(s.composite.component(c)[i], 1);
    out.comma();
    boolean firstMissing = true;
    for (Component c : COMPONENTS) {
      if (s.composite.isMissing(i, c)) {
        if (!firstMissing) out.ascii("|");
        out.ascii(c.code());
        firstMissing = false;
      }
    }
    float clv = s.prediction(s.clv.clv(), i);
    out.comma();
    if (!Float.isNaN(clv)) out.cents(Math.round(clv * 100.0));
    float alive = s.prediction(s.clv.pAlive(), i);
    out.comma().fixed(alive, 3).comma().fixed(1 - alive, 3);
    out.comma().fixed(s.prediction(s.clv.expected90(), i), 3);
    Engagement e = s.engagements == null ? null : s.engagements[i];
    out.comma().number(e == null ? 0 : e.interactions()).comma().number(e == null ? 0 : e.complaints());
    out.comma();
    if (e != null && e.nps() >= 0) out.number(e.nps());
    out.comma();
    if (e != null && e.csat() >= 0) out.number(e.csat());
    out.comma();
    if (s.bought(i) && s.purchases.topCategory != null) out.text(s.purchases.topCategory[i]);
    out.comma();
    if (s.bought(i)) out.fixed(s.purchases.topCategoryShare[i], 3);
  }

  private static void purchase(Utf8Builder out, ScoredCustomers s, int i, Labels labels) {
    var p = s.purchases;
    out.comma().date(p.firstDay[i]).comma().date(p.lastDay[i]);
    out.comma().number(s.recencyDays(i)).comma().number(p.orders[i]).comma().number(p.distinctDays[i]);
    out.comma().cents(p.netCents[i]).comma();
    if (p.orders[i] > 0) out.cents(Math.round(p.netCents[i] / (double) p.orders[i]));
    out.comma().cents(p.refundCents[i]);
    out.comma().number(s.rfm.r()[i]).comma().number(s.rfm.f()[i]).comma().number(s.rfm.m()[i]);
    ClassicSegment seg = ClassicSegment.ofOrdinal(s.classicSegment[i]);
    out.comma().ascii(seg.code()).comma().bytes(labels.segment()[seg.ordinal()]);
    out.comma().ascii(RfmSegment11.ofOrdinal(s.segment11[i]).code());
    out.comma().ascii(s.abc[i]);
  }

  private static final Component[] COMPONENTS = Component.values();
}
