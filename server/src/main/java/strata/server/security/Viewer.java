package strata.server.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of a request. Every data query takes one, so that owner scoping for sales users is a parameter
 * of the query rather than a check someone can forget.
 *
 * @param owner the customers' owner a sales user is limited to; null for roles that see everyone
 */
public record Viewer(String username, Role role, String owner) {
  public boolean seesAll() {
    return role != Role.SALES;
  }

  public static Viewer current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof Viewer v)) {
      throw new IllegalStateException("no signed-in user");
    }
    return v;
  }
}
