package strata.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent computation of the benchmark's RFM definition in plain Java, used as the test
 * oracle for DuckDbRfm: no SQL, no window functions, just counting customers strictly worse.
 */
final class RfmOracle {

    private RfmOracle() {
    }

    /** Per-customer totals read with String.split, summed as BigDecimal. */
    record Totals(List<String> ids, long[] recency, long[] frequency, BigDecimal[] monetary) {
        int size() {
            return ids.size();
        }
    }

    static Totals totals(Path transactions, LocalDate asOf) throws IOException {
        Map<String, Integer> indexOf = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<LocalDate> last = new ArrayList<>();
        List<long[]> count = new ArrayList<>();
        List<BigDecimal> sum = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(transactions)) {
            reader.readLine(); // header
            for (String line; (line = reader.readLine()) != null; ) {
                String[] field = line.split(",");
                int i = indexOf.computeIfAbsent(field[0], id -> {
                    ids.add(id);
                    last.add(LocalDate.MIN);
                    count.add(new long[1]);
                    sum.add(BigDecimal.ZERO);
                    return ids.size() - 1;
                });
                LocalDate date = LocalDate.parse(field[1]);
                if (date.isAfter(last.get(i))) {
                    last.set(i, date);
                }
                count.get(i)[0]++;
                sum.set(i, sum.get(i).add(new BigDecimal(field[2])));
            }
        }
        int n = ids.size();
        long[] recency = new long[n];
        long[] frequency = new long[n];
        for (int i = 0; i < n; i++) {
            recency[i] = ChronoUnit.DAYS.between(last.get(i), asOf);
            frequency[i] = count.get(i)[0];
        }
        return new Totals(ids, recency, frequency, sum.toArray(BigDecimal[]::new));
    }

    /** Scores by comparing every customer with every other: O(n^2), for small files. */
    static Map<String, ScoreRow> scoreByBruteForce(Totals t) {
        int n = t.size();
        Map<String, ScoreRow> result = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int rWorse = 0;
            int fWorse = 0;
            int mWorse = 0;
            for (int j = 0; j < n; j++) {
                rWorse += t.recency()[j] > t.recency()[i] ? 1 : 0;
                fWorse += t.frequency()[j] < t.frequency()[i] ? 1 : 0;
                mWorse += t.monetary()[j].compareTo(t.monetary()[i]) < 0 ? 1 : 0;
            }
            result.put(t.ids().get(i), row(t, i, rWorse, fWorse, mWorse));
        }
        return result;
    }

    /** Same scores by binary search in sorted copies: O(n log n), for the 1M-row check. */
    static Map<String, ScoreRow> scoreBySorting(Totals t) {
        int n = t.size();
        long[] recency = t.recency().clone();
        long[] frequency = t.frequency().clone();
        BigDecimal[] monetary = t.monetary().clone();
        Arrays.sort(recency);
        Arrays.sort(frequency);
        Arrays.sort(monetary);
        Map<String, ScoreRow> result = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long rWorse = n - firstAbove(recency, t.recency()[i]);
            long fWorse = firstAtLeast(frequency, t.frequency()[i]);
            long mWorse = firstAtLeast(monetary, t.monetary()[i]);
            result.put(t.ids().get(i), row(t, i, rWorse, fWorse, mWorse));
        }
        return result;
    }

    private static ScoreRow row(Totals t, int i, long rWorse, long fWorse, long mWorse) {
        int n = t.size();
        return new ScoreRow(t.ids().get(i), t.recency()[i], t.frequency()[i], t.monetary()[i],
                (int) (1 + 5 * rWorse / n), (int) (1 + 5 * fWorse / n), (int) (1 + 5 * mWorse / n));
    }

    private static int firstAtLeast(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int firstAbove(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int firstAtLeast(BigDecimal[] sorted, BigDecimal value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].compareTo(value) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
