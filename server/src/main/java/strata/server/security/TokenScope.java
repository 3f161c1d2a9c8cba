package strata.server.security;

/**
 * What an API token may do, on top of its user's role: everything the role may ({@code all}, also every session),
 * only read ({@code read}: GET), or only feed data ({@code import}: the import and batch endpoints).
 */
public enum TokenScope {
  ALL, READ, IMPORT;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static TokenScope of(String id) {
    for (TokenScope s : values()) if (s.id().equals(id)) return s;
    throw new IllegalArgumentException("unknown token scope '" + id + "'; expected all, read or import");
  }

  /** Whether a request with this method to this path (from the context root) is within the scope. */
  boolean allows(String method, String path) {
    return switch (this) {
      case ALL -> true;
      case READ -> method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
      case IMPORT -> path.equals("/api/v1/imports") || path.startsWith("/api/v1/imports/")
          || path.startsWith("/api/v1/batch/") || path.equals("/api/v1/me");
    };
  }
}
