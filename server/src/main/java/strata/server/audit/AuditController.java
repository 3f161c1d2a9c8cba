package strata.server.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.Page;

@RestController
class AuditController {
  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit")
  Page<AuditLog.Entry> list(@RequestParam(required = false) String user,
      @RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    return audit.list(user, action, page, size);
  }
}
