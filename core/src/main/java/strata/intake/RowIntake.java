package strata.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import strata.asof.AsOfPolicy;
import strata.i18n.Note;

/**
 * Reads a file of any kind row by row, handing each accepted row over as it is read and each refused one to the
 * rejects with the same reasons as the CLI's intake. For callers that store rows rather than summarise them (the
 * server's imports), and for records that do not come from a file at all ({@link #check}, the server's batch API).
 */
public final class RowIntake {
  private RowIntake() {}

  /**
   * One accepted row.
   *
   * @param line 1-based line where the row starts (0 for records that are not from a file)
   * @param day epoch day of the row's date (order date or time); -1 for customers
   * @param cents the amount of a transaction, else 0
   * @param rounded whether digits below the cent were rounded away
   * @param nps the NPS answer 0..10 of a survey, else -1
   * @param csat the CSAT answer 1..5 of a survey, else -1
   * @param profile the customer of a customers row, else null
   */
  public record Row(long line, String[] text, int day, long cents, boolean rounded, int nps, int csat,
      CustomerProfile profile) {
    /** The column's text, trimmed; "" when the file has no such column. */
    public String get(Column column) {
      return text[column.ordinal()];
    }

    public LocalDate date() {
      return LocalDate.ofEpochDay(day);
    }
  }

  /** A record's outcome: the row, or why it was refused. */
  public record Checked(Row row, RejectReason reason, String detail) {
    public boolean accepted() {
      return row != null;
    }
  }

  /** The first rows of a file and how its headers map to columns, before anything is read for real. */
  public record Preview(CsvFormat format, ColumnMapping mapping, List<Column> missing, List<List<String>> rows) {}

  /**
   * @param name the file's name in messages and rejections
   * @param accepted receives the accepted rows in file order (on an intake thread)
   * @param rejects receives every rejected row, in line order
   * @param progress receives the number of bytes read so far
   * @throws IntakeException if the file cannot be read or lacks a required column
   */
  public static FileQuality read(Path file, String name, FileKind kind, FormatSniffer.Hints hints,
      Map<String, String> columnMap, Consumer<Row> accepted, Consumer<Rejection> rejects, Path tempDir,
      LongConsumer progress) {
    Set<String> customers = kind == FileKind.CUSTOMERS ? new HashSet<>() : null;
    UnreadableDates unreadable = new UnreadableDates();
    FileQuality quality = TextRows.read(file, name, kind, hints, columnMap, (mapping, dates) -> (fields, line, out) -> {
      String[] text = byColumn(fields, mapping);
      Checked c = check(kind, text, dates, line);
      if (!c.accepted()) return new TextRows.Rejected(c.reason(), c.detail());
      if (customers != null && !customers.add(c.row().get(Column.CUSTOMER_ID))) {
        return new TextRows.Rejected(RejectReason.DUPLICATE_CUSTOMER,
            "customer id '" + c.row().get(Column.CUSTOMER_ID) + "' was already listed");
      }
      if (c.row().rounded()) out.amountsRounded++;
      if (customers != null) unreadable.check(c.row(), line);
      accepted.accept(c.row());
      return null;
    }, rejects, tempDir, progress).quality();
    return unreadable.count == 0 ? quality
        : quality.withWarning(Note.of("quality_unreadable_profile_dates", unreadable.count, unreadable.firstLine));
  }

  /**
   * Birthdays and created dates that are given but cannot be read: the customer is kept (the dates are optional) with
   * the date empty, so no care event or tenure comes from it, and the file's quality says how many and where.
   */
  private static final class UnreadableDates {
    long count;
    long firstLine = -1;

    // The handler runs on one intake thread at a time (TextRows reads customer files with one thread), in line order.
    void check(Row row, long line) {
      boolean birthday = !row.get(Column.BIRTHDAY).isEmpty() && row.profile().birthday() == null;
      boolean created = !row.get(Column.CREATED).isEmpty() && row.profile().created() == null;
      if (!birthday && !created) return;
      if (count++ == 0) firstLine = line;
    }
  }

  /**
   * Checks a record that does not come from a file, with the rules and reasons of a file row and the built-in date
   * forms. Values of absent columns may be missing from the map or null.
   */
  public static Checked check(FileKind kind, Map<Column, String> values) {
    String[] text = new String[Column.values().length];
    for (Column c : Column.values()) {
      String v = values.get(c);
      text[c.ordinal()] = v == null ? "" : v.strip();
    }
    return check(kind, text, DateFormat.BUILT_IN, 0);
  }

