package strata.pool;

/** Whether a rep may take a customer from the pool, and if not, the machine code of why. */
public enum ClaimDecision {
  ALLOWED, ALREADY_OWNED, OVER_CAP;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
