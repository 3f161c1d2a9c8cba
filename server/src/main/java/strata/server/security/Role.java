package strata.server.security;

/**
 * What a user may do; sales users see only the customers they own, managers those of their team's sales users
 * (and their own).
 */
public enum Role {
  ADMIN, ANALYST, MANAGER, SALES;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Role of(String id) {
    for (Role r : values()) if (r.id().equals(id)) return r;
    throw new IllegalArgumentException("unknown role '" + id + "'; expected admin, analyst, manager or sales");
  }
}
