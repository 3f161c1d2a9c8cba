package strata.run;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.summary.PurchaseColumns;

/**
 * Buyers joined with their profiles and engagement by id, and the prospects: the customers-file ids who never bought,
 * created on or before the as-of day (or on an unknown day). One created later did not exist then: in a run as of an
 * earlier day it would inflate that snapshot's tiers and every KPI counted over its customers. The whole run joins
 * all its buyers; an engine that scores in parts ({@link PartScoring}) joins each part with the entries of its own
 * customers, and its prospects may form parts of their own.
 *
 * @param prospects the prospects' ids, customer index {@code buyers + k}
 * @param profiles by customer index, null without a customers file
 * @param engagements by customer index, null without interactions or surveys
 * @param unknownEngagement entries of the engagement given whose id is neither a buyer nor a prospect
 */
public record PartSide(String[] prospects, CustomerProfile[] profiles, Engagement[] engagements,
    long unknownEngagement) implements java.io.Serializable {

  /** Buyers alone: no customers file, interactions or surveys. */
  public static final PartSide NONE = new PartSide(new String[0], null, null, 0);

  /**
   * @param profiles by id, in the customers file's order (null: no customers file); every entry that is not a buyer of
   *     {@code buyers} is a prospect if {@link #prospect} says so
   * @param engagement by id; may be empty
   */
  public static PartSide of(PurchaseColumns buyers, Charset charset, Map<String, CustomerProfile> profiles,
      Map<String, Engagement> engagement, LocalDate asOf) {
    int n = buyers.size;
    Map<String, Integer> index = new HashMap<>();
    if (profiles != null || !engagement.isEmpty()) {
      for (int i = 0; i < n; i++) index.put(buyers.customerId(i, charset), i);
    }
    String[] prospects = profiles == null ? new String[0]
        : profiles.entrySet().stream().filter(c -> !index.containsKey(c.getKey()))
            .filter(c -> prospect(c.getValue(), asOf)).map(Map.Entry::getKey).toArray(String[]::new);
    for (int k = 0; k < prospects.length; k++) index.put(prospects[k], n + k);
    int all = n + prospects.length;
    CustomerProfile[] joined = profiles == null ? null : new CustomerProfile[all];
    if (profiles != null) {
      profiles.forEach((id, profile) -> {
        Integer i = index.get(id);
        if (i != null) joined[i] = profile;
      });
    }
    Engagement[] engagements = engagement.isEmpty() ? null : new Engagement[all];
    long unknown = 0;
    for (var entry : engagement.entrySet()) {
      Integer i = index.get(entry.getKey());
      if (i == null) unknown++;
      else engagements[i] = entry.getValue();
    }
    return new PartSide(prospects, joined, engagements, unknown);
  }

  /** Whether a customers-file entry without purchases is a customer as of {@code asOf}. */
  public static boolean prospect(CustomerProfile profile, LocalDate asOf) {
    return profile.created() == null || !profile.created().isAfter(asOf);
  }
}
