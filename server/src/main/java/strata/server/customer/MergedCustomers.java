package strata.server.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.identity.IdMerges;
import strata.server.run.RunMerges;
import strata.server.security.Viewer;
import strata.server.security.VisibleCustomers;

/**
 * Whether a customer was merged into another by an accepted duplicate pair (issue 18 §4), for their 360° page: a
 * merged-away id keeps its profile and records but has no tier of its own, since runs count it under its survivor;
 * the survivor's page names the ids whose purchases it counts, so its figures can be traced to their records.
 */
@Component
class MergedCustomers {
  /**
   * @param into the surviving id; null (with {@code name}) when the viewer may not see the survivor, so a sales user
   *     learns only that their customer was merged, not into whose
   * @param applied whether the current snapshot already counts this customer under the survivor; false until the
   *     next run after the pair was accepted
   */
  record MergedInto(String into, String name, boolean applied) {}

  /** A merged-away id the viewer may see, with its name. */
  record Member(String id, String name) {}

  /**
   * @param ids the merged-away ids the viewer may see, in id order
   * @param hidden how many more are merged into this customer that the viewer may not see (a sales user's customer
   *     can hold another rep's record)
   */
  record MergedFrom(List<Member> ids, int hidden) {}

  /** Both sides of a customer's merges; either is null when it does not apply. */
  record Merges(MergedInto into, MergedFrom from) {}

  private final JdbcClient db;
  private final List<RunMerges> merges;
  private final VisibleCustomers visible;

  MergedCustomers(JdbcClient db, List<RunMerges> merges, VisibleCustomers visible) {
    this.db = db;
    this.merges = merges;
    this.visible = visible;
  }

  /**
   * Into whom {@code id} was merged and who was merged into it, from one read of the accepted merges.
   *
   * @param inSnapshot whether the current snapshot has a row for {@code id}
   */
  Merges of(String id, Viewer v, boolean inSnapshot) {
    List<IdMerges> all = merges.stream().map(RunMerges::current).toList();
    return new Merges(into(id, v, inSnapshot, all), from(id, v, all));
  }

  /** @return null when {@code id} is not merged into another id */
  private MergedInto into(String id, Viewer v, boolean inSnapshot, List<IdMerges> all) {
    String survivor = survivor(id, all);
    if (survivor.equals(id)) return null;
    if (!visible.sees(survivor, v)) return new MergedInto(null, null, !inSnapshot);
    String name = db.sql("select name from customer where id = ?").param(survivor).query(String.class).optional()
        .orElse(null);
    return new MergedInto(survivor, name, !inSnapshot);
  }

  /** @return null when no id is merged into {@code id} */
  private MergedFrom from(String id, Viewer v, List<IdMerges> all) {
    List<String> members = all.stream().flatMap(m -> m.merged().keySet().stream()).distinct()
        .filter(other -> !other.equals(id) && survivor(other, all).equals(id)).sorted().toList();
    if (members.isEmpty()) return null;
    List<String> seen = members.stream().filter(other -> visible.sees(other, v)).toList();
    Map<String, String> names = new HashMap<>();
    if (!seen.isEmpty()) {
      db.sql("select id, name from customer where id in (:ids)").param("ids", seen)
          .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
    }
    return new MergedFrom(seen.stream().map(other -> new Member(other, names.get(other))).toList(),
        members.size() - seen.size());
  }

  /** The id a run counts {@code id} under: each set of merges in the order a run applies them. */
  private static String survivor(String id, List<IdMerges> all) {
    String survivor = id;
    for (IdMerges m : all) survivor = m.resolve(survivor);
    return survivor;
  }
}
