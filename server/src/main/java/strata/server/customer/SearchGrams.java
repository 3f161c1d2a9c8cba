package strata.server.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.data.Dialect;

/**
 * The list's text search ({@code q}) from an index: a condition every match satisfies that an index serves, while
 * the search's own {@code like} on the lower-cased id and name still decides.
 *
 * <p>On the embedded H2, every substring of up to three characters that starts a customer's lower-cased id or name
 * is kept in customer_gram (db/h2/V26, kept by {@link CustomerGramTrigger} in the transaction that writes the
 * customer). A customer whose id or name contains the search text has the text's first three characters as one of
 * these grams, or, for a text of one to three characters, a gram that starts with it.
 *
 * <p>On PostgreSQL, a GIN index holds every pair of adjacent characters of each customer's lower-cased id and name
 * ({@code strata_search_grams}, db/postgresql/V47): a match holds every pair of the search text. pg_trgm served this
 * before, but it takes only a locale's letters and digits as words: in a database without a locale a Chinese name had
 * no trigram at all, a two-character word has none in any, and as the search asks for the id or the name, neither
 * trigram index could serve it: every search read all customers (bench/README.md, "Search by grams").
 */
@Service
public class SearchGrams {
  /** The grams' length: a search of up to this many characters reads the grams that start with it. */
  static final int LENGTH = 3;

  /** Each of a long search's grams is counted up to this many customers, to read the rarest one's. */
  private static final int COUNTED = 1_000;

  /**
   * Where grams that all reach {@link #COUNTED} are counted again. Ids of one scheme share their grams by the ten
   * thousand: among 250,000 ids C0000000…C0249999 every gram of "C00012" passes 1,000, and the first of them, "c00",
   * has 100,000 customers, each probed in the snapshot (1 s a search); "001" and "012" have about 11,000.
   */
  private static final int RECOUNTED = 20_000;

  /** A long search's grams counted at most: each is a query, and any one of them is a correct narrowing. */
  private static final int COMPARED = 8;

  /** A PostgreSQL search's grams at most: any of them narrows correctly, and each is one more posting list read. */
  private static final int CONTAINED = 16;

  private final JdbcClient db;
  private final boolean kept;
  private final boolean indexed;

  SearchGrams(JdbcClient db, Dialect dialect) {
    this.db = db;
    this.indexed = dialect.postgres();
    this.kept = !indexed && db.sql(
        "select count(*) from information_schema.tables where lower(table_name) = 'customer_gram'")
        .query(Long.class).single() > 0;
  }

  /** The grams of one customer's id and name, as customer_gram holds them. */
  static Set<String> of(String id, String name) {
    Set<String> grams = new LinkedHashSet<>();
    for (String text : new String[] {id, name}) {
      if (text == null) continue;
      String lower = text.toLowerCase(Locale.ROOT);
      for (int i = 0; i < lower.length(); i++) grams.add(lower.substring(i, Math.min(lower.length(), i + LENGTH)));
    }
    return grams;
  }

  /**
   * The pairs of adjacent characters (code points, as PostgreSQL counts them) of the lower-cased search {@code text}
   * (at most {@link #CONTAINED}), every one of which a matching customer's id or name holds, as PostgreSQL's index keeps
   * them; none for a single character, which the index cannot narrow.
   */
  static List<String> contained(String text) {
    int[] cp = text.codePoints().toArray();
    Set<String> grams = new LinkedHashSet<>();
    for (int i = 0; i + 2 <= cp.length && grams.size() < CONTAINED; i++) grams.add(new String(cp, i, 2));
    return List.copyOf(grams);
  }

