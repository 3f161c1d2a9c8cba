package strata.churn;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import strata.clv.BgNbd;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.run.ClvStage;
import strata.summary.PurchaseColumns;

/**
 * The classifier's input: one row of features per buyer as of a day, row-major, NaN where a value is unknown (the
 * trees route missing values on their own). Purchase features come from the frozen summaries, the BG/NBD ones from a
 * model fitted with {@link ClvStage#calibration}; interactions, surveys and profile columns only when given.
 *
 * <p>Trends need the summaries frozen with their split 90 days before the as-of day; otherwise they are NaN.
 */
public final class ChurnFeatures {
  static final int TREND_DAYS = 90;

  /** What the customer files add, by customer id; either map may be empty. */
  public record Side(Map<String, Engagement> engagement, Map<String, CustomerProfile> profiles) {
    public static final Side NONE = new Side(Map.of(), Map.of());
  }

  public final List<String> names;
  public final float[] values;
  public final int rows;

  /** Features given directly (tests, other callers that build their own), row-major. */
  static ChurnFeatures of(List<String> names, float[] values) {
    return new ChurnFeatures(names, values, values.length / names.size());
  }

  private ChurnFeatures(List<String> names, float[] values, int rows) {
    this.names = List.copyOf(names);
    this.values = values;
    this.rows = rows;
  }

  public int columns() {
    return names.size();
  }

  public float get(int row, int column) {
    return values[row * names.size() + column];
  }

  private static final List<String> PURCHASES = List.of("recency_days", "frequency", "orders", "monetary",
      "avg_order_value", "refund_amount", "tenure_days", "purchase_days_90d", "trend_90d", "mean_gap_days",
      "recency_over_gap");
  private static final String CATEGORY = "top_category_share";
  private static final List<String> ENGAGEMENT = List.of("interactions", "calls", "visits", "complaints", "inquiries",
      "days_since_contact", "nps", "csat");
  private static final List<String> PROFILE = List.of("size", "industry", "region");
  private static final List<String> BG_NBD = List.of("p_alive", "expected_purchases_90d");

  /** Every feature a run may use, in the order a run with all of them lists them (for naming them to people). */
  public static final List<String> ALL = java.util.stream.Stream.of(PURCHASES, List.of(CATEGORY), ENGAGEMENT, PROFILE,
      BG_NBD).flatMap(List::stream).toList();

  /**
   * @param bg BG/NBD fitted on the same summaries as of {@code asOfDay}, weeks as its time unit; null to leave its
   *     two features out
   */
  public static ChurnFeatures of(PurchaseColumns p, int asOfDay, BgNbd bg, Side side, Charset ids) {
    List<String> names = new ArrayList<>(PURCHASES);
    boolean categories = p.topCategoryShare != null;
    if (categories) names.add(CATEGORY);
    boolean engaged = !side.engagement().isEmpty();
    if (engaged) names.addAll(ENGAGEMENT);
    boolean profiled = !side.profiles().isEmpty();
    List<Function<CustomerProfile, String>> fields = List.of(CustomerProfile::size, CustomerProfile::industry,
        CustomerProfile::region);
    List<Map<String, Integer>> codes = new ArrayList<>();
    if (profiled) {
      names.addAll(PROFILE);
      for (Function<CustomerProfile, String> f : fields) codes.add(codes(side.profiles(), f));
    }
    if (bg != null) names.addAll(BG_NBD);
    int m = names.size();
    float[] v = new float[p.size * m];
    boolean trend = p.daysUpToSplit != null && p.splitDay == asOfDay - TREND_DAYS;
    double[] alive = bg == null ? null : bg.probabilityAlive(ClvStage.calibration(p, asOfDay, 7.0));
    for (int i = 0; i < p.size; i++) {
      int k = i * m;
      int recency = asOfDay - p.lastDay[i];
      int tenure = asOfDay - p.firstDay[i];
      double gap = p.distinctDays[i] > 1 ? (p.lastDay[i] - p.firstDay[i]) / (p.distinctDays[i] - 1.0) : Double.NaN;
      v[k++] = recency;
      v[k++] = p.distinctDays[i];
      v[k++] = p.orders[i];
      v[k++] = p.netCents[i] / 100f;
      v[k++] = p.orders[i] > 0 ? p.netCents[i] / 100f / p.orders[i] : Float.NaN;
      v[k++] = p.refundCents[i] / 100f;
      v[k++] = tenure;
      v[k++] = trend ? p.distinctDays[i] - p.daysUpToSplit[i] : Float.NaN;
      v[k++] = trend ? (float) trend(p, i) : Float.NaN;
      v[k++] = (float) gap;
      v[k++] = (float) (recency / gap);
      if (categories) v[k++] = p.topCategoryShare[i];
      String id = engaged || profiled ? p.customerId(i, ids) : null;
      if (engaged) k = engagement(v, k, side.engagement().getOrDefault(id, Engagement.NONE), asOfDay);
      if (profiled) {
        CustomerProfile profile = side.profiles().get(id);
        for (int f = 0; f < fields.size(); f++) {
          Integer code = profile == null ? null : codes.get(f).get(fields.get(f).apply(profile));
          v[k++] = code == null ? Float.NaN : code;
        }
      }
      if (bg != null) {
        double weeks = tenure / 7.0;
        v[k++] = (float) alive[i];
        v[k++] = (float) bg.expectedPurchases(TREND_DAYS / 7.0, p.distinctDays[i] - 1,
            (p.lastDay[i] - p.firstDay[i]) / 7.0, weeks);
      }
    }
    for (int j = 0; j < v.length; j++) if (Float.isInfinite(v[j])) v[j] = Float.NaN;
    return new ChurnFeatures(names, v, p.size);
  }

  /**
   * Purchase days in the last 90 days minus those expected from the customer's rate in the 90 before (the issue's
   * "last 90 days against the 90 before", read as the rate over the customer's whole earlier history when that is
   * longer, as the summaries keep one split); NaN for customers younger than 90 days.
   */
  private static double trend(PurchaseColumns p, int i) {
    int earlier = p.splitDay - p.firstDay[i];
    if (earlier <= 0) return Double.NaN;
    double rate = p.daysUpToSplit[i] / (double) Math.max(earlier, TREND_DAYS);
    return (p.distinctDays[i] - p.daysUpToSplit[i]) - rate * TREND_DAYS;
  }

  private static int engagement(float[] v, int k, Engagement e, int asOfDay) {
    v[k++] = e.interactions();
    v[k++] = e.calls();
    v[k++] = e.visits();
    v[k++] = e.complaints();
    v[k++] = e.inquiries();
    v[k++] = e.lastContactDay() < 0 ? Float.NaN : asOfDay - e.lastContactDay();
    v[k++] = e.nps() < 0 ? Float.NaN : e.nps();
    v[k++] = e.csat() < 0 ? Float.NaN : e.csat();
    return k;
  }

  /** A number per distinct non-empty text, in sorted order so the codes do not depend on file order. */
  private static Map<String, Integer> codes(Map<String, CustomerProfile> profiles, Function<CustomerProfile, String> f) {
    TreeSet<String> distinct = new TreeSet<>();
    for (CustomerProfile p : profiles.values()) if (!f.apply(p).isEmpty()) distinct.add(f.apply(p));
    Map<String, Integer> codes = new java.util.HashMap<>();
    for (String s : distinct) codes.put(s, codes.size());
    return codes;
  }
}
