package strata.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * The team view over tasks and escalations written as the planner and {@link TaskEscalation} leave them, on
 * 2026-03-15 in Shanghai. Team east is 张伟 (A1, A2) and 李娜 (B1, and R1 handed to her from 张伟 by escalation) under
 * 刘强; 李娜's P1 went to the pool by escalation; team west is 王磊 (C1) under 赵敏.
 */
@Import(MovableClock.Config.class)
abstract class TeamViewApiContract extends ServerTest {
  @Autowired MovableClock clock;
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void countsEachRepsTasksAndEscalationsPerTierInTheViewersScope() {
    Api admin = admin();
    new TestData(db, summaries).customer("A1", "甲", "张伟").customer("A2", "乙", "张伟").customer("B1", "丙", "李娜")
        .customer("R1", "丁", "李娜").customer("P1", "戊", "").customer("C1", "己", "王磊").commit();
    for (String[] u : List.of(new String[] {"zhangwei", "sales", "张伟", "east"},
        new String[] {"lina", "sales", "李娜", "east"}, new String[] {"wanglei", "sales", "王磊", "west"},
        new String[] {"liuqiang", "manager", "", "east"}, new String[] {"zhaomin", "manager", "", "west"})) {
      assertThat(admin.post("/api/v1/users", Map.of("username", u[0], "password", u[0] + "-password", "role", u[1],
          "owner", u[2], "team", u[3])).status()).isEqualTo(201);
    }
    task(1, "A1", "张伟", "big", "open", "2026-03-20", null);
    task(2, "A1", "张伟", "big", "open", "2026-03-10", null);
    task(3, "A2", "张伟", "small", "open", "2026-03-14", null);
    task(4, "A2", "张伟", "small", "done", "2026-03-01", "2026-03-01T03:00:00Z");
    task(5, "A2", "张伟", "small", "done", "2026-02-01", "2026-02-01T03:00:00Z"); // before the 30 days
    task(6, "B1", "李娜", "big", "skipped", "2026-03-01", "2026-03-01T03:00:00Z");
    task(7, "B1", "李娜", "big", "done", "2026-02-14", "2026-02-13T16:30:00Z"); // 00:30 on 02-14 in Shanghai: in
    task(8, "R1", "李娜", "big", "open", "2026-03-05", null);
    task(9, "P1", "", "small", "open", "2026-03-01", null);
    task(10, "C1", "王磊", "big", "open", "2026-03-12", null);
    task(11, "C1", "王磊", "big", "done", "2026-01-20", "2026-02-02T03:00:00Z");
    moved(8, "R1", "reassign", "张伟", "李娜", 6, "2026-03-11T02:00:00Z");
    moved(9, "P1", "pool", "李娜", "", 4, "2026-03-05T02:00:00Z");
    told(8, "liuqiang", "2026-03-08T02:00:00Z"); // before R1 moved: 张伟's lapse, though the task is 李娜's now
    told(2, "liuqiang", "2026-03-12T02:00:00Z");
    told(2, "liuqiang", "2026-03-13T02:00:00Z"); // a second notice of the same task: one escalation
    told(10, "zhaomin", "2026-03-14T02:00:00Z");
    told(11, "zhaomin", "2026-02-01T02:00:00Z"); // before the 30 days
    clock.day("2026-03-15");

    // Rows: owner tier open overdue done | to manager, reassigned, pooled. Open counts the overdue too; done and
    // escalations count from 2026-02-14 (30 days with today).
    JsonNode all = admin.get("/api/v1/tasks/team").json();
    assertThat(all.get("today").asString()).isEqualTo("2026-03-15");
    assertThat(all.get("since").asString()).isEqualTo("2026-02-14");
    assertThat(rows(all)).containsExactly(
        " small 1 1 0 | 0 0 0",     // the pooled P1's task, no owner now
        "张伟 big 2 1 0 | 2 1 0",    // tasks 1, 2; notices of 2 and 8; R1 moved
        "张伟 small 1 1 1 | 0 0 0",  // task 3 open and overdue, 4 done (5 too early)
        "李娜 big 1 1 1 | 0 0 0",    // task 8 now hers; 7 done in the period's first half hour; 6 skipped
        "李娜 small 0 0 0 | 0 0 1",  // P1 pooled from her
        "王磊 big 1 1 0 | 1 0 0");   // task 10 told; 11 done and told before the period
    assertThat(escalations(all)).containsExactly("10 C1 manager 王磊→ visible", "2 A1 manager 张伟→ visible",
        "8 R1 reassign 张伟→李娜 visible", "8 R1 manager 张伟→ visible", "9 P1 pool 李娜→ visible");

    // The manager of east: 张伟 and 李娜 only; the pooled P1 is listed but cannot be opened.
    JsonNode east = anonymous().as("liuqiang", "liuqiang-password").get("/api/v1/tasks/team").json();
    assertThat(rows(east)).containsExactly("张伟 big 2 1 0 | 2 1 0", "张伟 small 1 1 1 | 0 0 0",
        "李娜 big 1 1 1 | 0 0 0", "李娜 small 0 0 0 | 0 0 1");
    assertThat(escalations(east)).containsExactly("2 A1 manager 张伟→ visible", "8 R1 reassign 张伟→李娜 visible",
        "8 R1 manager 张伟→ visible", "9 P1 pool 李娜→ hidden");
    assertThat(rows(anonymous().as("zhaomin", "zhaomin-password").get("/api/v1/tasks/team").json()))
        .containsExactly("王磊 big 1 1 0 | 1 0 0");

    // 张伟 sees himself: R1 is 李娜's now, so he can neither open it nor learn who has it.
    JsonNode own = anonymous().as("zhangwei", "zhangwei-password").get("/api/v1/tasks/team").json();
    assertThat(rows(own)).containsExactly("张伟 big 2 1 0 | 2 1 0", "张伟 small 1 1 1 | 0 0 0");
    assertThat(escalations(own)).containsExactly("2 A1 manager 张伟→ visible", "8 R1 reassign 张伟→? hidden",
        "8 R1 manager 张伟→ hidden");

    // Seven days (from 2026-03-09): no task done, R1's notice and P1's pooling too early.
    JsonNode week = anonymous().as("liuqiang", "liuqiang-password").get("/api/v1/tasks/team?days=7").json();
    assertThat(week.get("since").asString()).isEqualTo("2026-03-09");
    assertThat(rows(week)).containsExactly("张伟 big 2 1 0 | 1 1 0", "张伟 small 1 1 0 | 0 0 0",
        "李娜 big 1 1 0 | 0 0 0");

    for (String days : List.of("0", "367")) {
      Api.Response bad = admin.get("/api/v1/tasks/team?days=" + days);
      assertThat(bad.status()).as(days).isEqualTo(400);
      assertThat(bad.body()).contains("days: must be 1 to 366, got " + days);
    }
  }

