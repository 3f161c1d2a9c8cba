package strata.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.IntStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

  /** Labels looked up once per run, not once per row (a bundle lookup per cell dominated writing). */
  private record Labels(String[] segment, String[] stage) {
    static Labels of(Locale locale) {
      String[] segment = new String[ClassicSegment.values().length];
      for (ClassicSegment c : ClassicSegment.values()) segment[c.ordinal()] = c.label(locale);
      String[] stage = new String[strata.lifecycle.LifecycleStage.values().length];
      for (var st : strata.lifecycle.LifecycleStage.values()) stage[st.ordinal()] = st.label(locale);
      return new Labels(segment, stage);
    }
  }

  /** Writes UTF-8 with a byte-order mark, so Excel shows Chinese text correctly. */
  public static void write(RunResult run, Path file, Locale locale) throws IOException {
    ScoredCustomers s = run.customers();
    boolean chinese = locale.getLanguage().equals("zh");
    Labels labels = Labels.of(locale);
    int chunk = 1 << 15;
    int chunks = (s.size + chunk - 1) / chunk;
    int round = Math.max(1, Runtime.getRuntime().availableProcessors()) * 2;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(("\uFEFF" + HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      // Rows are formatted in parallel chunks and written in order: formatting, not I/O, bounds this step.
      for (int first = 0; first < chunks; first += round) {
        int from = first;
        byte[][] parts = IntStream.range(from, Math.min(chunks, from + round)).parallel()
            .mapToObj(c -> format(run, s, c * chunk, Math.min(s.size, (c + 1) * chunk), labels, chinese))
            .toArray(byte[][]::new);
        for (byte[] part : parts) out.write(part);
      }
    }
  }

  private static byte[] format(RunResult run, ScoredCustomers s, int from, int to, Labels labels, boolean chinese) {
    StringBuilder sb = new StringBuilder((to - from) * 256);
    for (int i = from; i < to; i++) {
      row(sb, run, s, i, labels, chinese);
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder sb, RunResult run, ScoredCustomers s, int i, Labels labels, boolean chinese) {
    CustomerProfile p = s.profiles == null ? null : s.profiles[i];
    CsvText.appendText(sb, s.customerId(i));
    for (String text : p == null ? new String[5]
        : new String[] {p.name(), p.owner(), p.industry(), p.region(), p.size()}) {
      sb.append(',');
      CsvText.appendText(sb, text);
    }
    TierRule tier = run.model().tiers().get(s.tier[i]);
    sb.append(',').append(tier.id()).append(',');
    CsvText.appendText(sb, tier.name(chinese));
    sb.append(',');
    CsvText.appendText(sb, run.engine().explain(i, s.tier[i], s, chinese));
    if (s.bought(i)) {
      purchase(sb, s, i, labels);
    } else {
      // first_purchase .. abc_class: no purchase, so no dates, recency or scores; counts and amounts are zero
      sb.append(String.join(",", "", "", "", "", "0", "0", "0.00", "", "0.00", "", "", "", "", "", "", ""));
    }
    sb.append(',').append(s.stage(i).code()).append(',').append(labels.stage()[s.lifecycle[i]]);
    sb.append(',').append(Quadrant.ofOrdinal(s.quadrant[i]).code());
    appendScore(sb, s.composite.score()[i]);
    for (Component c : COMPONENTS) {
      appendScore(sb, s.composite.component(c)[i]);
    }
    sb.append(',');
    StringBuilder missing = new StringBuilder();
    for (Component c : COMPONENTS) {
      if (s.composite.isMissing(i, c)) missing.append(missing.length() > 0 ? "|" : "").append(c.code());
    }
    sb.append(missing);
    float clv = s.prediction(s.clv.clv(), i);
    sb.append(',');
    if (!Float.isNaN(clv)) CsvText.appendCents(sb, Math.round(clv * 100.0));
    float alive = s.prediction(s.clv.pAlive(), i);
    appendFixed(sb, alive, 1000, true);
    appendFixed(sb, 1 - alive, 1000, true);
    appendFixed(sb, s.prediction(s.clv.expected90(), i), 1000, true);
    Engagement e = s.engagements == null ? null : s.engagements[i];
    sb.append(',').append(e == null ? 0 : e.interactions()).append(',').append(e == null ? 0 : e.complaints());
    sb.append(',').append(e == null || e.nps() < 0 ? "" : String.valueOf(e.nps()));
    sb.append(',').append(e == null || e.csat() < 0 ? "" : String.valueOf(e.csat()));
    sb.append(',');
    if (s.bought(i) && s.purchases.topCategory != null) CsvText.appendText(sb, s.purchases.topCategory[i]);
    sb.append(',');
    if (s.bought(i) && !Float.isNaN(s.purchases.topCategoryShare[i])) {
      appendFixed(sb, s.purchases.topCategoryShare[i], 1000);
    }
  }

  private static void purchase(StringBuilder sb, ScoredCustomers s, int i, Labels labels) {
    var p = s.purchases;
    sb.append(',').append(LocalDate.ofEpochDay(p.firstDay[i])).append(',').append(LocalDate.ofEpochDay(p.lastDay[i]));
    sb.append(',').append(s.recencyDays(i)).append(',').append(p.orders[i]).append(',').append(p.distinctDays[i]);
    sb.append(',');
    CsvText.appendCents(sb, p.netCents[i]);
    sb.append(',');
    if (p.orders[i] > 0) CsvText.appendCents(sb, Math.round(p.netCents[i] / (double) p.orders[i]));
    sb.append(',');
    CsvText.appendCents(sb, p.refundCents[i]);
    sb.append(',').append(s.rfm.r()[i]).append(',').append(s.rfm.f()[i]).append(',').append(s.rfm.m()[i]);
    ClassicSegment seg = ClassicSegment.ofOrdinal(s.classicSegment[i]);
    sb.append(',').append(seg.code()).append(',').append(labels.segment()[seg.ordinal()]);
    sb.append(',').append(RfmSegment11.ofOrdinal(s.segment11[i]).code());
    sb.append(',').append((char) s.abc[i]);
  }

  private static void appendScore(StringBuilder sb, float v) {
    appendFixed(sb, v, 10, true);
  }

  /** Appends a comma, then the value unless it is NaN. */
  private static void appendFixed(StringBuilder sb, float v, int scale, boolean comma) {
    if (comma) sb.append(',');
    if (!Float.isNaN(v)) appendFixed(sb, v, scale);
  }

  private static final Component[] COMPONENTS = Component.values();

  /** A non-negative number with log10(scale) decimals, rounded half-up; String.format was a hot spot here. */
  static void appendFixed(StringBuilder sb, double v, int scale) {
    long units = Math.round(v * scale);
    sb.append(units / scale).append('.');
    String frac = Long.toString(units % scale);
    for (int k = frac.length(); k < Integer.toString(scale).length() - 1; k++) sb.append('0');
    sb.append(frac);
  }
}
