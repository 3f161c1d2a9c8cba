package strata.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The peer of {@code strata score}: DuckDB, in-process, reads the same transaction CSV, computes
 * the same RFM definition and writes one CSV row per customer. Used only by the benchmark.
 *
 * <p>Definition (shared with Strata): recency_days = as_of - last order date; frequency = number
 * of rows; monetary = exact net sum of amount (refunds subtract). Each score is
 * {@code 1 + floor(5 * below / n)}, where {@code below} is the number of customers strictly worse:
 * strictly lower frequency or monetary, strictly larger recency_days. Ties therefore share a score.
 */
@Command(name = "duckdb-rfm", mixinStandardHelpOptions = true,
        description = "Computes RFM scores with DuckDB for the benchmark.")
public final class DuckDbRfm implements Callable<Integer> {

    @Option(names = "--transactions", required = true, description = "customer_id,order_date,amount CSV with header.")
    Path transactions;

    @Option(names = "--as-of", required = true, description = "As-of date, yyyy-MM-dd.")
    LocalDate asOf;

    @Option(names = "--out", required = true, description = "Output CSV, one row per customer.")
    Path out;

    @Option(names = "--threads", defaultValue = "2", description = "DuckDB threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--explain", description = "Print EXPLAIN ANALYZE of the query instead of only running it.")
    boolean explain;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DuckDbRfm()).execute(args));
    }

    @Override
    public Integer call() {
        long customers;
        try {
            customers = run(transactions, asOf, out, threads, explain);
        } catch (SQLException | IllegalArgumentException e) {
            System.err.println("duckdb-rfm: " + e.getMessage());
            return 1;
        }
        System.err.println("duckdb-rfm: " + customers + " customers written to " + out);
        return 0;
    }

    /**
     * Scores every customer in {@code transactions} and writes the CSV {@code out} with columns
     * customer_id, recency_days, frequency, monetary, r_score, f_score, m_score (no particular
     * row order).
     *
     * @param explain also print DuckDB's EXPLAIN ANALYZE profile to stdout
     * @return the number of customers written
     * @throws SQLException if DuckDB cannot read the input (bad header, date or amount) or write
     *     the output; DuckDB's message names the line
     */
    public static long run(Path transactions, LocalDate asOf, Path out, int threads, boolean explain)
            throws SQLException {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            String copy = "COPY (" + scoreQuery(transactions, asOf) + ") TO " + literal(out)
                    + " (FORMAT csv, HEADER true)";
            if (explain) {
                printExplain(statement, copy);
                return -1;
            }
            return statement.executeUpdate(copy);
        }
    }

    /** The scoring query; the SQL twin of the definition in the class comment. */
    static String scoreQuery(Path transactions, LocalDate asOf) {
        return """
                WITH orders AS (
                    SELECT * FROM read_csv(%s, header = true, auto_detect = false, delim = ',',
                        columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE',
                                   'amount': 'DECIMAL(18,2)'})
                ),
                per_customer AS (
                    SELECT customer_id,
                           DATE '%s' - max(order_date) AS recency_days,
                           count(*) AS frequency,
                           sum(amount) AS monetary
                    FROM orders GROUP BY customer_id
                ),
                -- rank() - 1 counts the customers strictly before in the order: ties share a rank.
                worse AS (
                    SELECT *,
                           count(*) OVER () AS n,
                           rank() OVER (ORDER BY recency_days DESC) - 1 AS r_worse,
                           rank() OVER (ORDER BY frequency) - 1 AS f_worse,
                           rank() OVER (ORDER BY monetary) - 1 AS m_worse
                    FROM per_customer
                )
                SELECT customer_id, recency_days, frequency, monetary,
                       1 + (5 * r_worse) // n AS r_score,
                       1 + (5 * f_worse) // n AS f_score,
                       1 + (5 * m_worse) // n AS m_score
                FROM worse
                """.formatted(literal(transactions), asOf);
    }

    private static void printExplain(Statement statement, String copy) throws SQLException {
        try (var rows = statement.executeQuery("EXPLAIN ANALYZE " + copy)) {
            while (rows.next()) {
                System.out.println(rows.getString(2));
            }
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
