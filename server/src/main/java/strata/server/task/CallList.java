package strata.server.task;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.data.Visible;
import strata.i18n.Labels;
import strata.intake.CsvText;
import strata.plan.PlanText;
import strata.playbook.TaskType;
import strata.server.security.Viewer;

/**
 * A call list as CSV (UTF-8 with BOM for Excel, headers in the user's language): each customer's name, phone, email,
 * last contact (an interaction or a task done) and next open task. Used for My work's list of the day and for a
 * selection of the customer list; a sales viewer gets only their own customers whatever was asked.
 */
@Component
public class CallList {
  static final List<String> KEYS = List.of("customer_id", "name", "phone", "email", "last_contact", "next_task",
      "top_category", "next_product", "next_product_reason");

  /**
   * One customer's line. @param lastContact null when never contacted; @param nextTask "" when none is open;
   * @param topCategory, nextProduct, nextProductReason from the current snapshot's product preference, "" when none
   */
  public record Line(String customerId, String name, String phone, String email, LocalDate lastContact,
      String nextTask, String topCategory, String nextProduct, String nextProductReason) {}

  private final JdbcClient db;
  private final TaskPlanning planning;

  CallList(JdbcClient db, TaskPlanning planning) {
    this.db = db;
    this.planning = planning;
  }

  /**
   * The lines of the customers a condition on {@code c} (the customer table) selects, by id.
   *
   * @param condition SQL over {@code c}, with its parameters in {@code params}
   */
  public List<Line> lines(Viewer viewer, String condition, List<Object> params, Locale locale) {
    List<Object> all = new ArrayList<>(params);
    String scope = viewer.seesAll() ? "" : " and " + viewer.ownerCondition("c.owner", all);
    Map<String, String> next = nextTasks(viewer, condition, params, locale);
    return db.sql("select c.id, c.name, c.phone, c.email, (select max(i.at) from interaction i where i.customer_id = "
            + "c.id and " + Visible.rows("i") + "), (select max(d.closed_at) from service_task d where d.customer_id = c.id and d.status = 'done'), "
            + "sp.top_category, sp.next_product, sp.next_because, sp.next_lift "
            + "from customer c left join snapshot_product sp on sp.customer_id = c.id and sp.run_id = "
            + "(select run_id from current_run) where " + condition + scope + " order by c.id").params(all)
        .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            latest(rs), next.getOrDefault(rs.getString(1), ""), orEmpty(rs.getString(7)), orEmpty(rs.getString(8)),
            rs.getString(8) == null ? "" : reason(rs.getString(8), rs.getString(9), rs.getFloat(10), locale)))
        .list();
  }

  /**
   * Why the product is suggested, in plain words and without the count of customers who bought both: that count is
   * over the whole customer base, and a sales user's exports hold figures of their own customers only.
   */
  private static String reason(String item, String because, double lift, Locale locale) {
    return java.text.MessageFormat.format(Labels.get("product.reason.plain", locale).replace("'", "''"), because,
        item, String.format(Locale.ROOT, "%.1f", lift));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The earliest open task of each selected customer, as "Win-back 2026-03-10". */
  private Map<String, String> nextTasks(Viewer viewer, String condition, List<Object> params, Locale locale) {
    List<Object> all = new ArrayList<>(params);
    String scope = viewer.seesAll() ? "" : " and " + viewer.ownerCondition("c.owner", all);
    Map<String, String> next = new HashMap<>();
    db.sql("select t.customer_id, t.type, t.due_date from service_task t join customer c on c.id = t.customer_id "
            + "where t.status = 'open' and " + condition + scope + " order by t.due_date desc, t.id desc").params(all)
        .query((ResultSet rs) -> {
          // Descending, so the earliest is put last and stays.
          next.put(rs.getString(1), PlanText.type(TaskType.of(rs.getString(2)), locale) + " "
              + rs.getObject(3, LocalDate.class));
        });
    return next;
  }

  private LocalDate latest(ResultSet rs) throws java.sql.SQLException {
    LocalDateTime interaction = rs.getObject(5, LocalDateTime.class);
    OffsetDateTime done = rs.getObject(6, OffsetDateTime.class);
    LocalDate a = interaction == null ? null : interaction.toLocalDate();
    LocalDate b = done == null ? null : done.atZoneSameInstant(planning.zone()).toLocalDate();
    if (a == null) return b;
    return b == null || a.isAfter(b) ? a : b;
  }

  /** Writes the lines as CSV with the headers of the locale. */
  public static void csv(List<Line> lines, Locale locale, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    CsvWriter csv = CsvWriter.builder().quoteStrategy(CsvText.QUOTING).lineDelimiter(LineDelimiter.CRLF).build(w);
    csv.writeRecord(KEYS.stream().map(k -> Labels.get("calllist." + k, locale)).toList());
    for (Line l : lines) {
      csv.writeRecord(CsvText.guarded(l.customerId()), CsvText.guarded(l.name()), CsvText.guarded(l.phone()),
          CsvText.guarded(l.email()), l.lastContact() == null ? "" : l.lastContact().toString(), l.nextTask(),
          CsvText.guarded(l.topCategory()), CsvText.guarded(l.nextProduct()), CsvText.guarded(l.nextProductReason()));
    }
    csv.flush();
  }

  /** "zh…" is Chinese, anything else English. */
  public static Locale locale(String lang) {
    return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }
}
