package strata.server.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import strata.intake.Column;
import strata.intake.CustomerProfile;
import strata.intake.FileKind;
import strata.intake.RowIntake;
import strata.server.api.BadRequest;
import tools.jackson.databind.JsonNode;

/**
 * Turns a batch call's JSON records into rows checked by the same rules as file rows. A body of the wrong shape
 * (not an array, a record that is not an object, a field of the wrong type, an unknown field) refuses the whole call;
 * a record with a bad value is refused on its own, with the file intake's reason.
 */
final class BatchRecords {
  static final int MAX_RECORDS = 10_000;

  /** A record that was refused. */
  record Rejected(int index, String recordId, String reason, String detail) {}

  /**
   * The records that passed, in order with their indexes and the columns each one sent (null included: a merge patch
   * clears those), and the refused ones.
   */
  record Checked(List<Integer> indexes, List<String> recordIds, List<RowIntake.Row> rows, List<Set<Column>> sent,
      List<Rejected> rejected) {}

  private BatchRecords() {}

  /** JSON field name to column, per kind; {@code recordId} (or {@code id} for customers) is the record's key. */
  static Map<String, Column> fields(FileKind kind) {
    Map<String, Column> m = new LinkedHashMap<>();
    switch (kind) {
      case CUSTOMERS -> {
        m.put("id", Column.CUSTOMER_ID);
        m.put("name", Column.NAME);
        m.put("industry", Column.INDUSTRY);
        m.put("size", Column.SIZE);
        m.put("region", Column.REGION);
        m.put("owner", Column.OWNER);
        m.put("phone", Column.PHONE);
        m.put("email", Column.EMAIL);
        m.put("birthday", Column.BIRTHDAY);
        m.put("created", Column.CREATED);
      }
      case TRANSACTIONS -> {
        m.put("customerId", Column.CUSTOMER_ID);
        m.put("date", Column.ORDER_DATE);
        m.put("amount", Column.AMOUNT);
        m.put("orderId", Column.ORDER_ID);
        m.put("product", Column.PRODUCT);
        m.put("category", Column.CATEGORY);
        m.put("quantity", Column.QUANTITY);
        m.put("channel", Column.CHANNEL);
      }
      case INTERACTIONS -> {
        m.put("customerId", Column.CUSTOMER_ID);
        m.put("time", Column.TIME);
        m.put("type", Column.TYPE);
        m.put("channel", Column.CHANNEL);
        m.put("outcome", Column.OUTCOME);
      }
      case SURVEYS -> {
        m.put("customerId", Column.CUSTOMER_ID);
        m.put("time", Column.TIME);
        m.put("nps", Column.NPS);
        m.put("csat", Column.CSAT);
        m.put("comment", Column.COMMENT);
      }
    }
    return m;
  }

  /** Fields that may be sent as JSON numbers as well as text. */
  private static final Set<Column> NUMERIC = Set.of(Column.AMOUNT, Column.QUANTITY, Column.NPS, Column.CSAT);

