package strata.server.intake;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import strata.intake.Column;
import strata.intake.RowIntake.Row;
import strata.server.data.Interaction;
import strata.server.data.Purchase;
import strata.server.data.Survey;

/** Accepted rows (from files or batch records) as the records the stores keep. */
final class Records {
  private Records() {}

  /** Longest text each column may hold: the schema's varchar sizes (V1__schema.sql). */
  static final Map<Column, Integer> MAX_LENGTH = Map.ofEntries(Map.entry(Column.CUSTOMER_ID, 256),
      Map.entry(Column.ORDER_ID, 256), Map.entry(Column.PRODUCT, 500), Map.entry(Column.CATEGORY, 200),
      Map.entry(Column.QUANTITY, 50), Map.entry(Column.CHANNEL, 200), Map.entry(Column.TYPE, 100),
      Map.entry(Column.OUTCOME, 500), Map.entry(Column.COMMENT, 4000), Map.entry(Column.NAME, 500),
      Map.entry(Column.INDUSTRY, 200), Map.entry(Column.SIZE, 100), Map.entry(Column.REGION, 200),
      Map.entry(Column.OWNER, 200), Map.entry(Column.PHONE, 100), Map.entry(Column.EMAIL, 320));
  static final int MAX_RECORD_ID = 256;

  static Purchase purchase(String recordId, Row r) {
    return new Purchase(recordId, r.get(Column.CUSTOMER_ID), r.date(), r.cents(), r.get(Column.ORDER_ID),
        r.get(Column.PRODUCT), r.get(Column.CATEGORY), r.get(Column.QUANTITY), r.get(Column.CHANNEL));
  }

  static Interaction interaction(String recordId, Row r) {
    return new Interaction(recordId, r.get(Column.CUSTOMER_ID), at(r.get(Column.TIME), r), r.get(Column.TYPE),
        r.get(Column.CHANNEL), r.get(Column.OUTCOME));
  }

  static Survey survey(String recordId, Row r) {
    return new Survey(recordId, r.get(Column.CUSTOMER_ID), at(r.get(Column.TIME), r), r.nps() < 0 ? null : r.nps(),
        r.csat() < 0 ? null : r.csat(), r.get(Column.COMMENT));
  }

  /** The content a file row's record id is derived from: every stored field but the id. */
  static Object[] content(Purchase p) {
    return new Object[] {p.customerId(), p.day(), p.amountCents(), p.orderId(), p.product(), p.category(),
        p.quantity(), p.channel()};
  }

  static Object[] content(Interaction i) {
    return new Object[] {i.customerId(), i.at(), i.type(), i.channel(), i.outcome()};
  }

  static Object[] content(Survey s) {
    return new Object[] {s.customerId(), s.at(), s.nps(), s.csat(), s.comment()};
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

  /**
   * The instant of an interaction or survey: the row's day, at the time written after the date if there is one
   * ("2024-03-05 14:30", "2024-03-05T14:30:00"); the intake itself works in days and ignores it.
   */
  static LocalDateTime at(String text, Row r) {
    int cut = Math.max(text.indexOf(' '), text.indexOf('T'));
    if (cut > 0) {
      String rest = text.substring(cut + 1).strip();
      if (rest.length() > 8) rest = rest.substring(0, 8);
      try {
        return r.date().atTime(LocalTime.parse(rest, TIME));
      } catch (DateTimeParseException e) {
        // a time Strata does not read: the day alone
      }
    }
    return r.date().atStartOfDay();
  }

  /** Cuts text longer than its column allows; returns how many values were cut. Rows are the importer's own. */
  static int cutToColumns(Row r) {
    int cut = 0;
    for (Map.Entry<Column, Integer> e : MAX_LENGTH.entrySet()) {
      String s = r.text()[e.getKey().ordinal()];
      if (s.length() > e.getValue()) {
        r.text()[e.getKey().ordinal()] = s.substring(0, e.getValue());
        cut++;
      }
    }
    return cut;
  }
}
