package strata.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import strata.run.InputCounts;
import strata.run.PartContext;
import strata.run.PartCounts;
import strata.run.Progress;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.run.ScoredPart;
import strata.run.ScoringRun;
import strata.scoring.ValueCounts;
import strata.summary.PurchaseColumns;
import strata.tier.TierModel;

/**
 * Times scoring a CDNOW log (customer, date, CDs, dollars, whitespace-separated) in parts: the three rounds and
 * the tiers, as Spark runs them per partition, here one part after another on one thread's turn each. Prints the
 * milliseconds of each repetition besides the first context's (the CLV fits'; the first repetition includes the JIT's
 * warm-up) and a checksum of the tiers.
 *
 * <pre>java -cp bench/target/strata-bench.jar strata.bench.PartScoringTime CDNOW_master.txt 7 10</pre>
 */
public final class PartScoringTime {
    private PartScoringTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PartScoringTime CDNOW_master.txt PARTS REPETITIONS");
            System.exit(2);
        }
        int parts = Integer.parseInt(args[1]);
        int repetitions = Integer.parseInt(args[2]);
        Path csv = Files.createTempFile("cdnow", ".csv");
        try {
            StringBuilder rows = new StringBuilder("customer_id,order_date,amount\n");
            for (String line : Files.readAllLines(Path.of(args[0]))) {
                // The master file has id, date, CDs, dollars (and a header); the sample adds the master id.
                String[] f = line.trim().split("\\s+");
                String d = f[f.length - 3];
                if (!d.matches("\\d{8}")) continue;
                rows.append(f[0]).append(',').append(d, 0, 4).append('-').append(d, 4, 6).append('-')
                    .append(d, 6, 8).append(',').append(f[f.length - 1]).append('\n');
            }
            Files.writeString(csv, rows);
            TierModel model = TierModel.defaultModel();
            RunResult whole = ScoringRun.run(RunInputs.of(csv), model, r -> { }, Progress.NONE);
            PurchaseColumns all = whole.customers().purchases;
            int[][] split = randomParts(all.size, parts, new Random(7));
            List<PurchaseColumns> cut = new ArrayList<>();
            List<PartCounts.Positions> at = new ArrayList<>();
            for (int[] r : split) {
                cut.add(all.select(r));
                at.add(PartCounts.Positions.of(all, r));
            }
            long[] millis = new long[repetitions];
            for (int k = 0; k < repetitions; k++) {
                long started = System.nanoTime();
                Rounds done = rounds(cut, at, model, whole.customers().asOfDay, all.splitDay);
                // The fits are the same work before and after any change to the rounds: left out of the figure.
                millis[k] = (System.nanoTime() - started - done.fitNanos()) / 1_000_000;
                System.out.println("repetition " + k + ": " + millis[k] + " ms besides " + done.fitNanos() / 1_000_000
                    + " ms of fits, tiers checksum " + done.checksum());
            }
            long[] warm = Arrays.copyOfRange(millis, 1, repetitions);
            Arrays.sort(warm);
            System.out.println("buyers " + all.size + ", parts " + parts + ", first " + millis[0]
                + " ms, median of the rest " + (warm.length == 0 ? "-" : warm[warm.length / 2]) + " ms");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** A checksum of the tiers, and the time the first context took (the CLV fits). */
    private record Rounds(long checksum, long fitNanos) {
    }

    private static Rounds rounds(List<PurchaseColumns> cut, List<PartCounts.Positions> at, TierModel model,
        int asOfDay, int splitDay) {
        PartCounts counts = null;
        for (int k = 0; k < cut.size(); k++) {
            PartCounts c = PartCounts.of(cut.get(k), at.get(k), asOfDay);
            counts = counts == null ? c : counts.merge(c);
        }
        long fitting = System.nanoTime();
        PartContext context = PartContext.of(counts, model, java.nio.charset.StandardCharsets.UTF_8, asOfDay,
            splitDay);
        long fitNanos = System.nanoTime() - fitting;
        List<ScoredPart> scored = new ArrayList<>();
        for (PurchaseColumns p : cut) scored.add(ScoredPart.of(p, context, model));
        InputCounts inputs = null;
        for (ScoredPart p : scored) inputs = inputs == null ? p.inputCounts(model) : inputs.merge(p.inputCounts(model));
        context = context.withInputs(inputs);
        ValueCounts potentials = ValueCounts.EMPTY;
        for (int k = 0; k < scored.size(); k++) {
            scored.set(k, scored.get(k).withComposite(context, model));
            potentials = potentials.merge(scored.get(k).potentialCounts());
        }
        context = context.withPotentials(potentials, model);
        long checksum = 0;
        for (ScoredPart p : scored) {
            byte[] tiers = p.score(context, model, 1, List.of()).customers().tier;
            for (int i = 0; i < tiers.length; i++) checksum = 31 * checksum + tiers[i];
        }
        return new Rounds(checksum, fitNanos);
    }

    private static int[][] randomParts(int n, int parts, Random random) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int k = 0; k < parts; k++) lists.add(new ArrayList<>());
        for (int i = 0; i < n; i++) lists.get(random.nextInt(parts)).add(i);
        return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }
}
