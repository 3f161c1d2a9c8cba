package strata.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
      + "composite_missing,interactions,complaints,nps,csat,top_category,top_category_share";

  private CustomersCsv() {}

  /** Writes UTF-8 with a byte-order mark, so Excel shows Chinese text correctly. */
  public static void write(RunResult run, Path file, Locale locale) throws IOException {
    ScoredCustomers s = run.customers();
    boolean chinese = locale.getLanguage().equals("zh");
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
        1 << 20)) {
      w.write('\uFEFF');
      w.write(HEADER);
      w.write('\n');
      StringBuilder sb = new StringBuilder(512);
      for (int i = 0; i < s.size; i++) {
        sb.setLength(0);
        row(sb, run, s, i, locale, chinese);
        sb.append('\n');
        w.append(sb);
      }
    }
  }

  private static void row(StringBuilder sb, RunResult run, ScoredCustomers s, int i, Locale locale, boolean chinese) {
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
      purchase(sb, s, i, locale);
    } else {
      // first_purchase .. abc_class: no purchase, so no dates, recency or scores; counts and amounts are zero
      sb.append(String.join(",", "", "", "", "", "0", "0", "0.00", "", "0.00", "", "", "", "", "", "", ""));
    }
    sb.append(',').append(s.stage(i).code()).append(',').append(s.stage(i).label(locale));
    sb.append(',').append(Quadrant.ofOrdinal(s.quadrant[i]).code());
    appendScore(sb, s.composite.score()[i]);
    for (Component c : Component.values()) {
      appendScore(sb, s.composite.component(c)[i]);
    }
    sb.append(',');
    StringBuilder missing = new StringBuilder();
    for (Component c : Component.values()) {
      if (s.composite.isMissing(i, c)) missing.append(missing.length() > 0 ? "|" : "").append(c.name().toLowerCase(Locale.ROOT));
    }
    sb.append(missing);
    Engagement e = s.engagements == null ? null : s.engagements[i];
    sb.append(',').append(e == null ? 0 : e.interactions()).append(',').append(e == null ? 0 : e.complaints());
    sb.append(',').append(e == null || e.nps() < 0 ? "" : String.valueOf(e.nps()));
    sb.append(',').append(e == null || e.csat() < 0 ? "" : String.valueOf(e.csat()));
    sb.append(',');
    if (s.bought(i) && s.purchases.topCategory != null) CsvText.appendText(sb, s.purchases.topCategory[i]);
    sb.append(',');
    if (s.bought(i) && !Float.isNaN(s.purchases.topCategoryShare[i])) {
      sb.append(String.format(Locale.ROOT, "%.3f", s.purchases.topCategoryShare[i]));
    }
  }

  private static void purchase(StringBuilder sb, ScoredCustomers s, int i, Locale locale) {
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
    sb.append(',').append(seg.code()).append(',').append(seg.label(locale));
    sb.append(',').append(RfmSegment11.ofOrdinal(s.segment11[i]).code());
    sb.append(',').append((char) s.abc[i]);
  }

  private static void appendScore(StringBuilder sb, float v) {
    sb.append(',');
    if (!Float.isNaN(v)) sb.append(String.format(Locale.ROOT, "%.1f", v));
  }
}
