package strata.server.api;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One page of a query plus the total count of its rows, the shape of every list endpoint. */
public final class PagedQuery {
  /**
   * Where a bounded count stops. Counting every match of a broad filter (a tier holding half of a million customers)
   * cost seconds per page at 1M customers (bench/README.md); 10,000 rows are 200 pages of 50.
   */
  public static final int COUNT_CAP = 10_000;

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
    return new Page<>(items(db, columns, fromWhere, orderBy, params, page, size, mapper), page, size, total);
  }

  /**
   * As {@link #page(JdbcClient, String, String, String, String, List, int, int, RowMapper)}, but counting at most
   * {@link #COUNT_CAP} rows: past it the total is the cap and {@link Page#totalExact()} is false.
   */
  public static <T> Page<T> pageCounted(JdbcClient db, String columns, String countFrom, String fromWhere,
      String orderBy, List<?> params, int page, int size, RowMapper<T> mapper) {
    long counted = countCapped(db, countFrom, params);
    return capped(items(db, columns, fromWhere, orderBy, params, page, size, mapper), page, size, counted);
  }

  /** {@code select count(*)} of {@code countFrom}, stopping at {@link #COUNT_CAP} + 1. */
  public static long countCapped(JdbcClient db, String countFrom, List<?> params) {
    return countCapped(db, countFrom, params, COUNT_CAP);
  }

  /** {@code select count(*)} of {@code countFrom}, stopping at {@code cap} + 1. */
  public static long countCapped(JdbcClient db, String countFrom, List<?> params, int cap) {
    List<Object> countParams = new ArrayList<>(params);
    countParams.add(cap + 1);
    return db.sql("select count(*) from (select 1 as one" + countFrom + " limit ?) capped").params(countParams)
        .query(Long.class).single();
  }

  /** A page whose total was counted by {@link #countCapped}. */
  public static <T> Page<T> capped(List<T> items, int page, int size, long counted) {
    return capped(items, page, size, counted, COUNT_CAP);
  }

  /** A page whose total was counted by {@link #countCapped(JdbcClient, String, List, int)} with {@code cap}. */
  public static <T> Page<T> capped(List<T> items, int page, int size, long counted, int cap) {
    return counted > cap ? new Page<>(items, page, size, cap, false) : new Page<>(items, page, size, counted, true);
  }

  /** One page of {@code columns + fromWhere + orderBy}, without counting. */
  public static <T> List<T> items(JdbcClient db, String columns, String fromWhere, String orderBy, List<?> params,
      int page, int size, RowMapper<T> mapper) {
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    return db.sql(columns + fromWhere + orderBy + " limit ? offset ?").params(pageParams).query(mapper).list();
  }
}
