package strata.server.notify;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.api.Page;

/** The log of mails and webhook deliveries (admins, by the security rules on /api/v1/admin/**). */
@RestController
class DeliveryController {
  private final Deliveries deliveries;

  DeliveryController(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  /**
   * @param channel email or webhook
   * @param status pending, delivered or failed
   */
  @GetMapping("/api/v1/admin/deliveries")
  Page<Deliveries.Delivery> list(@RequestParam(required = false) String channel,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    if (channel != null && !channel.isBlank() && !List.of("email", "webhook").contains(channel)) {
      throw new BadRequest("channel", "one of email, webhook; got '" + channel + "'");
    }
    if (status != null && !status.isBlank() && !List.of("pending", "delivered", "failed").contains(status)) {
      throw new BadRequest("status", "one of pending, delivered, failed; got '" + status + "'");
    }
    return deliveries.list(channel, status, page, size);
  }
}
