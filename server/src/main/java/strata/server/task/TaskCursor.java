package strata.server.task;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import strata.server.api.BadRequest;

/**
 * A position in the task list ({@code after=}), which is ordered by due day then id: the last shown task's day and id.
 * The next page starts there instead of reading and dropping every task before it. Opaque to clients (base64url of
 * {@code day,id}), validated, not signed: the viewer's scope and filters apply to every page, so a forged one only
 * picks a starting point.
 */
record TaskCursor(LocalDate due, long id) {
  static TaskCursor after(Task last) {
    return new TaskCursor(last.dueDate(), last.id());
  }

  String encode() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((due + "," + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor {@code text}; 400 {@code invalid_cursor} if it is not one of the task list's. */
  static TaskCursor decode(String text) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8).split(",", -1);
      if (parts.length != 2) throw BadRequest.invalidCursor("not a cursor of the task list");
      return new TaskCursor(LocalDate.parse(parts[0]), Long.parseLong(parts[1]));
    } catch (IllegalArgumentException | DateTimeParseException e) { // NumberFormatException is one
      throw BadRequest.invalidCursor("not a cursor of the task list");
    }
  }
}
