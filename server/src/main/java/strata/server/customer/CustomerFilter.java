package strata.server.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.server.api.BadRequest;
import strata.server.override.OverrideStore;
import strata.server.security.Viewer;

/**
 * The filtered customer set of one snapshot as SQL, shared by the list, the export and the dashboard so they always
 * agree. A sales viewer's owner is always part of it.
 */
public record CustomerFilter(long runId, String tier, String segment, String segment11, String lifecycle,
    String abc, String quadrant, String owner, String q, String tag) {

  /**
   * Each sort field's order with the best first (most recent, highest score or spend; names and tiers A to Z): the
   * order of its index, then the id ascending. The other direction is that order exactly reversed, missing values and
   * ties included, because the embedded H2 walks an index backwards only for the exact reverse of its order (orderBy).
   * A cursor ({@link ListCursor}) holds the values of these keys.
   */
  static final Map<String, List<SortKey>> SORTS = Map.of(
      "id", List.of(), "name", List.of(new SortKey("c.name", false, true, SortKey.Type.TEXT)),
      "tier", List.of(new SortKey("r.tier", false, false, SortKey.Type.TEXT), SortKey.SCORE),
      "compositeScore", List.of(SortKey.SCORE),
      "monetary", List.of(new SortKey("r.monetary_cents", true, false, SortKey.Type.LONG)),
      "frequency", List.of(new SortKey("r.frequency", true, false, SortKey.Type.LONG)),
      "recencyDays", List.of(new SortKey("r.recency_days", false, true, SortKey.Type.INT)),
      "clv", List.of(new SortKey("r.clv", true, true, SortKey.Type.FLOAT)),
      "pAlive", List.of(new SortKey("r.p_alive", true, true, SortKey.Type.FLOAT)));

  /** The filters of the list, as query parameters and saved views name them. */
  public static final List<String> KEYS = List.of("tier", "segment", "segment11", "lifecycle", "abc", "quadrant",
      "owner", "q", "tag");

  /** The snapshot column of each filter that is an equality on one column (every filter but the search and tag). */
  static final Map<String, String> COLUMNS = Map.of("tier", "r.tier", "segment", "r.segment", "segment11",
      "r.segment11", "lifecycle", "r.lifecycle", "abc", "r.abc", "quadrant", "r.quadrant", "owner", "r.owner");

  /** Every customer of a snapshot (the viewer's scope still applies). */
  public static CustomerFilter all(long runId) {
    return new CustomerFilter(runId, null, null, null, null, null, null, null, null, null);
  }

  /** The same filter without the one on {@code key} (a facet counts its values with the other filters applied). */
  CustomerFilter without(String key) {
    return new CustomerFilter(runId, key.equals("tier") ? null : tier, key.equals("segment") ? null : segment,
        key.equals("segment11") ? null : segment11, key.equals("lifecycle") ? null : lifecycle,
        key.equals("abc") ? null : abc, key.equals("quadrant") ? null : quadrant,
        key.equals("owner") ? null : owner, key.equals("q") ? null : q, key.equals("tag") ? null : tag);
  }

  /** The fields {@code sort=} accepts. */
  public static java.util.Set<String> sortFields() {
    return SORTS.keySet();
  }

  /**
   * {@code from … where …} with its parameters. Tiers are read as stored: the current snapshot carries the live
   * overrides ({@link OverrideStore#applyTo}). Owners too: every kept snapshot row carries its customer's current
   * owner (strata.server.run.SnapshotOwners), so an owner's customers are an index range of snapshot_row. The
   * customer table is joined only for a search or the page's columns.
   */
  public Sql from(Viewer viewer, boolean withCustomerColumns) {
    return from(viewer, withCustomerColumns, null);
  }

  /**
   * As {@link #from(Viewer, boolean)}, a search narrowed to the customers an index finds by {@code gram}
   * ({@link SearchGrams}; null: matched by the {@code like} alone, as a page that walks an order's index must), then
   * matched as everywhere. On H2 its parameters start with the gram's.
   */
  Sql from(Viewer viewer, boolean withCustomerColumns, SearchGrams.Gram gram) {
    List<Object> params = new ArrayList<>();
    boolean search = searching();
    boolean needsCustomer = search;
    StringBuilder sb = new StringBuilder(" from ");
    if (search && gram instanceof SearchGrams.Gram.Table table) {
      // The grams' customers first, each probed in the snapshot by key. Not "customer_id in (select …)": H2 serves
      // that from an index only when the index starts with customer_id, and none of snapshot_row's does. A left
      // join, because with an inner one H2 may start from the snapshot and probe the grams for each of its rows
      // (SearchGramsTest saw it read all 5,000); the where clause's run_id drops the rows without a snapshot row.
      sb.append(table.table(params))
          .append(" left join snapshot_row r on r.run_id = ? and r.customer_id = g.customer_id");
      params.add(runId);
    } else {
      sb.append("snapshot_row r");
    }
    // A left join keeps the index order of snapshot rows, so a page of the default order stops after its rows.
    if (needsCustomer) sb.append(" join customer c on c.id = r.customer_id");
    else if (withCustomerColumns) sb.append(" left join customer c on c.id = r.customer_id");
    sb.append(" where r.run_id = ?");
    params.add(runId);
    if (!viewer.seesAll()) sb.append(" and ").append(viewer.ownerCondition("r.owner", params));
    eq(sb, params, "r.tier", tier);
    eq(sb, params, "r.segment", segment);
    eq(sb, params, "r.segment11", segment11);
    eq(sb, params, "r.lifecycle", lifecycle);
    eq(sb, params, "r.abc", abc);
    eq(sb, params, "r.quadrant", quadrant);
    eq(sb, params, "r.owner", owner);
    if (tag != null && !tag.isBlank()) {
      // As stored: the tag the user picked is normalised the way tags are saved (strata.tag.Tags).
      sb.append(" and exists (select 1 from customer_tag t where t.customer_id = r.customer_id and t.tag = ?)");
      params.add(strata.tag.Tags.of(tag).value().orElse(tag));
    }
    if (search) {
      String like = "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%";
      // On c, not r, and the grams' condition beside it: PostgreSQL's index on the customer's grams serves it.
      sb.append(" and (lower(c.id) like ? escape '\\' or lower(c.name) like ? escape '\\')");
      params.add(like);
      params.add(like);
      if (gram instanceof SearchGrams.Gram.Indexed indexed) sb.append(" and ").append(indexed.condition(params));
    }
    return new Sql(sb.toString(), params);
  }

  /**
   * Whether a page's keys can be chosen before the customers are joined: neither the filter nor the order needs the
   * customer table, or the order is the name's, whose keys {@link #nameKeys} chooses.
   */
  boolean pageBeforeCustomer(String orderBy) {
    return !searching() && (!orderBy.contains("c.") || byName(orderBy));
  }

  /** Whether the list is filtered by nothing but its tier and owner (either or both may be absent). */
  boolean tierAndOwnerOnly() {
    return segment == null && segment11 == null && lifecycle == null && abc == null && quadrant == null
        && !searching() && tag == null;
  }

  /** Whether the list is a search ({@code q} with more than spaces). */
  boolean searching() {
    return q != null && !q.isBlank();
  }

  /** Whether {@code orderBy} is the name sort, either way. */
  static boolean byName(String orderBy) {
    return orderBy.startsWith(" order by c.name");
  }

  /**
   * The run and customer ids of the name sort's first {@code limit} rows (no search), in that order. The customers
   * with a profile come off the customer table's name index, each probed in the snapshot by key; for one owner, off
   * the (owner, name, id) index, as the snapshot row's owner is the customer's (strata.server.run.SnapshotOwners).
   * Customers without a profile have no name, so they come last best-first and first in reverse, by id; they have no
   * owner either, which makes them the end of the snapshot's (run, owner, id) index. Sorting the joined snapshot by
   * name instead read all of it for every page on H2 (bench/README.md, "H2 lists: the name sort and the search").
   */
  Sql nameKeys(Viewer viewer, String orderBy, int limit) {
    // The limits are written out, not parameters: H2 2.4 answered a second page with the first page's union when
    // only a limit parameter inside it changed (ListNameAndSearchContract caught it).
    String dir = orderBy.startsWith(" order by c.name asc") ? "" : " desc";
    Sql keys = from(viewer, false);
    String oneOwner = oneOwner(viewer);
    List<Object> params = new ArrayList<>();
    params.add(runId);
    params.addAll(keys.params());
    StringBuilder sql = new StringBuilder(" from ((select cast(? as bigint) as run_id, c.id as customer_id, c.name as "
        + "name from customer c where exists (select 1").append(keys.text()).append(" and r.customer_id = c.id)");
    if (oneOwner != null) {
      sql.append(" and c.owner = ?");
      params.add(oneOwner);
    }
    sql.append(" order by ").append(oneOwner == null ? "" : "c.owner" + dir + ", ").append("c.name").append(dir)
        .append(", c.id").append(dir).append(" limit ").append(limit).append(")");
    if (oneOwner == null && viewer.seesAll()) {
      sql.append(" union all (select r.run_id, r.customer_id, cast(null as varchar) as name").append(keys.text())
          .append(" and r.owner is null and not exists (select 1 from customer c where c.id = r.customer_id)")
          .append(" order by r.run_id").append(dir).append(", r.owner").append(dir).append(", r.customer_id")
          .append(dir).append(" limit ").append(limit).append(")");
      params.addAll(keys.params());
    }
    sql.append(") k order by k.name").append(dir.isEmpty() ? " asc nulls last" : " desc nulls first")
        .append(", k.customer_id").append(dir);
    return new Sql(sql.toString(), params);
  }

  /** The one owner whose customers this filter holds, by the owner filter or the viewer's scope; else null. */
  private String oneOwner(Viewer viewer) {
    if (owner != null && !owner.isBlank()) return owner;
    return !viewer.seesAll() && viewer.owners().size() == 1 ? viewer.owners().get(0) : null;
  }

  /**
   * The same order led by the columns this filter holds constant, which changes no row's place: H2 walks an index for
   * an ORDER BY only when the index starts with the ORDER BY's columns, so without the run (and the owner, and the
   * tier of the default order's indexes) in front it sorted the whole snapshot for every page. A reversed order
   * reverses them too, so that H2 can walk the index backwards. PostgreSQL drops such constant keys itself.
   */
  String indexOrder(Viewer viewer, String orderBy) {
    String then = orderBy.endsWith("r.customer_id desc") ? " desc, " : ", ";
    StringBuilder lead = new StringBuilder(" order by r.run_id").append(then);
    if (oneOwner(viewer) != null) lead.append("r.owner").append(then);
    boolean byScore = orderBy.equals(orderBy(null)) || orderBy.equals(orderBy("compositeScore,asc"));
    if (byScore && tier != null && !tier.isBlank()) lead.append("r.tier").append(then);
    return lead + orderBy.substring(" order by ".length());
  }

  /**
   * {@code sort=field} or {@code sort=field,asc|desc}; anything else (an empty field, a third part) is a 400. The
   * direction that is not the field's best-first order is its exact reverse: customers without a value come last
   * best-first and first in reverse, and ties go by id, ascending best-first, descending in reverse.
   */
  public static String orderBy(String sort) {
    return sortOf(sort).orderBy();
  }

  /** The parsed {@code sort=} (null or blank: the composite score, best first); 400 for anything else. */
  static Sort sortOf(String sort) {
    if (sort == null || sort.isBlank()) return new Sort("compositeScore", true);
    String[] parts = sort.split(",", -1);
    if (parts.length > 2) throw new BadRequest("sort", "expected field or field,asc|desc; got '" + sort + "'");
    String field = parts[0].strip();
    List<SortKey> keys = SORTS.get(field);
    if (keys == null) throw new BadRequest("sort", "unknown field '" + field + "'; one of " + SORTS.keySet());
    String dir = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
    if (!dir.equals("asc") && !dir.equals("desc")) throw new BadRequest("sort", "direction must be asc or desc");
    boolean bestFirstIsDesc = !keys.isEmpty() && keys.get(0).desc();
    return new Sort(field, bestFirstIsDesc == dir.equals("desc"));
  }

  /** A sort field and whether it runs in its best-first order (else exactly reversed). */
  record Sort(String field, boolean bestFirst) {
    List<SortKey> keys() {
      return SORTS.get(field);
    }

    String orderBy() {
      // The id is unique: ordered by it alone, a page comes off the primary key (run_id, customer_id), either way.
      if (keys().isEmpty()) return " order by r.customer_id " + (bestFirst ? "asc" : "desc");
      StringBuilder sb = new StringBuilder(" order by ");
      for (SortKey k : keys()) sb.append(k.order(bestFirst)).append(", ");
      return sb.append(bestFirst ? "r.customer_id" : "r.customer_id desc").toString();
    }
  }

  /** {@code text} as a literal in a {@code like} pattern whose escape character is the backslash. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static void eq(StringBuilder sb, List<Object> params, String column, String value) {
    if (value == null || value.isBlank()) return;
    sb.append(" and ").append(column).append(" = ?");
    params.add(value);
  }

  public record Sql(String text, List<Object> params) {}
}
