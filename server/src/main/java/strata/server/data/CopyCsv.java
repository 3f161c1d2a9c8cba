package strata.server.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Values as PostgreSQL COPY's CSV: null is an unquoted empty field, every text is quoted (so "" stays ""). */
public final class CopyCsv {
  private CopyCsv() {}

  /** Appends one row of values and its line end. */
  public static void appendRow(StringBuilder sb, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) sb.append(',');
      append(sb, values[i]);
    }
    sb.append('\n');
  }

  /** Appends one value: numbers and booleans as they print, dates ISO, texts quoted with quotes doubled. */
  public static void append(StringBuilder sb, Object v) {
    if (v == null) return;
    if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
      return;
    }
    String s = v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime ? v.toString()
        : (String) v;
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') sb.append('"');
      sb.append(ch);
    }
    sb.append('"');
  }
}
