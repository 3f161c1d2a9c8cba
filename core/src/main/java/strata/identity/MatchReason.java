package strata.identity;

/**
 * Why two customer records may be one customer. The code is stable (duplicates.csv, quality.json); the weight is the
 * chance, by judgement, that the reason alone means the same customer: an e-mail is personal, a phone may be a shared
 * switchboard, a name may be common.
 */
public enum MatchReason {
  SAME_ID_IGNORING_CASE("same_id_ignoring_case", 0.9),
  SAME_EMAIL("same_email", 0.8),
  SAME_PHONE("same_phone", 0.7),
  SAME_NAME("same_name", 0.5);

  private final String code;
  private final double weight;

  MatchReason(String code, double weight) {
    this.code = code;
    this.weight = weight;
  }

  public String code() {
    return code;
  }

  public double weight() {
    return weight;
  }

  /**
   * The score of a pair with these reasons (bits by ordinal): 1 − Π(1 − weight), so reasons add up without passing 1
   * (e-mail and phone: 0.94; phone and name: 0.85; name alone: 0.5).
   */
  static double score(int reasonBits) {
    double miss = 1;
    for (MatchReason r : values()) {
      if ((reasonBits & (1 << r.ordinal())) != 0) miss *= 1 - r.weight;
    }
    return Math.round((1 - miss) * 1000) / 1000.0;
  }
}
