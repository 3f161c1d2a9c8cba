package strata.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import strata.identity.IdMerges;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.product.CustomerProducts;
import strata.summary.CustomerSummary;

/**
 * Accepted merges applied to data that is already summarised (the server keeps per-customer summaries, not the rows a
 * file run re-keys as it reads): the merged ids' summaries are folded into their survivor's with
 * {@link CustomerSummary#merge}, so each purchase counts once, under one id; so are what they bought by category and
 * product. Profiles and engagement are merged as in a file run with {@code --merge}.
 */
public final class StoredMerges {
  private StoredMerges() {}

  /** One summary per surviving id, at the place of the group's first summary. */
  public static List<CustomerSummary> summaries(List<CustomerSummary> summaries, IdMerges merges) {
    if (merges.isEmpty()) return summaries;
    Map<String, CustomerSummary> out = new LinkedHashMap<>();
    for (CustomerSummary s : summaries) {
      String survivor = merges.resolve(s.customerId());
      CustomerSummary keyed = survivor.equals(s.customerId()) ? s : new CustomerSummary(survivor, s.purchaseDays(),
          s.orderKeys(), s.linesWithoutOrderId(), s.lines(), s.netCents(), s.refundCents(), s.firstDayNetCents(),
          s.categoryLines());
      out.merge(survivor, keyed, CustomerSummary::merge);
    }
    return List.copyOf(out.values());
  }

  /** Profiles by surviving id (see {@code --merge}: the survivor's profile, or a merged id's when it has none). */
  public static Map<String, CustomerProfile> profiles(Map<String, CustomerProfile> profiles, IdMerges merges) {
    return IdentityStage.mergeProfiles(profiles, merges);
  }

  /** Interactions and survey answers of merged ids added to their survivor's. */
  public static Map<String, Engagement> engagement(Map<String, Engagement> engagement, IdMerges merges) {
    return IdentityStage.mergeEngagement(engagement, merges);
  }

  /**
   * What each customer bought, by surviving id: a merged id's lines count under its survivor, as a file run's product
   * pass re-keys them while reading. The given tallies are left unchanged.
   */
  public static Map<String, CustomerProducts> products(Map<String, CustomerProducts> bought, IdMerges merges) {
    if (merges.isEmpty()) return bought;
    Map<String, CustomerProducts> out = new java.util.HashMap<>(bought.size() * 2);
    bought.forEach((id, products) -> out.merge(merges.resolve(id), products,
        (kept, more) -> new CustomerProducts().merge(kept).merge(more)));
    return out;
  }
}
