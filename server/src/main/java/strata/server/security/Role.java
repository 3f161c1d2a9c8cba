package strata.server.security;

/** What a user may do; sales users see only the customers they own. */
public enum Role {
  ADMIN, ANALYST, SALES;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Role of(String id) {
    for (Role r : values()) if (r.id().equals(id)) return r;
    throw new IllegalArgumentException("unknown role '" + id + "'; expected admin, analyst or sales");
  }
}
