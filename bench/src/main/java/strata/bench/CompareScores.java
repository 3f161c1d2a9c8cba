package strata.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that two RFM score files (Strata's and DuckDB's) agree customer by customer on
 * recency_days, frequency, monetary (as exact decimals) and the three scores. Other columns and
 * row order are ignored. Exit code 0 if equal, 1 if not, 2 on unreadable input.
 */
public final class CompareScores {

    private CompareScores() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: CompareScores A.csv B.csv");
            System.exit(2);
        }
        try {
            ScoreComparison result = compare(Path.of(args[0]), Path.of(args[1]));
            result.print(System.out, args[0], args[1]);
            System.exit(result.equal() ? 0 : 1);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("compare-scores: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Compares two score files. Holds file A in memory (about 200 bytes per customer).
     *
     * @throws IllegalArgumentException if a file lacks a required column or holds a non-number
     * @throws IOException if a file cannot be read
     */
    static ScoreComparison compare(Path a, Path b) throws IOException {
        ScoreComparison result = new ScoreComparison();
        Map<String, ScoreRow> fromA = new HashMap<>();
        result.customersA = ScoreFile.read(a, row -> {
            if (fromA.put(row.customerId(), row) != null) {
                result.problem("duplicate in A", row.customerId());
            }
        });
        Map<String, Boolean> seenInB = new HashMap<>();
        result.customersB = ScoreFile.read(b, row -> {
            if (seenInB.put(row.customerId(), Boolean.TRUE) != null) {
                result.problem("duplicate in B", row.customerId());
                return;
            }
            ScoreRow match = fromA.get(row.customerId());
            if (match == null) {
                result.problem("only in B", row.customerId());
            } else {
                result.compare(match, row);
            }
        });
        fromA.keySet().stream().filter(id -> !seenInB.containsKey(id)).sorted()
                .forEach(id -> result.problem("only in A", id));
        return result;
    }
}
