package strata.run;

import strata.intake.CsvText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.lifecycle.LifecycleStage;
import strata.product.ProductText;
import strata.rfm.ClassicSegment;
import strata.rfm.RfmSegment11;
import strata.tier.TierEngine;
import strata.tier.TierReason;
import strata.value.Component;
import strata.value.Quadrant;

/**
 * Writes customers.csv: one row per customer with metrics, scores, tier and the reason for it.
 *
 * <p>Rows are formatted by hand into UTF-8 bytes ({@link Utf8Builder}, {@link CsvText#appendText}) rather than with
 * the CSV library the other writers use: this file is a measured share of a run (bench/README.md: 1.4 GB, 6.6 s of a
 * 45 s 100M-row run, the rest of the writing phase reworked change by change against byte-identical output).
 */
public final class CustomersCsv {
  public static final String HEADER = "customer_id,name,owner,industry,region,size,tier,tier_name,tier_reason,"
      + "tier_reason_json,first_purchase,last_purchase,recency_days,frequency,purchase_days,monetary,avg_order_value,refund_amount,"
      + "r_score,f_score,m_score,rfm_segment,rfm_segment_name,rfm_segment11,abc_class,lifecycle_stage,"
      + "lifecycle_stage_name,value_quadrant,composite_score,historical_score,potential_score,strategic_score,"
      + "composite_missing,clv,p_alive,churn_risk,expected_purchases_90d,interactions,complaints,nps,csat,top_category,top_category_share,"
      + "churn_prob,churn_reasons,churn_reason_codes,cluster,cluster_name,top_categories,top_products,"
      + "category_last_purchase,next_product,next_product_reason";

  private CustomersCsv() {}

  /** Labels and codes looked up and encoded once per run, not once per row. */
  private record Labels(byte[][] segment, byte[][] stage, byte[][] tierName, byte[][] tierId, byte[][] segmentCode,
      byte[][] segment11Code, byte[][] stageCode, byte[][] quadrantCode, byte[][] missing, byte[][] clusterName,
      String[] churnFeature, String churnSeparator) {
    static Labels of(RunResult run, Locale locale, boolean chinese) {
      var tiers = run.model().tiers();
      return new Labels(
          encode(ClassicSegment.values().length, k -> cell(ClassicSegment.ofOrdinal(k).label(locale))),
          encode(LifecycleStage.values().length, k -> cell(LifecycleStage.ofOrdinal(k).label(locale))),
          encode(tiers.size(), t -> cell(tiers.get(t).name(chinese))),
          encode(tiers.size(), t -> ascii(tiers.get(t).id())),
          encode(ClassicSegment.values().length, k -> ascii(ClassicSegment.ofOrdinal(k).code())),
          encode(RfmSegment11.values().length, k -> ascii(RfmSegment11.ofOrdinal(k).code())),
          encode(LifecycleStage.values().length, k -> ascii(LifecycleStage.ofOrdinal(k).code())),
          encode(Quadrant.values().length, k -> ascii(Quadrant.ofOrdinal(k).code())),
          encode(1 << COMPONENTS.length, Labels::missing),
          clusterNames(run.customers().clusters, locale),
          churnFeatureNames(run.customers().churn, locale),
          strata.i18n.Labels.get("churn.reason.separator", locale));
    }

    /** The churn classifier's features by index, by their names in {@code locale}. */
    private static String[] churnFeatureNames(strata.churn.ChurnResult churn, Locale locale) {
      if (churn == null) return new String[0];
      return churn.features().stream().map(f -> strata.i18n.Labels.get("churn.feature." + f, locale))
          .toArray(String[]::new);
    }

    /** Index 0 is "no cluster" (empty), then the clusters by id. */
    private static byte[][] clusterNames(strata.cluster.ClusterAnalysis.Result clusters, Locale locale) {
      int k = clusters == null ? 0 : clusters.clusters().size();
      byte[][] out = new byte[k + 1][];
      out[0] = new byte[0];
      for (int c = 0; c < k; c++) out[c + 1] = cell(clusters.clusters().get(c).describe(locale));
      return out;
    }

    private static byte[][] encode(int count, java.util.function.IntFunction<byte[]> bytes) {
      byte[][] out = new byte[count][];
      java.util.Arrays.setAll(out, bytes);
      return out;
    }

    static byte[] cell(String text) {
      StringBuilder sb = new StringBuilder();
      CsvText.appendText(sb, text);
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** As {@link Utf8Builder#ascii(String)} writes it. */
    private static byte[] ascii(String code) {
      byte[] out = new byte[code.length()];
      for (int i = 0; i < out.length; i++) out[i] = (byte) code.charAt(i);
      return out;
    }

    /** composite_missing for a set of missing components, bit k for COMPONENTS[k]: codes joined by |. */
    private static byte[] missing(int set) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < COMPONENTS.length; k++) {
        if ((set & 1 << k) == 0) continue;
        if (sb.length() > 0) sb.append('|');
        sb.append(COMPONENTS[k].code());
      }
      return ascii(sb.toString());
    }
  }

