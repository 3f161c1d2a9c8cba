package strata.server.task;

import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.Page;
import strata.server.security.Viewer;

/** Service tasks: the list (a sales user's limited to their customers), completion and skipping. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {
  record Complete(String outcome, String note) {}

  record Skip(String reason) {}

  private final TaskStore tasks;
  private final TaskActions actions;

  TaskController(TaskStore tasks, TaskActions actions) {
    this.tasks = tasks;
    this.actions = actions;
  }

  /**
   * @param status open, done, skipped, cancelled or suppressed
   * @param owner the task's owner
   * @param dueBefore tasks due before this day
   */
  @GetMapping
  Page<Task> list(@RequestParam(required = false) String status, @RequestParam(required = false) String owner,
      @RequestParam(required = false) LocalDate dueBefore, @RequestParam(required = false) String customerId,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    return tasks.list(Viewer.current(), status, owner, dueBefore, customerId, page, size);
  }

  @PostMapping("/{id}/complete")
  Task complete(@PathVariable long id, @RequestBody Complete body) {
    return actions.complete(id, body.outcome(), body.note(), Viewer.current());
  }

  @PostMapping("/{id}/skip")
  Task skip(@PathVariable long id, @RequestBody Skip body) {
    return actions.skip(id, body.reason(), Viewer.current());
  }
}
