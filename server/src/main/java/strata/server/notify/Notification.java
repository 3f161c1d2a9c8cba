package strata.server.notify;

import java.time.Instant;

/**
 * An in-app notice to one user.
 *
 * @param kind {@code task_due}, {@code pool_warning} or {@code escalation}
 * @param taskId the task it is about, or null
 * @param text the notice in both languages
 * @param readAt null while unread
 */
public record Notification(long id, String kind, Long taskId, String customerId, Text text, Instant createdAt,
    Instant readAt) {
  public record Text(String zh, String en) {}
}
