package strata.survey;

/**
 * What one customer contributes to the satisfaction table over a period.
 *
 * @param tier the customer's tier in the current snapshot, null when not in it
 * @param owner the customer's owner, "" for the pool
 * @param category the customer's top product category in the current snapshot, null when none
 * @param invited invitations sent to the customer in the period
 * @param answered of those, the ones answered (at most {@code invited})
 * @param nps the customer's latest NPS answer (0..10) in the period, with or without an invitation; null for none
 * @param csat the customer's latest CSAT answer (1..5) in the period; null for none
 * @throws IllegalArgumentException for negative counts, more answered than invited or a score out of range
 */
public record SatisfactionFacts(String tier, String owner, String category, int invited, int answered, Integer nps,
    Integer csat) {
  public SatisfactionFacts {
    if (invited < 0 || answered < 0 || answered > invited) {
      throw new IllegalArgumentException("need 0 <= answered <= invited, got " + answered + " of " + invited);
    }
    if (nps != null && (nps < 0 || nps > 10)) throw new IllegalArgumentException("an NPS answer is 0 to 10, got " + nps);
    if (csat != null && (csat < 1 || csat > 5)) throw new IllegalArgumentException("a CSAT answer is 1 to 5, got " + csat);
  }

  /** The dimension a table groups customers by. */
  public enum By {
    TIER, OWNER, CATEGORY;

    String key(SatisfactionFacts f) {
      return switch (this) {
        case TIER -> f.tier();
        case OWNER -> f.owner();
        case CATEGORY -> f.category();
      };
    }

    /** @throws IllegalArgumentException for another name than tier, owner or category */
    public static By of(String code) {
      for (By b : values()) if (b.name().equalsIgnoreCase(code)) return b;
      throw new IllegalArgumentException("group by tier, owner or category, got '" + code + "'");
    }
  }
}
