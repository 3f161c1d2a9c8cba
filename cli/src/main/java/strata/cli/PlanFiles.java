package strata.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import strata.intake.IntakeException;
import strata.plan.Contact;
import strata.plan.ContactFlags;
import strata.plan.Plan;
import strata.plan.PlanText;
import strata.plan.PlannedTask;
import strata.plan.Reason;
import strata.plan.StopReason;
import strata.playbook.Channel;
import strata.playbook.Purpose;
import strata.playbook.TaskType;
import strata.playbook.Trigger;

/**
 * The planner's files: tasks.csv and call lists out; the previous run's customers.csv, quality.json and tasks.csv,
 * and the customers file's contact flags, in.
 */
final class PlanFiles {
  static final List<String> TASK_COLUMNS = List.of("task_id", "customer_id", "owner", "tier", "type", "channel",
      "due_date", "trigger", "reason", "status", "suppressed_by");
  /** A call list's columns, headed in the reader's language (cli.call_list.* labels). */
  static final List<String> CALL_LIST_COLUMNS = List.of("due_date", "customer_id", "phone", "email", "task", "channel",
      "reason");

  private PlanFiles() {}

  /** A previous output folder: tiers by customer, its as-of date, its tasks, and the reasons as written. */
  record Previous(Map<String, String> tiers, LocalDate asOf, List<PlannedTask> open, List<Contact> done,
      Map<String, String> reasons) {
    static final Previous NONE = new Previous(Map.of(), null, List.of(), List.of(), Map.of());
  }

  static Previous previous(Path dir) throws IOException {
    if (dir == null) return Previous.NONE;
    Path customers = dir.resolve("customers.csv");
    if (!Files.isRegularFile(customers)) throw new IntakeException(IntakeException.NO_PREVIOUS_CUSTOMERS, dir);
    Map<String, String> tiers = new HashMap<>();
    for (NamedCsvRecord r : records(customers, "customer_id", "tier")) tiers.put(r.getField("customer_id"), r.getField("tier"));
    LocalDate asOf = null;
    Path quality = dir.resolve("quality.json");
    if (Files.isRegularFile(quality)) {
      String text = Output.mapper().readTree(quality.toFile()).path("as_of").asText("");
      asOf = text.isEmpty() ? null : LocalDate.parse(text);
    }
    List<PlannedTask> open = new ArrayList<>();
    List<Contact> done = new ArrayList<>();
    Map<String, String> reasons = new HashMap<>();
    Path tasks = dir.resolve("tasks.csv");
    if (Files.isRegularFile(tasks)) {
      for (NamedCsvRecord r : records(tasks, TASK_COLUMNS.toArray(String[]::new))) {
        PlannedTask t = task(tasks, r);
        reasons.put(t.key(), r.getField("reason"));
        if (t.status() == PlannedTask.Status.DONE) done.add(new Contact(t.customerId(), t.due(), t.channel(), t.key()));
        else open.add(t);
      }
    }
    return new Previous(tiers, asOf, open, done, reasons);
  }

  private static PlannedTask task(Path file, NamedCsvRecord r) {
    String where = file.getFileName() + " line " + r.getStartingLineNumber();
    try {
      Trigger trigger = Trigger.valueOf(r.getField("trigger").toUpperCase(Locale.ROOT));
      TaskType type = TaskType.valueOf(r.getField("type").toUpperCase(Locale.ROOT));
      String channelCode = r.getField("channel");
      Channel channel = channelCode.isEmpty() ? null : Channel.of(channelCode);
      if (!channelCode.isEmpty() && channel == null) throw new IllegalArgumentException("channel '" + channelCode + "'");
      PlannedTask.Status status = PlannedTask.Status.valueOf(r.getField("status").toUpperCase(Locale.ROOT));
      String stop = r.getField("suppressed_by");
      int colon = stop.indexOf(':');
      StopReason stopped = stop.isEmpty() ? null
          : colon < 0 ? new StopReason(stop, "") : new StopReason(stop.substring(0, colon), stop.substring(colon + 1));
      Reason why = new Reason(r.getField("tier"), trigger, "", List.of(), Purpose.NONE);
      return new PlannedTask(r.getField("task_id"), r.getField("customer_id"), r.getField("owner"), type, channel,
          LocalDate.parse(r.getField("due_date")), trigger, why, status, stopped, false);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IntakeException(IntakeException.NOT_A_TASK, where, e.getMessage());
    }
  }

