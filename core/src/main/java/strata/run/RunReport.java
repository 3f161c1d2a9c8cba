package strata.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import strata.abc.AbcClassifier;
import strata.i18n.Labels;
import strata.lifecycle.LifecycleStage;
import strata.report.CountRow;
import strata.report.ReportData;
import strata.report.ReportSection;
import strata.report.TierRow;
import strata.rfm.ClassicSegment;
import strata.tier.TierRule;

/** The aggregates of a run that the HTML report shows; one pass over the customers. */
public final class RunReport {
  private RunReport() {}

  /**
   * @param extra sections rendered by other features (e.g. the CLV holdout chart), shown before data quality
   */
  public static ReportData of(RunResult run, Locale locale, List<ReportSection> extra) {
    ScoredCustomers s = run.customers();
    boolean zh = locale.getLanguage().equals("zh");
    List<TierRule> tiers = run.model().tiers();
    long[] tierCount = new long[tiers.size()];
    long[] tierCents = new long[tiers.size()];
    long[][] rfmCount = new long[5][5];
    long[][] rfmCents = new long[5][5];
    int stages = LifecycleStage.values().length;
    long[] stageCount = new long[stages];
    long[] stageCents = new long[stages];
    int segments = ClassicSegment.values().length;
    long[] segmentCount = new long[segments];
    long[] segmentCents = new long[segments];
    long[] abcCount = new long[3];
    long[] abcCents = new long[3];
    long totalCents = 0;
    long repeatBuyers = 0;
    long dormantCents = 0;
    for (int i = 0; i < s.size; i++) {
      long cents = s.bought(i) ? s.purchases.netCents[i] : 0;
      totalCents += cents;
      tierCount[s.tier[i]]++;
      tierCents[s.tier[i]] += cents;
      stageCount[s.lifecycle[i]]++;
      stageCents[s.lifecycle[i]] += cents;
      if (s.stage(i) == LifecycleStage.DORMANT) dormantCents += cents;
      if (!s.bought(i)) continue;
      if (s.purchases.distinctDays[i] >= 2) repeatBuyers++;
      int r = clamp(s.rfm.r()[i]);
      int f = clamp(s.rfm.f()[i]);
      rfmCount[r][f]++;
      rfmCents[r][f] += cents;
      segmentCount[s.classicSegment[i]]++;
      segmentCents[s.classicSegment[i]] += cents;
      int abc = s.abc[i] - AbcClassifier.A;
      abcCount[abc]++;
      abcCents[abc] += cents;
    }
    List<TierRow> tierRows = new ArrayList<>();
    for (int t = 0; t < tiers.size(); t++) {
      tierRows.add(new TierRow(tiers.get(t).id(), tiers.get(t).name(zh), tiers.get(t).description(zh), tierCount[t],
          money(tierCents[t])));
    }
    double[][] rfmMean = new double[5][5];
    for (int r = 0; r < 5; r++) {
      for (int f = 0; f < 5; f++) {
        rfmMean[r][f] = rfmCount[r][f] == 0 ? Double.NaN : rfmCents[r][f] / 100.0 / rfmCount[r][f];
      }
    }
    List<CountRow> lifecycle = new ArrayList<>();
    for (LifecycleStage st : LifecycleStage.values()) {
      lifecycle.add(new CountRow(st.code(), st.label(locale), stageCount[st.ordinal()], money(stageCents[st.ordinal()])));
    }
    List<CountRow> segmentRows = new ArrayList<>();
    for (ClassicSegment seg : ClassicSegment.values()) {
      segmentRows.add(new CountRow(seg.code(), seg.label(locale), segmentCount[seg.ordinal()],
          money(segmentCents[seg.ordinal()])));
    }
    List<CountRow> abcRows = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      byte cls = (byte) (AbcClassifier.A + k);
      abcRows.add(new CountRow(String.valueOf((char) cls), AbcClassifier.label(cls, locale), abcCount[k],
          money(abcCents[k])));
    }
    BigDecimal repeatRate = s.purchasers == 0 ? null
        : BigDecimal.valueOf(repeatBuyers).divide(BigDecimal.valueOf(s.purchasers), 4, RoundingMode.HALF_EVEN);
    return new ReportData(Labels.get("report.title", locale), locale, run.asOf(),
        Instant.now(), run.model().name(), s.size, s.purchasers, money(totalCents), repeatRate, money(dormantCents),
        tierRows, rfmCount, rfmMean, lifecycle, segmentRows, abcRows, run.quality(), extra);
  }

  /** Scores are 1..5 in the default model; other bucket counts are folded onto the 5×5 grid's edges. */
  private static int clamp(int score) {
    return Math.max(0, Math.min(4, score - 1));
  }

  private static BigDecimal money(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}