  static Checked check(FileKind kind, JsonNode body) {
    if (body == null || !body.isArray()) throw new BadRequest("body", "must be a JSON array of records");
    if (body.size() > MAX_RECORDS) {
      throw new BadRequest(413, "at most " + MAX_RECORDS + " records per call; this one has " + body.size(),
          List.of(new BadRequest.FieldError("body", "more than " + MAX_RECORDS + " records")));
    }
    Map<String, Column> fields = fields(kind);
    List<Map<Column, String>> values = new ArrayList<>();
    List<Set<Column>> sent = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode rec = body.get(i);
      if (!rec.isObject()) throw new BadRequest("[" + i + "]", "must be a JSON object");
      Map<Column, String> v = new EnumMap<>(Column.class);
      Set<Column> present = EnumSet.noneOf(Column.class);
      String recordId = null;
      for (var e : rec.properties()) {
        String field = e.getKey();
        JsonNode node = e.getValue();
        String at = "[" + i + "]." + field;
        if (kind != FileKind.CUSTOMERS && field.equals("recordId")) {
          recordId = printable(text(node, at, false), at);
          continue;
        }
        Column column = fields.get(field);
        if (column == null) throw new BadRequest(at, "unknown field; expected one of " + fields.keySet());
        String t = text(node, at, NUMERIC.contains(column));
        if (column == Column.CUSTOMER_ID) printable(t, at);
        else noNul(t, at);
        present.add(column);
        if (t != null) v.put(column, t);
      }
      if (kind == FileKind.CUSTOMERS) recordId = v.get(Column.CUSTOMER_ID);
      values.add(v);
      sent.add(present);
      ids.add(recordId);
    }
    return checkValues(kind, values, sent, ids);
  }

  private static Checked checkValues(FileKind kind, List<Map<Column, String>> values, List<Set<Column>> sent,
      List<String> ids) {
    List<Integer> indexes = new ArrayList<>();
    List<String> recordIds = new ArrayList<>();
    List<RowIntake.Row> rows = new ArrayList<>();
    List<Set<Column>> sentOfRows = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String id = ids.get(i) == null ? null : ids.get(i).strip();
      Map<Column, String> v = values.get(i);
      RowIntake.Checked c = RowIntake.check(kind, v);
      String problem = null;
      String detail = null;
      if (kind != FileKind.CUSTOMERS && (id == null || id.isEmpty())) {
        problem = "missing_record_id";
        detail = "recordId is empty";
      } else if (id != null && id.length() > Records.MAX_RECORD_ID) {
        problem = "record_id_too_long";
        detail = "recordId is longer than " + Records.MAX_RECORD_ID + " characters";
      } else if (!c.accepted()) {
        problem = c.reason().code();
        detail = c.detail();
      } else if ((detail = tooLong(v)) != null) {
        problem = "field_too_long";
      } else if (kind == FileKind.CUSTOMERS && (detail = badProfileDate(v, c.row().profile())) != null) {
        problem = "bad_date";
      } else if (!seen.add(id)) {
        problem = kind == FileKind.CUSTOMERS ? "duplicate_customer" : "duplicate_record_id";
        detail = "'" + id + "' appears earlier in this batch";
      }
      if (problem != null) {
        rejected.add(new Rejected(i, id, problem, detail));
      } else {
        indexes.add(i);
        recordIds.add(id);
        rows.add(c.row());
        sentOfRows.add(sent.get(i));
      }
    }
    return new Checked(indexes, recordIds, rows, sentOfRows, rejected);
  }

  /** A value that does not fit its column: refused, not cut, since the caller can send it again. */
  private static String tooLong(Map<Column, String> v) {
    for (var e : v.entrySet()) {
      Integer max = Records.MAX_LENGTH.get(e.getKey());
      if (max != null && e.getValue().strip().length() > max) {
        return e.getKey().key() + " is longer than " + max + " characters";
      }
    }
    return null;
  }

  /** Files leave an unreadable birthday empty; an API caller is told instead. */
  private static String badProfileDate(Map<Column, String> v, CustomerProfile p) {
    if (!v.getOrDefault(Column.BIRTHDAY, "").isBlank() && p.birthday() == null) {
      return "birthday '" + v.get(Column.BIRTHDAY) + "'";
    }
    if (!v.getOrDefault(Column.CREATED, "").isBlank() && p.created() == null) {
      return "created '" + v.get(Column.CREATED) + "'";
    }
    return null;
  }

  /**
   * An id as sent, refused if it holds a control character: JSON strings can carry NUL or a line break, which no
   * CRM means as part of an id, and two ids differing only by one would look alike everywhere they are shown.
   */
  private static String printable(String id, String at) {
    if (id == null) return null;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        throw new BadRequest(at, String.format("must not hold control characters; found U+%04X at position %d", (int) c,
            i + 1));
      }
    }
    return id;
  }

  /** Other text may hold line breaks and tabs, but not U+0000: PostgreSQL cannot store it in a text column. */
  private static void noNul(String text, String at) {
    int nul = text == null ? -1 : text.indexOf('\0');
    if (nul >= 0) throw new BadRequest(at, "must not hold U+0000 (NUL); found at position " + (nul + 1));
  }

  private static String text(JsonNode node, String at, boolean numberAllowed) {
    if (node.isNull()) return null;
    if (node.isString()) return node.asString();
    if (numberAllowed && node.isNumber()) {
      // 1e400 is read as a double and overflows to infinity: refuse the call rather than guess its digits.
      if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
        throw new BadRequest(at, "must be a finite number; '" + node + "' is beyond a double's range");
      }
      return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString();
    }
    throw new BadRequest(at, numberAllowed ? "must be a number or text" : "must be text");
  }
}
