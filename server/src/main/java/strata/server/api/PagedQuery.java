package strata.server.api;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One page of a query plus the total count of its rows, the shape of every list endpoint. */
public final class PagedQuery {
  private PagedQuery() {}

  /**
   * @param columns the select list, e.g. {@code "select a, b"}
   * @param fromWhere {@code " from … where …"} shared by the count and the page
   * @param orderBy {@code " order by …"}, ending in a unique key so pages neither repeat nor skip rows
   */
  public static <T> Page<T> page(JdbcClient db, String columns, String fromWhere, String orderBy, List<?> params,
      int page, int size, RowMapper<T> mapper) {
    return page(db, columns, fromWhere, fromWhere, orderBy, params, page, size, mapper);
  }

  /**
   * As {@link #page(JdbcClient, String, String, String, List, int, int, RowMapper)}, counting over a leaner
   * {@code countFrom} (same rows and parameters, fewer joins) than the page reads.
   */
  public static <T> Page<T> page(JdbcClient db, String columns, String countFrom, String fromWhere, String orderBy,
      List<?> params, int page, int size, RowMapper<T> mapper) {
    long total = db.sql("select count(*)" + countFrom).params(new ArrayList<>(params)).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<T> items = db.sql(columns + fromWhere + orderBy + " limit ? offset ?").params(pageParams).query(mapper)
        .list();
    return new Page<>(items, page, size, total);
  }
}
