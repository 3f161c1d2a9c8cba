package strata.clv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Customers with identical (x, tx, T) merged into one row with a weight, so a likelihood evaluation costs one term per
 * distinct triple. Each row also points into the sorted distinct values of x, tx and T: the likelihoods precompute
 * log-gamma terms per distinct x and ln(alpha + t) per distinct time once per evaluation.
 */
final class WeightedRows {

    final int size;
    final double[] x;
    final double[] tx;
    final double[] T;
    final double[] weight;
    final double[] distinctX;
    final double[] distinctTx;
    final double[] distinctT;
    final int[] xIndex;
    final int[] txIndex;
    final int[] tIndex;
    final int customers;
    final int repeatCustomers;

    private record Triple(double x, double tx, double T) {
    }

    WeightedRows(CalibrationData data) {
        Map<Triple, Integer> rowOf = new HashMap<>();
        double[] counts = new double[data.size()];
        Triple[] triples = new Triple[data.size()];
        int repeat = 0;
        for (int i = 0; i < data.size(); i++) {
            // + 0.0 folds -0.0 into 0.0, which records would otherwise treat as a different key.
            Triple key = new Triple(data.x()[i] + 0.0, data.tx()[i] + 0.0, data.T()[i] + 0.0);
            int row = rowOf.computeIfAbsent(key, k -> rowOf.size());
            triples[row] = key;
            counts[row]++;
            repeat += data.x()[i] > 0 ? 1 : 0;
        }
        size = rowOf.size();
        x = new double[size];
        tx = new double[size];
        T = new double[size];
        weight = Arrays.copyOf(counts, size);
        for (int r = 0; r < size; r++) {
            x[r] = triples[r].x;
            tx[r] = triples[r].tx;
            T[r] = triples[r].T;
        }
        distinctX = distinct(x);
        distinctTx = distinct(tx);
        distinctT = distinct(T);
        xIndex = indexInto(distinctX, x);
        txIndex = indexInto(distinctTx, tx);
        tIndex = indexInto(distinctT, T);
        customers = data.size();
        repeatCustomers = repeat;
    }

    private static double[] distinct(double[] values) {
        return Arrays.stream(values).sorted().distinct().toArray();
    }

    private static int[] indexInto(double[] sortedDistinct, double[] values) {
        int[] index = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            index[i] = Arrays.binarySearch(sortedDistinct, values[i]);
        }
        return index;
    }

    /** ln(shift + v) for each distinct value v. */
    static double[] logShifted(double shift, double[] distinctValues) {
        double[] out = new double[distinctValues.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(shift + distinctValues[i]);
        }
        return out;
    }
}
