package strata.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tier of the model, in model order.
 *
 * @param code stable tier code from the model file
 * @param name display name, e.g. "钻石会员"
 * @param description what the tier means; may be empty, {@code null} is read as empty
 * @param customers customers in the tier on the as-of date, zero or more
 * @param revenue their revenue up to the as-of date; may be negative after refunds
 */
public record TierRow(String code, String name, String description, long customers,
    BigDecimal revenue) {
  public TierRow {
    Objects.requireNonNull(code, "tier code");
    Objects.requireNonNull(name, "name of tier " + code);
    description = description == null ? "" : description;
    Objects.requireNonNull(revenue, "revenue of tier " + code);
    if (customers < 0) {
      throw new IllegalArgumentException("tier " + code + " has " + customers
          + " customers; counts cannot be negative");
    }
  }
}