  /** Writes UTF-8 with a byte-order mark, so Excel shows Chinese text correctly; past the page cache where it can. */
  public static void write(RunResult run, Path file, Locale locale) throws IOException {
    ScoredCustomers s = run.customers();
    boolean chinese = locale.getLanguage().equals("zh");
    Labels labels = Labels.of(run, locale, chinese);
    try (OutputStream out = DirectOutput.open(file)) {
      out.write(("\uFEFF" + HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      OrderedChunks.write(out, s.size, CHUNK, () -> new Chunk(run, labels, locale));
    }
  }

  /** Rows per chunk: a few MB of text, so the two sets of chunks stay small. */
  private static final int CHUNK = 1 << 13;

  /**
   * A chunk's rows, as UTF-8. Its buffer is reused for chunk after chunk, and so are the tier reasons it has rendered
   * and encoded: reasons repeat heavily (33 distinct ones among the 1M customers of the 10M-row benchmark), and the
   * explainer returns the same instance for the same reason, so they are kept by identity.
   */
  private static final class Chunk implements OrderedChunks.Chunk {
    /** Enough for any one run's distinct reasons with the usual models, not for reasons quoting exact amounts. */
    private static final int REASONS = 10_000;
    final Utf8Builder out;
    private final java.util.Map<TierReason, byte[]> reasons = new java.util.IdentityHashMap<>();
    private final ScoredCustomers s;
    private final Labels labels;
    private final Locale locale;
    private final TierEngine.Explainer explainer;

    Chunk(RunResult run, Labels labels, Locale locale) {
      this.s = run.customers();
      this.out = new Utf8Builder(Math.min(s.size, CHUNK) * 300);
      this.labels = labels;
      this.locale = locale;
      this.explainer = run.engine().explainer(s);
    }

    @Override
    public Utf8Builder format(int from, int to) {
      out.clear();
      for (int i = from; i < to; i++) {
        row(out, s, i, labels, this);
        out.newline();
      }
      return out;
    }

    /** The tier_reason and tier_reason_json cells. */
    byte[] reason(int customer, int tier) {
      TierReason reason = explainer.reason(customer, tier);
      byte[] cells = reasons.get(reason);
      if (cells == null) {
        byte[] text = Labels.cell(reason.text(locale));
        byte[] json = Labels.cell(reason.json());
        cells = java.util.Arrays.copyOf(text, text.length + 1 + json.length);
        cells[text.length] = ',';
        System.arraycopy(json, 0, cells, text.length + 1, json.length);
        if (reasons.size() < REASONS) reasons.put(reason, cells);
      }
      return cells;
    }
  }

  private static void row(Utf8Builder out, ScoredCustomers s, int i, Labels labels, Chunk chunk) {
    CustomerProfile p = s.profiles == null ? null : s.profiles[i];
    out.text(s.customerId(i));
    if (p == null) {
      out.comma().comma().comma().comma().comma();
    } else {
      out.comma().text(p.name()).comma().text(p.owner()).comma().text(p.industry()).comma().text(p.region())
          .comma().text(p.size());
    }
    out.comma().bytes(labels.tierId()[s.tier[i]]).comma().bytes(labels.tierName()[s.tier[i]]);
    out.comma().bytes(chunk.reason(i, s.tier[i]));
    if (s.bought(i)) {
      purchase(out, s, i, labels);
    } else {
      // first_purchase .. abc_class: no purchase, so no dates, recency or scores; counts and amounts are zero
      out.ascii(",,,,0,0,0.00,,0.00,,,,,,,");
    }
    out.comma().bytes(labels.stageCode()[s.lifecycle[i]]).comma().bytes(labels.stage()[s.lifecycle[i]]);
    out.comma().bytes(labels.quadrantCode()[s.quadrant[i]]);
    out.comma().fixed(s.composite.score()[i], 1);
    for (Component c : COMPONENTS) out.comma().fixed(s.composite.component(c)[i], 1);
    int missing = 0;
    for (int k = 0; k < COMPONENTS.length; k++) missing |= s.composite.isMissing(i, COMPONENTS[k]) ? 1 << k : 0;
    out.comma().bytes(labels.missing()[missing]);
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
    if (s.bought(i) && s.products != null) {
      String top = s.topCategory(i);
      Double share = s.topCategoryShare(i);
      if (top != null) out.text(top);
      out.comma();
      if (share != null) out.fixed(share, 3);
    } else {
      if (s.bought(i) && s.purchases.topCategory != null) out.text(s.purchases.topCategory[i]);
      out.comma();
      if (s.bought(i) && s.purchases.topCategoryShare != null) out.fixed(s.purchases.topCategoryShare[i], 3);
    }
    predictions(out, s, i, labels);
    products(out, s, i, chunk.locale);
  }

  /** top_categories, top_products, category_last_purchase, next_product, next_product_reason. */
  private static void products(Utf8Builder out, ScoredCustomers s, int i, Locale locale) {
    var bought = s.bought(i) && s.products != null ? s.products.byCustomer()[i] : null;
    if (bought == null) {
      out.ascii(",,,,,");
      return;
    }
    out.comma().text(ProductText.shares(bought.categories())).comma().text(ProductText.shares(bought.products()));
    out.comma().text(ProductText.lastPurchases(bought.categories()));
    var next = s.products.next()[i];
    out.comma();
    if (next != null) out.text(next.item()).comma().text(ProductText.reason(next, locale));
    else out.comma();
  }

  /**
   * churn_prob; churn_reasons (the features' names in the run's language) and churn_reason_codes (their codes joined
   * by |), strongest first; cluster, cluster_name.
   */
  private static void predictions(Utf8Builder out, ScoredCustomers s, int i, Labels labels) {
    var churn = s.bought(i) ? s.churn : null;
    out.comma();
    if (churn != null) out.fixed(churn.churnProb()[i], 3);
    out.comma();
    if (churn != null) {
      StringBuilder names = new StringBuilder();
      StringBuilder codes = new StringBuilder();
      for (int k = 0; k < strata.churn.ChurnResult.REASONS; k++) {
        int f = churn.reasonFeature()[i * strata.churn.ChurnResult.REASONS + k];
        if (f < 0) break;
        if (k > 0) {
          names.append(labels.churnSeparator());
          codes.append('|');
        }
        names.append(labels.churnFeature()[f]);
        codes.append(churn.features().get(f));
      }
      out.text(names.toString()).comma().ascii(codes.toString());
    } else {
      out.comma();
    }
    int cluster = s.bought(i) && s.clusters != null ? s.clusters.cluster()[i] : 0;
    out.comma();
    if (cluster > 0) out.number(cluster);
    out.comma().bytes(labels.clusterName()[cluster]);
  }

  private static void purchase(Utf8Builder out, ScoredCustomers s, int i, Labels labels) {
    var p = s.purchases;
    out.comma().date(p.firstDay[i]).comma().date(p.lastDay[i]);
    out.comma().number(s.recencyDays(i)).comma().number(p.orders[i]).comma().number(p.distinctDays[i]);
    out.comma().cents(p.netCents[i]).comma();
    if (p.orders[i] > 0) out.cents(Math.round(p.netCents[i] / (double) p.orders[i]));
    out.comma().cents(p.refundCents[i]);
    out.comma().number(s.rfm.r()[i]).comma().number(s.rfm.f()[i]).comma().number(s.rfm.m()[i]);
    out.comma().bytes(labels.segmentCode()[s.classicSegment[i]]).comma().bytes(labels.segment()[s.classicSegment[i]]);
    out.comma().bytes(labels.segment11Code()[s.segment11[i]]);
    out.comma().ascii(s.abc[i]);
  }

  private static final Component[] COMPONENTS = Component.values();
}
