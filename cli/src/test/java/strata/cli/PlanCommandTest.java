package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @TempDir Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("tx.csv"), """
        customer_id,order_date,amount
        c1,2026-08-20,2000
        c2,2026-08-25,50
        c3,2026-07-01,30
        """);
    Files.writeString(dir.resolve("customers.csv"), """
        customer_id,owner,phone,email,birthday,do_not_contact,consent_sms
        c1,amy,13800000000,,1990-09-03,,
        c2,,13900000000,c2@example.cn,,,no
        c3,,,,,yes,
        """);
    Files.writeString(dir.resolve("interactions.csv"), """
        customer_id,time,type
        c1,2026-08-31,投诉
        """);
    Files.writeString(dir.resolve("model.yaml"), """
        tiers:
          - id: key
            when: monetary >= 1000.0
            service:
              triggers:
                complaint: {within_hours: 48, channels: [phone]}
              care:
                - {event: birthday, lead_days: 1, channels: [wechat, sms]}
              caps: {all: {week: 1}}
          - id: rest
            service:
              owner: {policy: assign, team: [bob]}
              cadence: {every_days: 30, channels: [sms, email]}
        """);
  }

  private Cli plan(String out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("plan", "--transactions", dir.resolve("tx.csv").toString(),
        "--customers", dir.resolve("customers.csv").toString(), "--interactions",
        dir.resolve("interactions.csv").toString(), "--model", dir.resolve("model.yaml").toString(), "--as-of",
        "2026-09-01", "--lang", "en", "--quiet", "--out", dir.resolve(out).toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  static Map<String, Map<String, String>> tasks(Path file) throws IOException {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
      for (NamedCsvRecord r : csv) rows.put(r.getField("task_id"), r.getFieldsAsMap());
    }
    return rows;
  }

  @Test
  void printsItsSummaryInTheChosenLanguage() {
    Cli zh = Cli.run("plan", "--transactions", dir.resolve("tx.csv").toString(), "--customers",
        dir.resolve("customers.csv").toString(), "--interactions", dir.resolve("interactions.csv").toString(),
        "--model", dir.resolve("model.yaml").toString(), "--as-of", "2026-09-01", "--quiet", "--out",
        dir.resolve("zh").toString());
    assertThat(zh.exit()).as(zh.err()).isZero();
    // The same plan as writesExplainedTasksAndACallListPerOwner, said in Chinese (the default, as score).
    assertThat(zh.out()).contains("已评分 3 位客户（3 位有购买），评分日期 2026-09-01")
        .contains("任务：2 待办（新建 2），2 已抑制，0 已取消").contains("结果：")
        .doesNotContain("tasks:").doesNotContain("rows,");
  }

  @Test
  void writesExplainedTasksAndACallListPerOwner() throws IOException {
    Cli r = plan("out");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("tasks: 2 open (2 new), 2 suppressed, 0 cancelled");
    Map<String, Map<String, String>> tasks = tasks(dir.resolve("out/tasks.csv"));
    // c1 complained on 08-31: call within 48 h, by 09-02. Its birthday (09-03, a day's lead: 09-02) falls in the same
    // week (Mon 08-31 to Sun 09-06) and the tier allows one touch a week: suppressed.
    assertThat(tasks).containsOnlyKeys("c1|complaint|2026-08-31", "c1|care|birthday|2026-09-03", "c2|cadence|none",
        "c3|cadence|none");
    assertThat(tasks.get("c1|complaint|2026-08-31")).containsEntry("owner", "amy").containsEntry("channel", "phone")
        .containsEntry("due_date", "2026-09-02").containsEntry("status", "open").containsEntry("type", "recovery")
        .containsEntry("reason", "key: Complaint (lifecycle_stage=new, complaint_date=2026-08-31, within_days=2)");
    assertThat(tasks.get("c1|care|birthday|2026-09-03")).containsEntry("status", "suppressed")
        .containsEntry("suppressed_by", "cap:all/week<=1");
    // c2 has no owner: assigned to bob; no consent to SMS, so the cadence goes by email. c3 asked not to be contacted.
    assertThat(tasks.get("c2|cadence|none")).containsEntry("owner", "bob").containsEntry("channel", "email")
        .containsEntry("due_date", "2026-09-01");
    assertThat(tasks.get("c3|cadence|none")).containsEntry("status", "suppressed")
        .containsEntry("suppressed_by", "do_not_contact");
    assertThat(Files.readAllLines(dir.resolve("out/call-lists/owner-amy.csv"))).hasSize(2)
        .element(1).asString().startsWith("2026-09-02,c1,13800000000,,Service recovery,Phone,");
    assertThat(Files.readAllLines(dir.resolve("out/call-lists/owner-bob.csv"))).hasSize(2);
  }

  @Test
  void aDoNotContactFlagInAGbkFileWithSemicolonsIsKept() throws IOException {
    Files.write(dir.resolve("customers.csv"), """
        客户编号;负责人;电话;免打扰
        c1;amy;13800000000;
        c2;;13900000000;
        c3;;13700000000;是
        """.getBytes(java.nio.charset.Charset.forName("GBK")));
    Cli r = plan("gbk");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(tasks(dir.resolve("gbk/tasks.csv")).get("c3|cadence|none")).containsEntry("status", "suppressed")
        .containsEntry("suppressed_by", "do_not_contact");
  }

  @Test
  void planningAgainFromThePreviousOutputCreatesNothingNew() throws IOException {
    assertThat(plan("first").exit()).isZero();
    Cli again = plan("second", "--previous", dir.resolve("first").toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("tasks: 2 open (0 new), 2 suppressed, 0 cancelled");
    assertThat(tasks(dir.resolve("second/tasks.csv"))).isEqualTo(tasks(dir.resolve("first/tasks.csv")));
  }

  @Test
  void aHeldOutCustomersTaskIsWrittenAsWithheldAndLeftOffTheCallList() throws IOException {
    // SHA-256("e1\0c2") gives 0.451 (Python hashlib), below the share 0.5: c2 is held out of experiment e1.
    Files.writeString(dir.resolve("model.yaml"), Files.readString(dir.resolve("model.yaml")).replace(
        "owner: {policy: assign, team: [bob]}", "owner: {policy: assign, team: [bob]}\n      holdout: {experiment: e1, share: 0.5}"));
    Cli r = plan("held");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(tasks(dir.resolve("held/tasks.csv")).get("c2|cadence|none")).containsEntry("status", "suppressed")
        .containsEntry("suppressed_by", "holdout:e1").containsEntry("channel", "sms");
    // Bob's only other customer, c3, asked not to be contacted: with c2 withheld he has no call list at all.
    assertThat(dir.resolve("held/call-lists/owner-bob.csv")).doesNotExist();
    Cli again = plan("held2", "--previous", dir.resolve("held").toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(tasks(dir.resolve("held2/tasks.csv"))).isEqualTo(tasks(dir.resolve("held/tasks.csv")));
  }

  @Test
  void scoreWritesThePlanWithPlan() {
    Cli r = Cli.run("score", "--transactions", dir.resolve("tx.csv").toString(), "--as-of", "2026-09-01", "--plan",
        "--quiet", "--out", dir.resolve("scored").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(dir.resolve("scored/tasks.csv")).exists();
  }

  @Test
  void scoresReportShowsTheContactCoverageThePlanPromises() throws IOException {
    Cli r = Cli.run("score", "--transactions", dir.resolve("tx.csv").toString(), "--customers",
        dir.resolve("customers.csv").toString(), "--interactions", dir.resolve("interactions.csv").toString(),
        "--model", dir.resolve("model.yaml").toString(), "--as-of", "2026-09-01", "--plan", "--lang", "en", "--quiet",
        "--out", dir.resolve("scored").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String report = Files.readString(dir.resolve("scored/report.html"));
    // Only rest has a cadence: c2's touch is open (by email), c3's suppressed (do not contact): 1 of 2 covered.
    String section = report.substring(report.indexOf("planned-coverage-table"));
    assertThat(section).contains("<tr data-code=\"rest\">");
    assertThat(section.substring(section.indexOf("data-code=\"rest\""), section.indexOf("</tr>",
        section.indexOf("data-code=\"rest\"")))).contains(">2<", ">1<", ">50.0%<");
    assertThat(section).doesNotContain("data-code=\"key\"");
  }

  @Test
  void badOptionsAndFilesGetOneClearLine() throws IOException {
    assertThat(plan("x", "--time-zone", "Mars/Base").err())
        .isEqualTo("strata: --time-zone: unknown zone 'Mars/Base'; use a name such as Asia/Shanghai" + System.lineSeparator());
    assertThat(plan("x", "--horizon", "0").err()).contains("--horizon must be 1 to 366 days, got 0");
    Files.createDirectories(dir.resolve("empty"));
    assertThat(plan("x", "--previous", dir.resolve("empty").toString()).err()).contains("empty: has no customers.csv");
    Files.writeString(dir.resolve("model.yaml"), """
        tiers:
          - id: rest
            service: {cadence: {every_days: 30, channels: [fax]}}
        """);
    assertThat(plan("x").err()).contains("tier 'rest': service.cadence.channels: unknown channel 'fax'");
  }
}
