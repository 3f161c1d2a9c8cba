package strata.server.task;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.Page;
import strata.server.security.Viewer;

/** Service tasks: the list (a sales user's limited to their customers), the call list, completion and skipping. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {
  /** @param dueDate the new due day, with outcome {@code rescheduled} only */
  record Complete(String outcome, String note, LocalDate dueDate) {}

  record Skip(String reason) {}

  private final TaskStore tasks;
  private final TaskCoverage coverage;
  private final TaskTeam team;
  private final TaskActions actions;
  private final CallList callList;
  private final TaskPlanning planning;

  TaskController(TaskStore tasks, TaskActions actions, CallList callList, TaskPlanning planning,
      TaskCoverage coverage, TaskTeam team) {
    this.coverage = coverage;
    this.team = team;
    this.planning = planning;
    this.tasks = tasks;
    this.actions = actions;
    this.callList = callList;
  }

  /**
   * @param status open, done, skipped, cancelled or suppressed
   * @param owner the task's owner
   * @param dueBefore tasks due before this day
   * @param after a {@link Page#next()} of this list: the tasks after it (the page number is then only echoed)
   */
  @GetMapping
  Page<Task> list(@RequestParam(required = false) String status, @RequestParam(required = false) String owner,
      @RequestParam(required = false) LocalDate dueBefore, @RequestParam(required = false) String customerId,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) String after) {
    Page.check(page, size);
    return tasks.list(Viewer.current(), status, owner, dueBefore, customerId, page, size,
        after == null ? null : TaskCursor.decode(after));
  }

  /** Per customer owner and tier: customers with a cadence and those contacted within it (the viewer's scope). */
  @GetMapping("/coverage")
  List<TaskCoverage.Row> coverage() {
    return coverage.rows(Viewer.current(), planning.today());
  }

  /**
   * The team view: per rep and tier, open, overdue and done tasks and escalations (the viewer's reps).
   *
   * @param days the period done tasks and escalations count over: today and the days before it
   */
  @GetMapping("/team")
  TaskTeam.View team(@RequestParam(defaultValue = "30") int days) {
    return team.view(Viewer.current(), planning.today(), planning.zone(), days);
  }

  /**
   * The call list as CSV: the customers with an open phone task due before a day (of an owner, for managers), with
   * name, phone, email, last contact and next task; headers in {@code lang} (zh or en).
   *
   * @param dueBefore tasks due before this day; by default tomorrow, so today's and overdue ones
   */
  @GetMapping("/call-list")
  void callList(@RequestParam(required = false) LocalDate dueBefore, @RequestParam(required = false) String owner,
      @RequestParam(defaultValue = "zh") String lang, HttpServletResponse response) throws IOException {
    LocalDate before = dueBefore == null ? planning.today().plusDays(1) : dueBefore;
    List<Object> params = new ArrayList<>(List.of(before));
    String condition = "c.id in (select p.customer_id from service_task p where p.status = 'open' "
        + "and p.channel = 'phone' and p.due_date < ?" + (owner == null || owner.isBlank() ? "" : " and p.owner = ?")
        + ")";
    if (owner != null && !owner.isBlank()) params.add(owner);
    Locale locale = CallList.locale(lang);
    List<CallList.Line> lines = callList.lines(Viewer.current(), condition, params, locale);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"call-list-" + before + ".csv\"");
    CallList.csv(lines, locale, response.getOutputStream());
  }

  @PostMapping("/{id}/complete")
  Task complete(@PathVariable long id, @RequestBody Complete body) {
    return actions.complete(id, body.outcome(), body.note(), body.dueDate(), Viewer.current());
  }

  @PostMapping("/{id}/skip")
  Task skip(@PathVariable long id, @RequestBody Skip body) {
    return actions.skip(id, body.reason(), Viewer.current());
  }
}
