package strata.server.customer;

/**
 * One column of a list sort, in its best-first direction; the id follows every sort as the tie-breaker.
 *
 * @param desc the best-first order is descending (highest first)
 * @param nullable customers may have no value: they come last best-first and first in reverse
 * @param type how a cursor carries the value (the column's SQL type)
 */
record SortKey(String column, boolean desc, boolean nullable, Type type) {
  enum Type { TEXT, INT, LONG, FLOAT }

  static final SortKey SCORE = new SortKey("r.composite_score", true, true, Type.FLOAT);

  /** {@code column asc|desc [nulls last|first]} in the best-first order or its exact reverse. */
  String order(boolean bestFirst) {
    boolean descending = desc == bestFirst;
    String nulls = !nullable ? "" : bestFirst ? " nulls last" : " nulls first";
    return column + (descending ? " desc" : " asc") + nulls;
  }
}
