package strata.server.customer;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import strata.server.security.Viewer;
import strata.server.task.CallList;

/**
 * Bulk actions on the customer list. Each body names the customers as {@code ids} (picked rows) or {@code filter}
 * (every customer of the list's filter in the current snapshot; {@code {}} for all the user sees).
 */
@RestController
@RequestMapping("/api/v1/customers/bulk")
class CustomerBulkController {
  record Assign(List<String> ids, BulkSelection.Filter filter, String owner) {}

  record NewTask(List<String> ids, BulkSelection.Filter filter, String type, String channel, LocalDate dueDate,
      String note) {}

  record Export(List<String> ids, BulkSelection.Filter filter, String lang) {}

  record Tag(List<String> ids, BulkSelection.Filter filter, String tag) {}

  private final CustomerBulk bulk;

  CustomerBulkController(CustomerBulk bulk) {
    this.bulk = bulk;
  }

  @PostMapping("/assign")
  CustomerBulk.Assigned assign(@RequestBody Assign body) {
    return bulk.assign(Viewer.current(), body.ids(), body.filter(), body.owner());
  }

  @PostMapping("/task")
  CustomerBulk.Created task(@RequestBody NewTask body) {
    return bulk.task(Viewer.current(), body.ids(), body.filter(), body.type(), body.channel(), body.dueDate(),
        body.note());
  }

  @PostMapping("/tag")
  CustomerBulk.Tagged tag(@RequestBody Tag body) {
    return bulk.tag(Viewer.current(), body.ids(), body.filter(), body.tag(), false);
  }

  @PostMapping("/untag")
  CustomerBulk.Tagged untag(@RequestBody Tag body) {
    return bulk.tag(Viewer.current(), body.ids(), body.filter(), body.tag(), true);
  }

  /** The selection's call list as CSV (name, phone, email, last contact, next task), headers in {@code lang}. */
  @PostMapping("/call-list")
  void callList(@RequestBody Export body, HttpServletResponse response) throws IOException {
    Locale locale = CallList.locale(body.lang());
    List<CallList.Line> lines = bulk.callList(Viewer.current(), body.ids(), body.filter(), locale);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"call-list.csv\"");
    CallList.csv(lines, locale, response.getOutputStream());
  }
}
