package strata.server.notify;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.Page;
import strata.server.security.Viewer;

/** The signed-in user's own notifications: the list, the unread count (the bell) and marking them read. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {
  private final NotificationStore store;

  NotificationController(NotificationStore store) {
    this.store = store;
  }

  @GetMapping
  Page<Notification> list(@RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    return store.list(Viewer.current().username(), unread, page, size);
  }

  @GetMapping("/unread-count")
  Map<String, Long> unreadCount() {
    return Map.of("unread", store.unread(Viewer.current().username()));
  }

  @PostMapping("/{id}/read")
  Notification read(@PathVariable long id) {
    return store.markRead(id, Viewer.current().username(), OffsetDateTime.now(ZoneOffset.UTC));
  }

  @PostMapping("/read-all")
  Map<String, Integer> readAll() {
    return Map.of("marked", store.markAllRead(Viewer.current().username(), OffsetDateTime.now(ZoneOffset.UTC)));
  }
}
