package strata.server.notify;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.api.Page;

/** The webhook delivery log (admins, by the security rules on /api/v1/admin/**). */
@RestController
class WebhookController {
  private final Webhooks webhooks;

  WebhookController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  /** @param status pending, delivered or failed */
  @GetMapping("/api/v1/admin/webhook-deliveries")
  Page<Webhooks.Delivery> list(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    if (status != null && !status.isBlank() && !java.util.List.of("pending", "delivered", "failed").contains(status)) {
      throw new BadRequest("status", "one of pending, delivered, failed; got '" + status + "'");
    }
    return webhooks.list(status, page, size);
  }
}
