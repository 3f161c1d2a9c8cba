package strata.server.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of a request. Every data query takes one, so that owner scoping for sales users and managers
 * is a parameter of the query rather than a check someone can forget.
 *
 * @param owner the owner name the user's own customers carry (what a claim from the pool writes); null for none
 * @param owners the customers' owners the user is limited to: a sales user's own, a manager's team's; null for roles
 *     that see everyone
 */
public record Viewer(String username, Role role, String owner, List<String> owners) {
  public Viewer {
    owners = owners == null ? null : List.copyOf(owners);
  }

  public boolean seesAll() {
    return owners == null;
  }

  /**
   * The SQL condition that keeps rows whose customer owner ({@code column}) the viewer may see; its parameters are
   * added to {@code params}. "1 = 1" for viewers who see all, "1 = 0" for a manager without a team.
   */
  public String ownerCondition(String column, List<Object> params) {
    if (seesAll()) return "1 = 1";
    if (owners.isEmpty()) return "1 = 0";
    params.addAll(owners);
    // One owner as an equality, so the database can walk the indexes that lead with the owner.
    if (owners.size() == 1) return column + " = ?";
    return column + " in (" + String.join(", ", java.util.Collections.nCopies(owners.size(), "?")) + ")";
  }

  public static Viewer current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof Viewer v)) {
      throw new IllegalStateException("no signed-in user");
    }
    return v;
  }
}
