package strata.server.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.api.NotFound;

/**
 * Whether a viewer may see a customer, for every feature that answers about one customer: a rep asking for another
 * owner's customer gets the same "not found" as for a customer that does not exist.
 */
@Component
public class VisibleCustomers {
  private final JdbcClient db;

  VisibleCustomers(JdbcClient db) {
    this.db = db;
  }

  /** @throws NotFound when the customer does not exist or is not the viewer's to see */
  public void check(String id, Viewer v) {
    if (!sees(id, v)) throw new NotFound("no customer " + id);
  }

  /** Whether the customer exists and is the viewer's to see. */
  public boolean sees(String id, Viewer v) {
    return v.seesAll()
        ? db.sql("select count(*) from customer where id = ?").param(id).query(Long.class).single() > 0
            || db.sql("select count(*) from customer_summary where customer_id = ?").param(id).query(Long.class)
                .single() > 0
        : visibleTo(id, v);
  }

  private boolean visibleTo(String id, Viewer v) {
    List<Object> params = new ArrayList<>(List.of(id));
    String scope = v.ownerCondition("owner", params);
    return db.sql("select count(*) from customer where id = ? and " + scope).params(params).query(Long.class)
        .single() > 0;
  }
}
