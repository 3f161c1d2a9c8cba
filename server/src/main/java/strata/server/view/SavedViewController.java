package strata.server.view;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.api.NotFound;
import strata.server.security.Role;
import strata.server.security.Viewer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved views of the customer list: every user has their own and sees everyone's shared ones. Only a view's owner
 * or an admin may change or delete it. A view holds filters, not data: applied by a sales user, the customer list
 * still shows only their customers.
 */
@RestController
@RequestMapping("/api/v1/views")
class SavedViewController {
  record ViewBody(String name, Boolean shared, JsonNode definition) {}

  /** @param editable whether the viewer may change or delete it */
  record View(long id, String name, String owner, boolean shared, boolean editable, JsonNode definition,
      Instant createdAt, Instant updatedAt) {}

  static final int NAME_CHARS = 80;
  static final int VIEWS_PER_USER = 100;

  private final SavedViewStore store;
  private final JsonMapper json;
  private final Clock clock;

  SavedViewController(SavedViewStore store, JsonMapper json, ObjectProvider<Clock> clock) {
    this.store = store;
    this.json = json;
    this.clock = clock.getIfAvailable(Clock::systemUTC); // tests may move the clock
  }

  @GetMapping
  List<View> list() {
    Viewer v = Viewer.current();
    return store.visibleTo(v.username()).stream().map(s -> view(s, v)).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  View create(@RequestBody ViewBody body) {
    Viewer v = Viewer.current();
    String name = name(body.name());
    String definition = ViewDefinition.check(body.definition());
    if (store.countOwnedBy(v.username()) >= VIEWS_PER_USER) {
      throw new BadRequest(422, "too_many_views", "you have " + VIEWS_PER_USER + " saved views; delete one first",
          List.of());
    }
    long id = store.insert(v.username(), name, Boolean.TRUE.equals(body.shared()), definition, clock.instant());
    return view(store.get(id).orElseThrow(), v);
  }

  @PutMapping("/{id}")
  View update(@PathVariable long id, @RequestBody ViewBody body) {
    Viewer v = Viewer.current();
    SavedViewStore.Stored old = editable(id, v);
    String name = name(body.name());
    String definition = ViewDefinition.check(body.definition());
    boolean shared = body.shared() == null ? old.shared() : body.shared();
    store.update(id, name, shared, definition, clock.instant());
    return view(store.get(id).orElseThrow(() -> new NotFound("no view " + id)), v);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable long id) {
    editable(id, Viewer.current());
    store.delete(id);
  }

  /** 404 for a view the user cannot see (another's private one), 403 for a shared one they may not change. */
  private SavedViewStore.Stored editable(long id, Viewer v) {
    SavedViewStore.Stored s = store.visible(id, v.username()).orElseThrow(() -> new NotFound("no view " + id));
    if (!mayEdit(s, v)) {
      throw new BadRequest(403, "not_view_owner", "only " + s.ownerUser() + " or an admin may change this view",
          List.of());
    }
    return s;
  }

  private static boolean mayEdit(SavedViewStore.Stored s, Viewer v) {
    return s.ownerUser().equals(v.username()) || v.role() == Role.ADMIN;
  }

  /** The name as stored: trimmed, 1 to 80 characters, no control characters (they would break lists and exports). */
  private static String name(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty() || name.codePointCount(0, name.length()) > NAME_CHARS) {
      throw new BadRequest("name", "1 to " + NAME_CHARS + " characters");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new BadRequest("name", "must not contain control characters");
    }
    return name;
  }

  private View view(SavedViewStore.Stored s, Viewer v) {
    return new View(s.id(), s.name(), s.ownerUser(), s.shared(), mayEdit(s, v), json.readTree(s.definition()),
        s.createdAt(), s.updatedAt());
  }
}
