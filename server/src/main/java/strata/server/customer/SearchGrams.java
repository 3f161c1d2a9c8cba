package strata.server.customer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The list's text search ({@code q}) on the embedded H2, which has no trigram index: every substring of up to three
 * characters that starts a customer's lower-cased id or name is kept in customer_gram (db/h2/V26, kept by
 * {@link CustomerGramTrigger} in the transaction that writes the customer). A customer whose id or name contains the
 * search text has the text's first three characters as one of these grams, or, for a text of one to three
 * characters, a gram that starts with it; so the grams give a superset of the matches from an index, and the
 * search's own {@code like} on id and name still decides. PostgreSQL serves the same {@code like} from its trigram
 * indexes (db/postgresql/V7_1) and keeps no grams.
 */
@Service
public class SearchGrams {
  /** The grams' length: a search of up to this many characters reads the grams that start with it. */
  static final int LENGTH = 3;

  /** Each of a long search's grams is counted up to this many customers, to read the rarest one's. */
  private static final int COUNTED = 1_000;

  /** A long search's grams counted at most: each is a query, and any one of them is a correct narrowing. */
  private static final int COMPARED = 8;

  private final JdbcClient db;
  private final boolean kept;

  SearchGrams(JdbcClient db) {
    this.db = db;
    this.kept = db.sql("select count(*) from information_schema.tables where lower(table_name) = 'customer_gram'")
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
   * The customer_gram condition that every match of the search satisfies, or null without a search or where no grams
   * are kept (PostgreSQL). A longer search is narrowed by the gram of it that the fewest customers have.
   */
  Gram pick(String q) {
    if (!kept || q == null || q.isBlank()) return null;
    String text = q.strip().toLowerCase(Locale.ROOT);
    if (text.length() <= LENGTH) return new Gram(CustomerFilter.escapeLike(text) + "%", true);
    Set<String> grams = new LinkedHashSet<>();
    for (int i = 0; i + LENGTH <= text.length() && grams.size() < COMPARED; i++) {
      grams.add(text.substring(i, i + LENGTH));
    }
    String rarest = null;
    long fewest = Long.MAX_VALUE;
    for (String gram : grams) {
      if (fewest == 0) break;
      long n = db.sql("select count(*) from (select 1 from customer_gram where gram = ? limit ?) g")
          .params(List.of(gram, COUNTED)).query(Long.class).single();
      if (n < fewest) {
        fewest = n;
        rarest = gram;
      }
    }
    return new Gram(rarest, false);
  }

  /** Customers whose id or name has the gram {@code value} ({@code prefix}: a gram that starts with the pattern). */
  record Gram(String value, boolean prefix) {
    /** The customers as a derived table {@code g} with one column, customer_id, each once. */
    String table() {
      return "(select distinct customer_id from customer_gram where gram " + (prefix ? "like ? escape '\\'" : "= ?")
          + ") g";
    }
  }
}
