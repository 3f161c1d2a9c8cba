package strata.run;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import strata.churn.ChurnFeatures;
import strata.churn.ChurnResult;
import strata.churn.ChurnStage;
import strata.churn.EngagementAsOf;
import strata.cluster.ClusterAnalysis;
import strata.intake.CustomerProfile;
import strata.intake.FormatSniffer;
import strata.i18n.Note;
import strata.product.CustomerProducts;
import strata.product.ProductPreferences;
import strata.scoring.ConfigSection;
import strata.summary.PurchaseColumns;
import strata.tier.TierModel;
import strata.tier.TierRule;

/**
 * The optional predictions of a file run: the churn classifier ({@code churn_prob}) and behavioural clusters
 * ({@code cluster}). Each runs when asked for or when a tier condition reads its variable. The classifier reads the
 * transactions twice more (as of 90 days before the as-of date, for training, and as of it with the 90-day split its
 * trend features need), so it is off by default: see bench/README.md for its cost.
 *
 * <p>Model file settings: {@code scoring.clusters.k} (fixed k, else chosen in 3-8), {@code scoring.clusters.seed} and
 * {@code scoring.products.min_support} (customers who bought both items of a pair, default
 * {@value ProductPreferences#DEFAULT_MIN_SUPPORT}).
 *
 * @param churn compute {@code churn_prob} whatever the model reads
 * @param clusters compute {@code cluster} whatever the model reads
 * @param products compute product preference and {@code next_product} (one more read of the transactions) whatever the
 *     model reads
 */
public record Predictions(boolean churn, boolean clusters, boolean products) {
  public static final Predictions NONE = new Predictions(false, false, false);

  public Predictions(boolean churn, boolean clusters) {
    this(churn, clusters, false);
  }
  static final int WINDOW_DAYS = 90;

  /** Whether a run with {@code model} trains the classifier: asked for, or a tier condition reads churn_prob. */
  public boolean churnFor(TierModel model) {
    return churn || reads(model, "churn_prob");
  }

  /** Whether a run with {@code model} computes clusters: asked for, or a tier condition reads cluster. */
  public boolean clustersFor(TierModel model) {
    return clusters || reads(model, "cluster");
  }

  boolean productsFor(TierModel model) {
    return products || reads(model, "top_category") || reads(model, "top_category_share")
        || reads(model, "next_product");
  }

  /**
   * Product preference of the buyers of {@code p} (in its order) from what each bought, however it was read (a file
   * run's extra pass, the server's purchase table); null, with a note, when nobody's purchases name a category or
   * product.
   *
   * @param bought by customer id
   */
  public static ProductPreferences products(Map<String, CustomerProducts> bought, PurchaseColumns p,
      java.nio.charset.Charset idCharset, TierModel model, List<Note> notes) {
    if (bought.isEmpty()) {
      notes.add(Note.of("products_no_columns"));
      return null;
    }
    Map<String, Object> section = model.scoringSection("products");
    int minSupport = section.containsKey("min_support")
        ? (int) ConfigSection.toDouble("scoring.products.min_support", section.get("min_support"), 1, 1e9)
        : ProductPreferences.DEFAULT_MIN_SUPPORT;
    return ProductPreferences.of(bought, p.size, i -> p.customerId(i, idCharset), minSupport);
  }

  private static boolean reads(TierModel model, String variable) {
    Pattern word = Pattern.compile("\\b" + variable + "\\b");
    for (TierRule t : model.tiers()) if (word.matcher(t.condition()).find()) return true;
    return false;
  }

  static ClusterAnalysis.Result clusters(PurchaseColumns p, java.nio.charset.Charset idCharset, int asOfDay,
      TierModel model) {
    ClusterSettings s = ClusterSettings.of(model);
    return ClusterAnalysis.run(p, idCharset, asOfDay, s.k(), s.seed());
  }

  /** Clusters fitted on a run's sample with the model's settings, for a run scored in parts. */
  static strata.cluster.ClusterFit clusterFit(strata.cluster.ClusterSample sample, TierModel model) {
    ClusterSettings s = ClusterSettings.of(model);
    return strata.cluster.ClusterFit.of(sample, s.k(), s.seed());
  }

  /** {@code scoring.clusters}: k (0: chosen) and the seed. */
  private record ClusterSettings(int k, long seed) {
    static ClusterSettings of(TierModel model) {
      Map<String, Object> section = model.scoringSection("clusters");
      int k = section.containsKey("k") ? (int) ConfigSection.toDouble("scoring.clusters.k", section.get("k"), 2, 50)
          : 0;
      long seed = section.containsKey("seed")
          ? (long) ConfigSection.toDouble("scoring.clusters.seed", section.get("seed"), 0, 1e15) : 1;
      return new ClusterSettings(k, seed);
    }
  }

