package strata.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Differences found between two score files, per column, with the first few examples of each. */
final class ScoreComparison {
    static final int EXAMPLES = 5;

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    long customersA;
    long customersB;

    ScoreComparison() {
        for (String column : ScoreFile.COLUMNS.subList(1, ScoreFile.COLUMNS.size())) {
            counts.put(column, 0L);
        }
    }

    void compare(ScoreRow a, ScoreRow b) {
        check("recency_days", a.recencyDays() == b.recencyDays(), a, a.recencyDays(), b.recencyDays());
        check("frequency", a.frequency() == b.frequency(), a, a.frequency(), b.frequency());
        // compareTo, not equals: "12.3" and "12.30" are the same amount.
        check("monetary", a.monetary().compareTo(b.monetary()) == 0, a, a.monetary(), b.monetary());
        check("r_score", a.rScore() == b.rScore(), a, a.rScore(), b.rScore());
        check("f_score", a.fScore() == b.fScore(), a, a.fScore(), b.fScore());
        check("m_score", a.mScore() == b.mScore(), a, a.mScore(), b.mScore());
    }

    void problem(String kind, String example) {
        counts.merge(kind, 1L, Long::sum);
        List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < EXAMPLES) {
            list.add(example);
        }
    }

    /** Mismatch count of a column or problem kind ("only in A", "duplicate in B", ...). */
    long count(String kind) {
        return counts.getOrDefault(kind, 0L);
    }

    boolean equal() {
        return counts.values().stream().allMatch(c -> c == 0);
    }

    void print(PrintStream out, String nameA, String nameB) {
        out.printf("customers: %d in A (%s), %d in B (%s)%n", customersA, nameA, customersB, nameB);
        counts.forEach((kind, count) -> {
            out.printf("  %-16s %d mismatches%n", kind, count);
            for (String example : examples.getOrDefault(kind, List.of())) {
                out.println("      " + example);
            }
        });
        out.println(equal() ? "EQUAL: all customers and columns match" : "DIFFERENT");
    }

    private void check(String column, boolean same, ScoreRow a, Object valueA, Object valueB) {
        if (!same) {
            problem(column, a.customerId() + ": A=" + valueA + " B=" + valueB);
        }
    }
}
