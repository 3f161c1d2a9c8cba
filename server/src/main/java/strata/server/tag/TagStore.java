package strata.server.tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.api.BadRequest;
import strata.server.api.InList;
import strata.server.security.Viewer;
import strata.tag.Tags;

/**
 * The tags of customers. Callers hold the transaction, so a bulk action tags every customer or none; the viewer's
 * right to each customer is the caller's check too (the list's selection, or one visible customer).
 */
@Component
public class TagStore {
  /** A tag and how many of the viewer's customers carry it. */
  public record Count(String tag, long customers) {}

  private final JdbcClient db;

  TagStore(JdbcClient db) {
    this.db = db;
  }

  /**
   * The tag {@code text} stands for.
   *
   * @throws BadRequest 400 with the problem's code (tag_empty, tag_too_long, tag_control)
   */
  public static String parse(String text) {
    Tags.Result r = Tags.of(text);
    if (r.problem() == null) return r.tag();
    String why = switch (r.problem()) {
      case EMPTY -> "a tag is empty";
      case TOO_LONG -> "a tag has at most " + Tags.MAX_LENGTH + " characters";
      case CONTROL -> "a tag may not hold line breaks, tabs or invisible characters";
    };
    throw new BadRequest(400, r.problem().code, "tag: " + why, List.of(new BadRequest.FieldError("tag", why)));
  }

  public List<String> of(String customerId) {
    return db.sql("select tag from customer_tag where customer_id = ? order by tag").param(customerId)
        .query(String.class).list();
  }

  /**
   * Tags each customer that lacks the tag.
   *
   * @return how many customers gained it
   * @throws BadRequest 422 {@code too_many_tags} naming customers that already carry {@link Tags#MAX_PER_CUSTOMER}
   */
  public int add(List<String> customerIds, String tag, String username, Instant at) {
    if (customerIds.isEmpty()) return 0;
    List<String> lacking = lacking(customerIds, tag);
    if (lacking.isEmpty()) return 0;
    List<String> full = full(lacking);
    if (!full.isEmpty()) {
      throw new BadRequest(422, "too_many_tags", full.size() + " customers already carry " + Tags.MAX_PER_CUSTOMER
          + " tags: " + String.join(", ", full.subList(0, Math.min(10, full.size()))) + "; nothing was changed",
          List.of(new BadRequest.FieldError("max", String.valueOf(Tags.MAX_PER_CUSTOMER))));
    }
    java.sql.Timestamp when = java.sql.Timestamp.from(at);
    for (String id : lacking) {
      db.sql("insert into customer_tag (customer_id, tag, created_by, created_at) values (?, ?, ?, ?)")
          .params(id, tag, username, when).update();
    }
    return lacking.size();
  }

  /** @return how many customers lost the tag */
  public int remove(List<String> customerIds, String tag) {
    return InList.update(customerIds, chunk -> db.sql("delete from customer_tag where customer_id in ("
        + chunk.marks() + ") and tag = ?").params(chunk.params(tag)).update());
  }

  /** Every tag on the viewer's customers, most used first; at most {@code limit}. */
  public List<Count> counts(Viewer viewer, int limit) {
    List<Object> params = new ArrayList<>();
    String scope = viewer.seesAll() ? "" : " join customer c on c.id = t.customer_id where "
        + viewer.ownerCondition("c.owner", params);
    params.add(limit);
    return db.sql("select t.tag, count(*) from customer_tag t" + scope + " group by t.tag "
            + "order by count(*) desc, t.tag limit ?").params(params)
        .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
  }

  private List<String> lacking(List<String> ids, String tag) {
    java.util.Set<String> tagged = new java.util.HashSet<>(InList.query(ids, chunk -> db.sql("select customer_id "
        + "from customer_tag where customer_id in (" + chunk.marks() + ") and tag = ?").params(chunk.params(tag))
        .query(String.class).list()));
    return ids.stream().filter(id -> !tagged.contains(id)).distinct().toList();
  }

  private List<String> full(List<String> ids) {
    return InList.query(ids, chunk -> db.sql("select customer_id from customer_tag where customer_id in ("
        + chunk.marks() + ") group by customer_id having count(*) >= ? order by customer_id")
        .params(chunk.params(Tags.MAX_PER_CUSTOMER)).query(String.class).list());
  }
}