  /**
   * Do-not-contact and consent columns of the customers file, when it has them: {@code do_not_contact} (免打扰) and
   * {@code consent_<channel>} (e.g. consent_sms); yes/no, true/false, 1/0, 是/否. An empty cell means consent.
   */
  static Map<String, ContactFlags> flags(Path customersFile, java.nio.charset.Charset charset) throws IOException {
    Map<String, ContactFlags> flags = new HashMap<>();
    if (customersFile == null) return flags;
    // The same encoding and delimiter the intake detected (or was told): a do-not-contact flag must never be lost
    // because the file is GBK or semicolon-separated.
    strata.intake.CsvFormat format =
        strata.intake.FormatSniffer.sniff(customersFile, new strata.intake.FormatSniffer.Hints(charset, null, null));
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().detectBomHeader(true)
        .fieldSeparator((char) format.delimiter()).ofNamedCsvRecord(customersFile, format.charset())) {
      for (NamedCsvRecord r : csv) {
        String id = r.findField("customer_id").or(() -> r.findField("客户编号")).orElse("").strip();
        boolean dnc = no(r.findField("do_not_contact").or(() -> r.findField("免打扰")).orElse(""), true);
        Set<Channel> denied = EnumSet.noneOf(Channel.class);
        for (Channel c : Channel.values()) {
          if (no(r.findField("consent_" + c.code()).orElse(""), false)) denied.add(c);
        }
        if (!id.isEmpty() && (dnc || !denied.isEmpty())) flags.put(id, new ContactFlags(dnc, Set.copyOf(denied)));
      }
    } catch (java.io.UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
      throw new IntakeException(IntakeException.NO_CONSENT_COLUMNS, customersFile.getFileName(), e.getMessage());
    }
    return flags;
  }

  /** @param yesMeans what "yes" says: true for do_not_contact (yes = do not), false for consent (no = denied) */
  private static boolean no(String cell, boolean yesMeans) {
    String v = cell.strip().toLowerCase(Locale.ROOT);
    boolean yes = v.equals("yes") || v.equals("y") || v.equals("true") || v.equals("1") || v.equals("是");
    boolean no = v.equals("no") || v.equals("n") || v.equals("false") || v.equals("0") || v.equals("否");
    return yesMeans ? yes : no;
  }

  private static List<NamedCsvRecord> records(Path file, String... needed) throws IOException {
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
      List<NamedCsvRecord> rows = new ArrayList<>();
      for (NamedCsvRecord r : csv) {
        for (String column : needed) {
          if (r.findField(column).isEmpty()) throw new IntakeException(IntakeException.MISSING_COLUMN, file, column);
        }
        rows.add(r);
      }
      return rows;
    }
  }

  /** tasks.csv: every task of the plan; kept tasks keep the reason they were written with. */
  static void writeTasks(Plan plan, Path file, Locale locale, Map<String, String> earlierReasons) throws IOException {
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord(TASK_COLUMNS);
      for (PlannedTask t : plan.tasks()) {
        String reason = !t.created() && earlierReasons.containsKey(t.key()) && t.why().values().isEmpty()
            ? earlierReasons.get(t.key()) + cancelled(t, locale) : PlanText.reason(t, locale);
        csv.writeRecord(t.key(), t.customerId(), t.owner(), t.why().tier(), t.type().code(),
            t.channel() == null ? "" : t.channel().code(), t.due().toString(), t.trigger().code(), reason,
            t.status().code(), t.status() == PlannedTask.Status.SUPPRESSED ? t.stoppedBy().text() : "");
      }
    }
  }

  private static String cancelled(PlannedTask t, Locale locale) {
    if (t.status() != PlannedTask.Status.CANCELLED) return "";
    return PlanText.cancelled(t.stoppedBy(), locale);
  }

  /**
   * One call list per owner in {@code call-lists/}: the open touches, by due date, with phone and email. Customers
   * in the pool go to {@code pool.csv}.
   */
  static void writeCallLists(Plan plan, Path dir, Locale locale, Map<String, String[]> contactDetails)
      throws IOException {
    Files.createDirectories(dir);
    Map<String, List<PlannedTask>> byOwner = new TreeMap<>();
    for (PlannedTask t : plan.tasks()) {
      if (t.status() == PlannedTask.Status.OPEN && t.channel() != null) {
        byOwner.computeIfAbsent(t.owner(), k -> new ArrayList<>()).add(t);
      }
    }
    for (Map.Entry<String, List<PlannedTask>> e : byOwner.entrySet()) {
      String name = e.getKey().isEmpty() ? "pool" : "owner-" + e.getKey().replaceAll("[\\\\/:*?\"<>|\\s]", "_");
      List<PlannedTask> tasks = new ArrayList<>(e.getValue());
      tasks.sort(java.util.Comparator.comparing(PlannedTask::due).thenComparing(PlannedTask::customerId));
      try (CsvWriter csv = CsvWriter.builder().build(dir.resolve(name + ".csv"), StandardCharsets.UTF_8)) {
        csv.writeRecord(CALL_LIST_COLUMNS.stream().map(c -> Language.text(locale, "call_list." + c)).toList());
        for (PlannedTask t : tasks) {
          String[] details = contactDetails.getOrDefault(t.customerId(), new String[] {"", ""});
          csv.writeRecord(t.due().toString(), t.customerId(), details[0], details[1], PlanText.type(t.type(), locale),
              PlanText.channel(t.channel(), locale), PlanText.reason(t, locale));
        }
      }
    }
  }
}
