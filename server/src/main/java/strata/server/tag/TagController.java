package strata.server.tag;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.NotFound;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;
import strata.server.security.Viewer;
import strata.server.security.VisibleCustomers;

/**
 * Tags of one customer, and the tags in use. Anyone who sees a customer may tag it: tags are the team's shared
 * labels, and a sales user's are on their own customers by construction. Bulk tagging is a customer-list action
 * (POST /customers/bulk/tag | untag).
 */
@RestController
@RequestMapping("/api/v1")
class TagController {
  record NewTag(String tag) {}

  record Tagged(String id, List<String> tags) {}

  private final TagStore tags;
  private final VisibleCustomers visible;
  private final Audited audited;
  private final Clock clock;

  TagController(TagStore tags, VisibleCustomers visible, Audited audited, ObjectProvider<Clock> clock) {
    this.tags = tags;
    this.visible = visible;
    this.audited = audited;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** The tags on the viewer's customers with their counts, most used first (the list's tag filter offers them). */
  @GetMapping("/tags")
  List<TagStore.Count> inUse() {
    return tags.counts(Viewer.current(), 500);
  }

  @GetMapping("/customers/{id}/tags")
  Tagged of(@PathVariable String id) {
    visibleOr404(id, Viewer.current());
    return new Tagged(id, tags.of(id));
  }

  @PostMapping("/customers/{id}/tags")
  Tagged add(@PathVariable String id, @RequestBody NewTag body) {
    Viewer v = Viewer.current();
    visibleOr404(id, v);
    String tag = TagStore.parse(body.tag());
    return audited.write(audit -> {
      if (tags.add(List.of(id), tag, v.username(), clock.instant()) > 0) {
        audit.record(v.username(), "tag_add", AuditDetail.of("tag_add", "tag", tag, "customer", id));
      }
      return new Tagged(id, tags.of(id));
    });
  }

  /** The tag as a parameter, not a path segment: tags may hold "/" and other characters paths refuse. */
  @DeleteMapping("/customers/{id}/tags")
  Tagged remove(@PathVariable String id, @RequestParam String tag) {
    Viewer v = Viewer.current();
    visibleOr404(id, v);
    String t = TagStore.parse(tag);
    return audited.write(audit -> {
      if (tags.remove(List.of(id), t) > 0) {
        audit.record(v.username(), "tag_remove", AuditDetail.of("tag_remove", "tag", t, "customer", id));
      }
      return new Tagged(id, tags.of(id));
    });
  }

  private void visibleOr404(String id, Viewer v) {
    if (!visible.sees(id, v)) throw new NotFound("no customer " + id);
  }
}
