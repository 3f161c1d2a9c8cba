package strata.server.customer;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.security.Viewer;

/** The SQL of a customer list page that starts after a {@link ListCursor}, and the cursor a page ends with. */
final class CursorPages {
  private CursorPages() {}

  /**
   * The first {@code limit} rows after {@code cursor}. Where the keys come off the snapshot's indexes (no search, not
   * the name sort) each of the cursor's branches reads its own index range, at most {@code limit} keys, and the
   * union's first {@code limit} are joined; otherwise the branches are one condition on the filtered rows, sorted as
   * the offset pages are.
   */
  static CustomerFilter.Sql rows(CustomerFilter f, Viewer v, SearchGrams.Gram gram, ListCursor cursor, int limit) {
    String order = cursor.sort().orderBy();
    if (f.pageBeforeCustomer(order) && !CustomerFilter.byName(order)) return keyed(f, v, cursor, limit);
    CustomerFilter.Sql from = f.from(v, true, gram);
    List<Object> params = new ArrayList<>(from.params());
    StringBuilder sql = new StringBuilder(CustomerRow.COLUMNS).append(from.text()).append(" and (");
    String or = "";
    for (CustomerFilter.Sql branch : cursor.branches()) {
      sql.append(or).append('(').append(branch.text()).append(')');
      params.addAll(branch.params());
      or = " or ";
    }
    return new CustomerFilter.Sql(sql.append(')').append(order).append(" limit ").append(limit).toString(), params);
  }

  private static CustomerFilter.Sql keyed(CustomerFilter f, Viewer v, ListCursor cursor, int limit) {
    CustomerFilter.Sort sort = cursor.sort();
    String order = sort.orderBy();
    CustomerFilter.Sql keys = f.from(v, false);
    StringBuilder columns = new StringBuilder("select r.run_id, r.customer_id");
    StringBuilder outerOrder = new StringBuilder(" order by ");
    for (int k = 0; k < sort.keys().size(); k++) {
      SortKey key = sort.keys().get(k);
      columns.append(", ").append(key.column()).append(" as s").append(k);
      outerOrder.append(new SortKey("u.s" + k, key.desc(), key.nullable(), key.type()).order(sort.bestFirst()))
          .append(", ");
    }
    outerOrder.append(sort.bestFirst() ? "u.customer_id" : "u.customer_id desc");
    // Limits written out, not parameters: H2 2.4 answered with a stale union when only a limit inside it changed
    // (CustomerFilter.nameKeys).
    List<Object> params = new ArrayList<>();
    StringBuilder union = new StringBuilder();
    for (CustomerFilter.Sql branch : cursor.branches()) {
      if (!union.isEmpty()) union.append(" union all ");
      union.append('(').append(columns).append(keys.text()).append(" and ").append(branch.text())
          .append(f.indexOrder(v, order)).append(" limit ").append(limit).append(')');
      params.addAll(keys.params());
      params.addAll(branch.params());
    }
    return new CustomerFilter.Sql(CustomerRow.COLUMNS + " from (select u.run_id, u.customer_id from (" + union
        + ") u" + outerOrder + " limit " + limit + ") k join snapshot_row r on r.run_id = k.run_id and "
        + "r.customer_id = k.customer_id left join customer c on c.id = r.customer_id" + order, params);
  }

  /** The cursor after customer {@code id}'s row of snapshot {@code runId}, read from the row as stored. */
  static ListCursor after(JdbcClient db, long runId, CustomerFilter.Sort sort, String id) {
    List<SortKey> keys = sort.keys();
    if (keys.isEmpty()) return new ListCursor(sort, List.of(), id);
    StringBuilder sql = new StringBuilder("select ");
    for (int k = 0; k < keys.size(); k++) sql.append(k == 0 ? "" : ", ").append(keys.get(k).column());
    sql.append(" from snapshot_row r left join customer c on c.id = r.customer_id where r.run_id = ? and "
        + "r.customer_id = ?");
    List<Object> values = db.sql(sql.toString()).params(runId, id).query((rs, n) -> {
      List<Object> read = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) read.add(typed(keys.get(k), rs.getObject(k + 1)));
      return read;
    }).single();
    return new ListCursor(sort, values, id);
  }

  private static Object typed(SortKey key, Object value) {
    if (value == null) return null;
    return switch (key.type()) {
      case TEXT -> value.toString();
      case INT -> ((Number) value).intValue();
      case LONG -> ((Number) value).longValue();
      case FLOAT -> ((Number) value).floatValue();
    };
  }
}
