package strata.intake;

import java.nio.file.Path;
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

  /**
   * Reads only a side file's head: the error {@link #customers}, {@link #interactions} or {@link #surveys} would give
   * for its encoding or a missing column, without reading its rows (an engine checks before a long read).
   *
   * @throws IntakeException as the readers do
   */
  public static void checkHeader(Path file, FileKind kind, FormatSniffer.Hints hints, Map<String, String> columnMap) {
    ColumnMapping.resolve(file.getFileName().toString(), kind, FormatSniffer.sniff(file, hints).header(), columnMap);
  }

  public static Customers customers(Path file, FormatSniffer.Hints hints, Map<String, String> columnMap,
      Consumer<Rejection> rejects, Path tempDir) {
    Map<String, CustomerProfile> profiles = new LinkedHashMap<>();
    FileQuality quality = RowIntake.read(file, file.getFileName().toString(), FileKind.CUSTOMERS, hints, columnMap,
        row -> profiles.put(row.profile().customerId(), row.profile()), rejects, tempDir, bytes -> { });
    return new Customers(profiles, quality);
  }

  public static Engagements interactions(Path file, FormatSniffer.Hints hints, Map<String, String> columnMap,
      Consumer<Rejection> rejects, Path tempDir) {
    Map<String, Engagement> byCustomer = new HashMap<>();
    FileQuality quality = RowIntake.read(file, file.getFileName().toString(), FileKind.INTERACTIONS, hints, columnMap,
        row -> byCustomer.merge(row.get(Column.CUSTOMER_ID), Engagement.interaction(row.get(Column.TYPE), row.day()),
            Engagement::merge), rejects, tempDir, bytes -> { });
    return new Engagements(byCustomer, quality);
  }

  public static Engagements surveys(Path file, FormatSniffer.Hints hints, Map<String, String> columnMap,
      Consumer<Rejection> rejects, Path tempDir) {
    Map<String, Engagement> byCustomer = new HashMap<>();
    FileQuality quality = RowIntake.read(file, file.getFileName().toString(), FileKind.SURVEYS, hints, columnMap,
        row -> byCustomer.merge(row.get(Column.CUSTOMER_ID), Engagement.survey(row.nps(), row.csat(), row.day()),
            Engagement::merge),
        rejects, tempDir, bytes -> { });
    return new Engagements(byCustomer, quality);
  }

  /**
   * Each interaction row as it is, for the service planner (which needs dates and channels, not totals). Rejected
   * rows are skipped silently: {@link #interactions} reports them.
   *
   * @param row receives the customer id, the epoch day, the type folded as {@link #interactionType} and the channel
   *     text ("" when the file has none)
   */
  public static void interactionRows(Path file, FormatSniffer.Hints hints, Map<String, String> columnMap, Path tempDir,
      InteractionRow row) {
    RowIntake.read(file, file.getFileName().toString(), FileKind.INTERACTIONS, hints, columnMap,
        r -> row.accept(r.get(Column.CUSTOMER_ID), r.day(), interactionType(r.get(Column.TYPE)), r.get(Column.CHANNEL)),
        rejection -> { }, tempDir, bytes -> { });
  }

  /** See {@link #interactionRows}. */
  public interface InteractionRow {
    void accept(String customerId, int day, String type, String channel);
  }

  /** Interaction types in Chinese or English, folded to call, visit, complaint, inquiry or other. */
  public static String interactionType(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.contains("投诉") || t.contains("complain")) return "complaint";
    if (t.contains("拜访") || t.contains("上门") || t.contains("visit") || t.contains("meeting")) return "visit";
    if (t.contains("电话") || t.contains("call") || t.contains("phone")) return "call";
    if (t.contains("咨询") || t.contains("inquir") || t.contains("enquir") || t.contains("question")) return "inquiry";
    return "other";
  }
}
