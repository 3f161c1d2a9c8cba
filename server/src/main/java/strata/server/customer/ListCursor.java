package strata.server.customer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import strata.server.api.BadRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A position in a sorted customer list ({@code after=}): the sort, the sort keys' values of the last row shown and
 * its id. The next page is the rows after it in the sort's order, so a deep page costs what the first one does,
 * where an offset reads and drops every row before it. Opaque to clients (base64url of a small JSON array); it is
 * validated, not signed: it grants nothing, since the viewer's owner scope and the filters apply to every page, so a
 * forged cursor only chooses a starting point among rows the viewer may see anyway.
 *
 * @param values one per {@link CustomerFilter.Sort#keys()}, null where the row had no value
 */
record ListCursor(CustomerFilter.Sort sort, List<Object> values, String id) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  String encode() {
    List<Object> parts = new ArrayList<>();
    parts.add(sort.field());
    parts.add(sort.bestFirst());
    parts.addAll(values);
    parts.add(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(parts));
  }

  /** The cursor {@code text} for a list in {@code sort}; 400 {@code invalid_cursor} if it is not one of its cursors. */
  static ListCursor decode(String text, CustomerFilter.Sort sort) {
    List<?> parts;
    try {
      parts = JSON.readValue(Base64.getUrlDecoder().decode(text.strip()), List.class);
    } catch (IllegalArgumentException | JacksonException e) {
      throw bad("not a cursor of this list");
    }
    List<SortKey> keys = sort.keys();
    if (parts.size() != keys.size() + 3 || !sort.field().equals(parts.get(0))
        || !Boolean.valueOf(sort.bestFirst()).equals(parts.get(1))) {
      throw bad("a cursor of another sort; start again from the first page");
    }
    if (!(parts.get(parts.size() - 1) instanceof String id)) throw bad("no customer id in the cursor");
    List<Object> values = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) values.add(value(keys.get(k), parts.get(k + 2)));
    return new ListCursor(sort, values, id);
  }

  private static Object value(SortKey key, Object raw) {
    if (raw == null) {
      if (!key.nullable()) throw bad("a missing value where the sort has one");
      return null;
    }
    // Floats travel as JSON numbers written from the float itself, which read back to the same float.
    Object value = switch (key.type()) {
      case TEXT -> raw instanceof String s ? s : null;
      case INT -> raw instanceof Integer i ? i : null;
      case LONG -> raw instanceof Integer || raw instanceof Long ? ((Number) raw).longValue() : null;
      case FLOAT -> raw instanceof Number n && Float.isFinite(n.floatValue()) ? n.floatValue() : null;
    };
    if (value == null) throw bad("a value of the wrong type in the cursor");
    return value;
  }

  private static BadRequest bad(String message) {
    return BadRequest.invalidCursor(message);
  }

  /**
   * The conditions, each an index range, whose rows together are exactly those after this cursor, in the order of
   * the list: the rows tied on every key with a later id, then for each key from the last to the first those tied on
   * the keys before it and after it on that one (with a value, then, where they come after, without one). An OR of
   * them would be one condition, but PostgreSQL and H2 then walk the index from its start and filter, as costly as an
   * offset; each branch alone starts at its position.
   */
  List<CustomerFilter.Sql> branches() {
    List<SortKey> keys = sort.keys();
    List<CustomerFilter.Sql> branches = new ArrayList<>();
    List<Object> ids = new ArrayList<>();
    StringBuilder sameId = equalUpTo(keys.size(), ids);
    ids.add(id);
    branches.add(new CustomerFilter.Sql(sameId + "r.customer_id " + (sort.bestFirst() ? ">" : "<") + " ?", ids));
    for (int k = keys.size() - 1; k >= 0; k--) {
      SortKey key = keys.get(k);
      Object value = values.get(k);
      boolean descending = key.desc() == sort.bestFirst();
      if (value != null) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = equalUpTo(k, params).append(key.column()).append(descending ? " < ?" : " > ?");
        params.add(value);
        branches.add(new CustomerFilter.Sql(sql.toString(), params));
      }
      // Missing values come last best-first: after any value; in reverse they come first, so only values follow.
      boolean nullsAfter = sort.bestFirst() ? value != null : value == null;
      if (key.nullable() && nullsAfter) {
        List<Object> params = new ArrayList<>();
        String test = sort.bestFirst() ? " is null" : " is not null";
        branches.add(new CustomerFilter.Sql(equalUpTo(k, params).append(key.column()).append(test).toString(),
            params));
      }
    }
    return branches;
  }

  /** {@code k1 = ? and … } for the first {@code count} keys, {@code is null} where the value is missing. */
  private StringBuilder equalUpTo(int count, List<Object> params) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < count; k++) {
      String column = sort.keys().get(k).column();
      if (values.get(k) == null) {
        sb.append(column).append(" is null and ");
      } else {
        sb.append(column).append(" = ? and ");
        params.add(values.get(k));
      }
    }
    return sb;
  }
}