  private void task(long id, String customer, String owner, String tier, String status, String due, String closed) {
    db.sql("insert into service_task (id, task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, "
            + "reason, reason_en, reason_zh, status, created_at, created_by, updated_at, updated_by, closed_at, "
            + "closed_by) values (?, ?, ?, ?, ?, 'follow_up', 'phone', ?, 'cadence', '{}', 'r', 'r', ?, "
            + "current_timestamp, 'system', current_timestamp, 'system', ?, ?)")
        .params(id, "k" + id, customer, owner, tier, LocalDate.parse(due), status,
            closed == null ? null : OffsetDateTime.parse(closed), closed == null ? null : "system")
        .update();
  }

  private void moved(long task, String customer, String action, String from, String to, int days, String at) {
    db.sql("insert into task_escalation (task_id, customer_id, action, from_owner, to_owner, overdue_days, at) "
        + "values (?, ?, ?, ?, ?, ?, ?)").params(task, customer, action, from, to, days,
        OffsetDateTime.parse(at)).update();
  }

  private void told(long task, String manager, String at) {
    db.sql("insert into notification (notify_key, username, kind, task_id, customer_id, text_zh, text_en, created_at) "
        + "values (?, ?, 'escalation', ?, null, '逾期', 'overdue', ?)").params(task + "|" + at + "|" + manager, manager,
        task, OffsetDateTime.parse(at)).update();
  }

  private static List<String> rows(JsonNode view) {
    List<String> out = new ArrayList<>();
    view.get("rows").forEach(r -> out.add(r.get("owner").asString() + " " + r.get("tier").asString() + " "
        + r.get("open").asLong() + " " + r.get("overdue").asLong() + " " + r.get("done").asLong() + " | "
        + r.get("toManager").asLong() + " " + r.get("reassigned").asLong() + " " + r.get("pooled").asLong()));
    return out;
  }

  private static List<String> escalations(JsonNode view) {
    List<String> out = new ArrayList<>();
    view.get("escalations").forEach(e -> out.add(e.get("taskId").asLong() + " " + e.get("customerId").asString() + " "
        + e.get("kind").asString() + " " + e.get("from").asString() + "→"
        + (e.get("to").isNull() ? "?" : e.get("to").asString()) + " "
        + (e.get("visible").asBoolean() ? "visible" : "hidden")));
    return out;
  }
}