  /** The first {@code maxRows} rows as text, and the column mapping so far (missing columns are listed, not errors). */
  public static Preview preview(Path file, String name, FileKind kind, FormatSniffer.Hints hints,
      Map<String, String> columnMap, int maxRows) {
    CsvFormat format = FormatSniffer.sniff(file, hints);
    ColumnMapping mapping = ColumnMapping.match(name, kind, format.header(), columnMap);
    byte[] head;
    try (var in = java.nio.file.Files.newInputStream(file)) {
      in.skipNBytes(format.dataStart());
      head = in.readNBytes(FormatSniffer.SAMPLE);
    } catch (java.io.IOException e) {
      throw IntakeException.causedBy(e, IntakeException.UNREADABLE, name, e.getMessage());
    }
    List<List<String>> rows = new ArrayList<>();
    RecordCursor rec = new RecordCursor(head, 0, head.length, format.delimiter(), format.whitespace());
    boolean whole = head.length < FormatSniffer.SAMPLE;
    while (rows.size() < maxRows && rec.next(whole)) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < rec.fieldCount; i++) row.add(rec.text(i, format.charset()));
      rows.add(row);
    }
    return new Preview(format, mapping, mapping.missing(kind), rows);
  }

  private static String[] byColumn(String[] fields, ColumnMapping mapping) {
    String[] text = new String[Column.values().length];
    for (Column c : Column.values()) {
      int i = mapping.indexOf(c);
      text[c.ordinal()] = i < 0 ? "" : fields[i];
    }
    return text;
  }

  private static Checked check(FileKind kind, String[] text, DateFormat dates, long line) {
    String id = text[Column.CUSTOMER_ID.ordinal()];
    TextRows.Rejected badId = TextRows.checkId(id);
    if (badId != null) return refused(badId.reason(), badId.detail());
    return switch (kind) {
      case TRANSACTIONS -> transaction(text, dates, line);
      case CUSTOMERS -> new Checked(new Row(line, text, -1, 0, false, -1, -1, new CustomerProfile(id,
          text[Column.NAME.ordinal()], text[Column.INDUSTRY.ordinal()], text[Column.SIZE.ordinal()],
          text[Column.REGION.ordinal()], text[Column.OWNER.ordinal()], text[Column.PHONE.ordinal()],
          text[Column.EMAIL.ordinal()], optionalDate(text[Column.BIRTHDAY.ordinal()], dates),
          optionalDate(text[Column.CREATED.ordinal()], dates))), null, null);
      case INTERACTIONS -> {
        String time = text[Column.TIME.ordinal()];
        int day = TextRows.day(time, dates);
        Checked bad = checkDay(time, day);
        yield bad != null ? bad : new Checked(new Row(line, text, day, 0, false, -1, -1, null), null, null);
      }
      case SURVEYS -> survey(text, dates, line);
    };
  }

  private static Checked transaction(String[] text, DateFormat dates, long line) {
    String date = text[Column.ORDER_DATE.ordinal()];
    int day = date.isEmpty() ? 0 : TextRows.day(date, dates);
    Checked bad = checkDay(date, day);
    if (bad != null) return bad;
    String amount = text[Column.AMOUNT.ordinal()];
    byte[] b = amount.getBytes(StandardCharsets.UTF_8);
    FieldParsers.Money money = new FieldParsers.Money();
    RejectReason reason = FieldParsers.parseCents(b, 0, b.length, money);
    if (reason == RejectReason.MISSING_AMOUNT) return refused(reason, reason.message());
    if (reason != null) return refused(reason, "amount '" + amount + "'");
    return new Checked(new Row(line, text, day, money.cents, money.rounded, -1, -1, null), null, null);
  }

  private static Checked survey(String[] text, DateFormat dates, long line) {
    String time = text[Column.TIME.ordinal()];
    int day = TextRows.day(time, dates);
    Checked bad = checkDay(time, day);
    if (bad != null) return bad;
    String npsText = text[Column.NPS.ordinal()];
    String csatText = text[Column.CSAT.ordinal()];
    int nps = score(npsText, 0, 10);
    int csat = score(csatText, 1, 5);
    if (nps == BAD || csat == BAD) {
      return refused(RejectReason.BAD_SCORE, "NPS '" + npsText + "', CSAT '" + csatText + "'");
    }
    if (nps < 0 && csat < 0) return refused(RejectReason.EMPTY_SURVEY, RejectReason.EMPTY_SURVEY.message());
    return new Checked(new Row(line, text, day, 0, false, nps, csat, null), null, null);
  }

  private static Checked refused(RejectReason reason, String detail) {
    return new Checked(null, reason, detail);
  }

  private static final int BAD = -2;

  /** A score within [min, max], -1 when empty, {@link #BAD} otherwise. */
  private static int score(String text, int min, int max) {
    if (text.isEmpty()) return -1;
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    long v = FieldParsers.parseWholeNumber(b, 0, b.length);
    return v >= min && v <= max ? (int) v : BAD;
  }

  /** Why a required date was not usable, or null; {@code day} is the text already parsed. */
  private static Checked checkDay(String text, int day) {
    if (text.isEmpty()) return refused(RejectReason.MISSING_DATE, RejectReason.MISSING_DATE.message());
    if (day == FieldParsers.BAD_DATE) return refused(RejectReason.BAD_DATE, "date '" + text + "'");
    if (day == FieldParsers.OUT_OF_RANGE) return refused(RejectReason.DATE_OUT_OF_RANGE, "date '" + text + "'");
    if (day > AsOfPolicy.latestAcceptedDay()) return refused(RejectReason.FUTURE_DATE, "date '" + text + "'");
    return null;
  }

  /** Optional profile dates: an unreadable one is left empty rather than refusing the whole customer. */
  private static LocalDate optionalDate(String text, DateFormat dates) {
    if (text.isEmpty()) return null;
    int day = TextRows.day(text, dates);
    return day < 0 ? null : LocalDate.ofEpochDay(day);
  }
}
