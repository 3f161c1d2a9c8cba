package strata.server.customer;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.api.BadRequest;
import strata.server.api.InList;
import strata.server.security.Viewer;

/**
 * The customers a bulk action is about: the rows picked on the list, or every customer of a filter of the current
 * snapshot. A sales user or manager may only act on customers they see: picked rows outside that scope refuse the
 * whole action (nothing is changed), a filter is scoped like the list. Past {@code max} customers the action is
 * refused, so one click cannot rewrite a whole book by accident.
 */
final class BulkSelection {
  /** The filter of the customer list (the query parameters of GET /customers). */
  record Filter(String tier, String segment, String segment11, String lifecycle, String abc, String quadrant,
      String owner, String q, String tag) {}

  private BulkSelection() {}

  /**
   * @return the customer ids, sorted
   * @throws BadRequest 400 without a selection or with both; 422 {@code too_many} past max; 403 {@code not_yours}
   *     naming picked customers the viewer may not act on (or that do not exist)
   */
  static List<String> resolve(JdbcClient db, CustomerQueries queries, Viewer viewer, List<String> ids, Filter filter,
      int max) {
    if ((ids == null) == (filter == null)) {
      throw new BadRequest("ids", "give the picked customers (ids) or a filter (filter: {} for all), not both");
    }
    return ids != null ? picked(db, viewer, ids, max) : filtered(db, queries, viewer, filter, max);
  }

  private static List<String> picked(JdbcClient db, Viewer viewer, List<String> ids, int max) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String id : ids) {
      if (id == null || id.isBlank()) throw new BadRequest("ids", "a customer id is empty");
      wanted.add(id);
    }
    if (wanted.isEmpty()) throw new BadRequest("ids", "pick at least one customer");
    tooMany(wanted.size(), max);
    List<String> found = InList.query(List.copyOf(wanted), chunk -> {
      List<Object> params = chunk.params();
      String scope = viewer.seesAll() ? "" : " and " + viewer.ownerCondition("owner", params);
      return db.sql("select id from customer where id in (" + chunk.marks() + ")" + scope).params(params)
          .query(String.class).list();
    }).stream().sorted().toList();
    if (found.size() < wanted.size()) {
      Set<String> allowed = new HashSet<>(found);
      List<String> refused = wanted.stream().filter(id -> !allowed.contains(id)).sorted().toList();
      throw new BadRequest(403, "not_yours", refused.size() + " of the " + wanted.size() + " customers are not yours "
          + "to act on, or do not exist: " + String.join(", ", refused.subList(0, Math.min(10, refused.size())))
          + (refused.size() > 10 ? ", …" : "") + "; nothing was changed", List.of());
    }
    return found;
  }

  private static List<String> filtered(JdbcClient db, CustomerQueries queries, Viewer viewer, Filter f, int max) {
    CustomerFilter filter = new CustomerFilter(queries.snapshot(null).id(), f.tier(), f.segment(), f.segment11(),
        f.lifecycle(), f.abc(), f.quadrant(), f.owner(), f.q(), f.tag());
    CustomerFilter.Sql sql = queries.keys(filter, viewer);
    long n = db.sql("select count(*)" + sql.text()).params(sql.params()).query(Long.class).single();
    tooMany(n, max);
    return db.sql("select r.customer_id" + sql.text() + " order by r.customer_id").params(sql.params())
        .query(String.class).list();
  }

  private static void tooMany(long n, int max) {
    if (n > max) {
      throw new BadRequest(422, "too_many", "the selection has " + n + " customers; a bulk action takes at most " + max
          + "; narrow the filter", List.of(new BadRequest.FieldError("max", String.valueOf(max))));
    }
  }
}