  /**
   * churn_prob per buyer of {@code p} (in its order), trained on the 90 days before the as-of date from the
   * transactions read twice more (as of the cut-off and as of the as-of date, each with the split its trend features
   * need), by whichever engine read them first.
   *
   * @param mergedIds and {@code outlierCents}: the run's, so the reads see the run's rows
   * @param idCharset the encoding {@code rereads} stores ids in
   */
  static ChurnResult churn(RunInputs in, Rereads rereads, Map<String, String> mergedIds, long outlierCents,
      java.nio.charset.Charset idCharset, PurchaseColumns p, int asOfDay, Map<String, CustomerProfile> profiles) {
    int cut = churnCutDay(asOfDay);
    PurchaseColumns atCut = rereads.summaries(mergedIds, outlierCents, LocalDate.ofEpochDay(cut),
        first -> churnSplitDay(cut));
    PurchaseColumns atAsOf = rereads.summaries(mergedIds, outlierCents, LocalDate.ofEpochDay(asOfDay),
        first -> churnSplitDay(asOfDay));
    FormatSniffer.Hints side = new FormatSniffer.Hints(in.charset(), null, null, in.transactionHints().dateFormat());
    return churn(atCut, EngagementAsOf.read(in.interactions(), in.surveys(), side, in.columnMap(), in.tempDir(), cut),
        atAsOf, EngagementAsOf.read(in.interactions(), in.surveys(), side, in.columnMap(), in.tempDir(), asOfDay),
        profiles, idCharset, p, asOfDay);
  }

  /** The classifier's cut-off for a run as of {@code asOfDay}: features as of it, labels from the window after. */
  public static int churnCutDay(int asOfDay) {
    return asOfDay - WINDOW_DAYS;
  }

  /**
   * churn_prob per buyer of {@code p} (in its order) from data an engine keeps rather than re-reads (the server's
   * stored summaries and interactions): the buyers as of {@link #churnCutDay} and as of the as-of date, each frozen at
   * its trend split ({@link #churnSplitDay}), with their interactions and answers up to each day.
   *
   * @param profiles by customer id, or null
   */
  public static ChurnResult churn(PurchaseColumns atCut, Map<String, strata.intake.Engagement> engagementAtCut,
      PurchaseColumns atAsOf, Map<String, strata.intake.Engagement> engagementAtAsOf,
      Map<String, CustomerProfile> profiles, java.nio.charset.Charset idCharset, PurchaseColumns p, int asOfDay) {
    int cut = churnCutDay(asOfDay);
    Map<String, CustomerProfile> known = profiles == null ? Map.of() : profiles;
    ChurnResult r = ChurnStage.run(atCut, cut, new ChurnFeatures.Side(engagementAtCut, known), atAsOf, asOfDay,
        new ChurnFeatures.Side(engagementAtAsOf, known), idCharset, 1);
    return reorder(r, atAsOf, p);
  }

  /** The split day a read as of {@code day} is frozen at for the classifier: its last 90 days against the rest. */
  public static int churnSplitDay(int day) {
    return day - WINDOW_DAYS;
  }

  /** The result's per-customer arrays in the order of {@code p} (the same file read the same way: normally already). */
  private static ChurnResult reorder(ChurnResult r, PurchaseColumns from, PurchaseColumns to) {
    Map<String, Integer> index = new HashMap<>(from.size * 2);
    for (int i = 0; i < from.size; i++) index.put(from.customerId(i, StandardCharsets.ISO_8859_1), i);
    int k = ChurnResult.REASONS;
    float[] prob = new float[to.size];
    int[] feature = new int[to.size * k];
    float[] contribution = new float[to.size * k];
    for (int i = 0; i < to.size; i++) {
      Integer j = index.get(to.customerId(i, StandardCharsets.ISO_8859_1));
      prob[i] = j == null ? Float.NaN : r.churnProb()[j];
      for (int q = 0; q < k; q++) {
        feature[i * k + q] = j == null ? -1 : r.reasonFeature()[j * k + q];
        contribution[i * k + q] = j == null ? 0 : r.reasonContribution()[j * k + q];
      }
    }
    return new ChurnResult(r.classifier(), r.baseline(), r.usesClassifier(), prob, feature, contribution, r.features(),
        List.copyOf(r.notes()));
  }
}
