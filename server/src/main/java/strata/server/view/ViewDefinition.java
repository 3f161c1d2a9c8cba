package strata.server.view;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import strata.server.api.BadRequest;
import strata.server.customer.CustomerFilter;
import strata.server.customer.CustomerQueries;
import tools.jackson.databind.JsonNode;

/**
 * Checks what a saved view holds: {@code {"filters": {key: value}, "sort": "field,asc|desc", "columns": [field]}},
 * with the customer list's own filter keys, sort fields and row fields only, so a view never carries anything the
 * list would reject or silently ignore. Each rejection is a 422 with its own code.
 */
final class ViewDefinition {
  /** As stored (compact JSON); a real view is a few hundred characters. */
  static final int MAX_CHARS = 4000;
  static final int MAX_VALUE_CHARS = 200;

  private static final Set<String> PARTS = Set.of("filters", "sort", "columns");

  private ViewDefinition() {}

  /** @return the definition as it is stored */
  static String check(JsonNode definition) {
    if (definition == null || !definition.isObject()) {
      throw invalid("invalid_view", "definition", "must be an object with filters, sort and columns");
    }
    String text = definition.toString();
    if (text.length() > MAX_CHARS) {
      throw invalid("view_too_large", "definition", "is " + text.length() + " characters; at most " + MAX_CHARS);
    }
    for (Map.Entry<String, JsonNode> part : definition.properties()) {
      if (!PARTS.contains(part.getKey())) {
        throw invalid("invalid_view", "definition." + part.getKey(), "unknown part; one of " + PARTS);
      }
    }
    filters(definition.get("filters"));
    sort(definition.get("sort"));
    columns(definition.get("columns"));
    return text;
  }

  private static void filters(JsonNode filters) {
    if (filters == null || filters.isNull()) return;
    if (!filters.isObject()) throw invalid("invalid_view", "definition.filters", "must be an object");
    for (Map.Entry<String, JsonNode> f : filters.properties()) {
      String field = "definition.filters." + f.getKey();
      if (!CustomerFilter.KEYS.contains(f.getKey())) {
        throw invalid("unknown_filter", field, "unknown filter; one of " + CustomerFilter.KEYS);
      }
      JsonNode value = f.getValue();
      if (!value.isNull() && !value.isString()) throw invalid("invalid_view", field, "must be a string");
      if (value.isString() && value.asString().length() > MAX_VALUE_CHARS) {
        throw invalid("view_too_large", field, "at most " + MAX_VALUE_CHARS + " characters");
      }
    }
  }

  private static void sort(JsonNode sort) {
    if (sort == null || sort.isNull()) return;
    if (!sort.isString()) throw invalid("invalid_view", "definition.sort", "must be a string");
    try {
      CustomerFilter.orderBy(sort.asString());
    } catch (BadRequest e) {
      throw invalid("unknown_sort", "definition.sort",
          "expected field or field,asc|desc with a field of " + CustomerFilter.sortFields());
    }
  }

  private static void columns(JsonNode columns) {
    if (columns == null || columns.isNull()) return;
    List<String> fields = CustomerQueries.rowFields();
    if (!columns.isArray() || columns.size() > fields.size()) {
      throw invalid("invalid_view", "definition.columns", "must be a list of at most " + fields.size() + " fields");
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode c : columns) {
      if (!c.isString() || !fields.contains(c.asString())) {
        throw invalid("unknown_column", "definition.columns", "unknown column " + c + "; one of " + fields);
      }
      if (!seen.add(c.asString())) throw invalid("invalid_view", "definition.columns", c + " is listed twice");
    }
  }

  private static BadRequest invalid(String code, String field, String message) {
    return new BadRequest(422, code, field + ": " + message, List.of(new BadRequest.FieldError(field, message)));
  }
}
