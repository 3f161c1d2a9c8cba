package strata.intake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Intake of the optional files: customers, interactions and survey answers. */
public final class SideFiles {
  private SideFiles() {}

  /** Customer profiles in file order, and the quality of the file. */
  public record Customers(Map<String, CustomerProfile> profiles, FileQuality quality) {}

  /** Engagement per customer id, and the quality of the file. */
  public record Engagements(Map<String, Engagement> byCustomer, FileQuality quality) {}

  public static Customers customers(Path file, FormatSniffer.Hints hints, Map<String, String> columnMap,
      Consumer<Rejection> rejects, Path tempDir) {
    Map<String, CustomerProfile> profiles = new LinkedHashMap<>();
    TextRows.Read read = TextRows.read(file, FileKind.CUSTOMERS, hints, columnMap, (m, dates) -> (f, line) -> {
      String id = TextRows.get(f, m, Column.CUSTOMER_ID);
      TextRows.Rejected badId = TextRows.checkId(id);
      if (badId != null) return badId;
      if (profiles.containsKey(id)) {
        return new TextRows.Rejected(RejectReason.DUPLICATE_CUSTOMER, "customer id '" + id + "' was already listed");
      }
      profiles.put(id, new CustomerProfile(id, TextRows.get(f, m, Column.NAME), TextRows.get(f, m, Column.INDUSTRY),
          TextRows.get(f, m, Column.SIZE), TextRows.get(f, m, Column.REGION), TextRows.get(f, m, Column.OWNER),
          TextRows.get(f, m, Column.PHONE), TextRows.get(f, m, Column.EMAIL),
          optionalDate(TextRows.get(f, m, Column.BIRTHDAY), dates),
          optionalDate(TextRows.get(f, m, Column.CREATED), dates)));
      return null;
    }, rejects, tempDir);
    return new Customers(profiles, read.quality());
  }

  /** Optional profile dates: an unreadable one is left empty rather than refusing the whole customer. */
  private static LocalDate optionalDate(String text, DateFormat dates) {
    if (text.isEmpty()) return null;
    int day = TextRows.day(text, dates);
    return day < 0 ? null : LocalDate.ofEpochDay(day);
  }

  public static Engagements interactions(Path file, FormatSniffer.Hints hints, Map<String, String> columnMap,
      Consumer<Rejection> rejects, Path tempDir) {
    Map<String, Engagement> byCustomer = new HashMap<>();
    TextRows.Read read = TextRows.read(file, FileKind.INTERACTIONS, hints, columnMap, (m, dates) -> (f, line) -> {
      String id = TextRows.get(f, m, Column.CUSTOMER_ID);
      TextRows.Rejected badId = TextRows.checkId(id);
      if (badId != null) return badId;
      int day = TextRows.day(TextRows.get(f, m, Column.TIME), dates);
      TextRows.Rejected bad = checkDay(TextRows.get(f, m, Column.TIME), day);
      if (bad != null) return bad;
      byCustomer.merge(id, Engagement.interaction(TextRows.get(f, m, Column.TYPE), day), Engagement::merge);
      return null;
    }, rejects, tempDir);
    return new Engagements(byCustomer, read.quality());
  }

  public static Engagements surveys(Path file, FormatSniffer.Hints hints, Map<String, String> columnMap,
      Consumer<Rejection> rejects, Path tempDir) {
    Map<String, Engagement> byCustomer = new HashMap<>();
    TextRows.Read read = TextRows.read(file, FileKind.SURVEYS, hints, columnMap, (m, dates) -> (f, line) -> {
      String id = TextRows.get(f, m, Column.CUSTOMER_ID);
      TextRows.Rejected badId = TextRows.checkId(id);
      if (badId != null) return badId;
      String time = TextRows.get(f, m, Column.TIME);
      int day = TextRows.day(time, dates);
      TextRows.Rejected bad = checkDay(time, day);
      if (bad != null) return bad;
      String npsText = TextRows.get(f, m, Column.NPS);
      String csatText = TextRows.get(f, m, Column.CSAT);
      int nps = score(npsText, 0, 10);
      int csat = score(csatText, 1, 5);
      if (nps == BAD || csat == BAD) {
        return new TextRows.Rejected(RejectReason.BAD_SCORE, "NPS '" + npsText + "', CSAT '" + csatText + "'");
      }
      if (nps < 0 && csat < 0) return new TextRows.Rejected(RejectReason.EMPTY_SURVEY, RejectReason.EMPTY_SURVEY.message());
      byCustomer.merge(id, Engagement.survey(nps, csat, day), Engagement::merge);
      return null;
    }, rejects, tempDir);
    return new Engagements(byCustomer, read.quality());
  }

  private static final int BAD = -2;

  /** A score within [min, max], -1 when empty, {@link #BAD} otherwise. */
  private static int score(String text, int min, int max) {
    if (text.isEmpty()) return -1;
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long v = FieldParsers.parseWholeNumber(b, 0, b.length);
    return v >= min && v <= max ? (int) v : BAD;
  }

  /** Why a required date was not usable, or null; {@code day} is the text already parsed. */
  private static TextRows.Rejected checkDay(String text, int day) {
    if (text.isEmpty()) return new TextRows.Rejected(RejectReason.MISSING_DATE, RejectReason.MISSING_DATE.message());
    if (day == FieldParsers.BAD_DATE) return new TextRows.Rejected(RejectReason.BAD_DATE, "date '" + text + "'");
    if (day == FieldParsers.OUT_OF_RANGE) {
      return new TextRows.Rejected(RejectReason.DATE_OUT_OF_RANGE, "date '" + text + "'");
    }
    return null;
  }


  /** Interaction types in Chinese or English, folded to call, visit, complaint, inquiry or other. */
  static String interactionType(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.contains("投诉") || t.contains("complain")) return "complaint";
    if (t.contains("拜访") || t.contains("上门") || t.contains("visit") || t.contains("meeting")) return "visit";
    if (t.contains("电话") || t.contains("call") || t.contains("phone")) return "call";
    if (t.contains("咨询") || t.contains("inquir") || t.contains("enquir") || t.contains("question")) return "inquiry";
    return "other";
  }
}
