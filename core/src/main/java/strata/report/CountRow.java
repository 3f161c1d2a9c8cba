package strata.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Customers and revenue of one group: a lifecycle stage, an RFM segment or an ABC class.
 *
 * @param code stable code, e.g. {@code "active"} or {@code "A"}
 * @param label display name in the report's language
 * @param customers customers in the group, zero or more
 * @param revenue their revenue up to the as-of date; may be negative after refunds
 */
public record CountRow(String code, String label, long customers, BigDecimal revenue) {
  public CountRow {
    Objects.requireNonNull(code, "group code");
    Objects.requireNonNull(label, "label of group " + code);
    Objects.requireNonNull(revenue, "revenue of group " + code);
    if (customers < 0) {
      throw new IllegalArgumentException("group " + code + " has " + customers
          + " customers; counts cannot be negative");
    }
  }
}