  /**
   * The gram condition that every match of the search satisfies, or null without a search or without grams. On H2 a
   * longer search is narrowed by the two of its grams that the fewest customers have.
   */
  Gram pick(String q) {
    if (q == null || q.isBlank()) return null;
    String text = q.strip().toLowerCase(Locale.ROOT);
    if (indexed) {
      List<String> pairs = contained(text);
      return pairs.isEmpty() ? null : new Gram.Indexed(pairs);
    }
    if (!kept) return null;
    if (text.length() <= LENGTH) return new Gram.Table(text, true, null);
    Set<String> grams = new LinkedHashSet<>();
    for (int i = 0; i + LENGTH <= text.length() && grams.size() < COMPARED; i++) {
      grams.add(text.substring(i, i + LENGTH));
    }
    List<String> ranked = ranked(grams, COUNTED);
    return new Gram.Table(ranked.get(0), false, ranked.size() > 1 ? ranked.get(1) : null);
  }

  /**
   * The grams, rarest first, by their customers counted up to {@code cap}; those tied at the cap counted again up to
   * {@link #RECOUNTED}. A gram no customer has comes first and ends the counting: nothing can match.
   */
  private List<String> ranked(Set<String> grams, int cap) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String gram : grams) {
      long n = db.sql("select count(*) from (select 1 from customer_gram where gram = ? limit ?) g")
          .params(List.of(gram, cap)).query(Long.class).single();
      counts.put(gram, n);
      if (n == 0) return List.of(gram);
    }
    List<String> ranked = new ArrayList<>(counts.keySet());
    ranked.sort(Comparator.comparingLong(counts::get));
    if (cap < RECOUNTED && counts.get(ranked.get(0)) >= cap) return ranked(grams, RECOUNTED);
    return ranked;
  }

  /**
   * The first text after every text that starts with {@code prefix}, in H2's order of texts (by UTF-16 unit, as
   * {@link String#compareTo}): the prefix's last unit raised by one, after dropping trailing U+FFFF units; null if
   * there is none (every unit U+FFFF), and then the range has no end.
   */
  static String above(String prefix) {
    int end = prefix.length();
    while (end > 0 && prefix.charAt(end - 1) == Character.MAX_VALUE) end--;
    if (end == 0) return null;
    return prefix.substring(0, end - 1) + (char) (prefix.charAt(end - 1) + 1);
  }

  /** A narrowing of a search to the customers an index finds. */
  sealed interface Gram {
    /**
     * H2: customers whose id or name has the gram {@code value} ({@code prefix}: a gram that starts with it), and the
     * gram {@code also} when not null (the next rarest: each candidate probed in the grams' key, where a candidate
     * too many costs a probe of the snapshot and of the customer).
     */
    record Table(String value, boolean prefix, String also) implements Gram {
      /**
       * The customers as a derived table {@code g} with one column, customer_id, each once; its parameters added to
       * {@code params}. A prefix is a range of the gram index: as {@code like ?}, whose pattern H2 learns only when it
       * runs, H2 read the whole index (2.3 s for 华信 among 250,000 customers, against 26–67 ms as a range;
       * bench/README.md, "H2 at 250k customers").
       */
      String table(List<Object> params) {
        params.add(value);
        String where = "gram = ?";
        if (prefix) {
          String above = above(value);
          where = above == null ? "gram >= ?" : "gram >= ? and gram < ?";
          if (above != null) params.add(above);
        }
        if (also != null) {
          where += " and exists (select 1 from customer_gram a where a.gram = ? and a.customer_id = "
              + "customer_gram.customer_id)";
          params.add(also);
        }
        return "(select distinct customer_id from customer_gram where " + where + ") g";
      }
    }

    /** PostgreSQL: customers whose id and name together hold every one of {@code grams} (its GIN index's condition). */
    record Indexed(List<String> grams) implements Gram {
      /** The condition on the customer {@code c}, as the index's expression is written (db/postgresql/V47). */
      String condition(List<Object> params) {
        params.addAll(grams);
        return "strata_search_grams(c.id, c.name) @> array[" + "?, ".repeat(grams.size() - 1) + "?]::text[]";
      }
    }
  }
}
