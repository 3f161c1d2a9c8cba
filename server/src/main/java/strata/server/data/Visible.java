package strata.server.data;

/**
 * The one condition every reader of purchase, interaction and survey rows applies: rows of a file import that has
 * not switched on yet (its id still in {@code import_hidden}) are not there. An import commits its rows in chunks
 * and becomes visible all at once when its job succeeds; until then, and for good if it is cut off, nobody may count
 * them (see {@code strata.server.intake.Imports}).
 */
public final class Visible {
  private Visible() {}

  /**
   * @param table the table's name or alias in the query (purchase, interaction or survey)
   * @return a SQL condition without parameters, to join with {@code and}
   */
  public static String rows(String table) {
    // Uncorrelated, so both databases read the few hidden ids once per statement rather than once per row.
    return "(" + table + ".import_id is null or " + table + ".import_id not in (select import_id from import_hidden))";
  }
}
