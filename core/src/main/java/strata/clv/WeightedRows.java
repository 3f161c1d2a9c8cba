package strata.clv;

import java.util.Arrays;

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

    WeightedRows(CalibrationData data) {
        int n = data.size();
        // Open-addressing hash on the three values' bits: a HashMap of boxed keys cost more than the whole BG/NBD
        // likelihood evaluation on CDNOW master (measured with bench ClvFitBenchmark).
        int capacity = Integer.highestOneBit(Math.max(4, 2 * n - 1)) << 1;
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        double[] rowX = new double[n], rowTx = new double[n], rowT = new double[n], counts = new double[n];
        int rows = 0;
        int repeat = 0;
        for (int i = 0; i < n; i++) {
            // + 0.0 folds -0.0 into 0.0, whose bits would otherwise make it a different key.
            double xi = data.x()[i] + 0.0, txi = data.tx()[i] + 0.0, ti = data.T()[i] + 0.0;
            repeat += xi > 0 ? 1 : 0;
            int slot = hash(xi, txi, ti) & (capacity - 1);
            while (slots[slot] >= 0) {
                int r = slots[slot];
                if (rowX[r] == xi && rowTx[r] == txi && rowT[r] == ti) {
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
            if (slots[slot] < 0) {
                slots[slot] = rows;
                rowX[rows] = xi;
                rowTx[rows] = txi;
                rowT[rows] = ti;
                rows++;
            }
            counts[slots[slot]]++;
        }
        size = rows;
        x = Arrays.copyOf(rowX, rows);
        tx = Arrays.copyOf(rowTx, rows);
        T = Arrays.copyOf(rowT, rows);
        weight = Arrays.copyOf(counts, rows);
        distinctX = distinct(x);
        distinctTx = distinct(tx);
        distinctT = distinct(T);
        xIndex = indexInto(distinctX, x);
        txIndex = indexInto(distinctTx, tx);
        tIndex = indexInto(distinctT, T);
        customers = n;
        repeatCustomers = repeat;
    }

    /**
     * Ends with MurmurHash3's 64-bit finaliser: folding the product's halves instead left times in days / 7 (whose bits
     * repeat with period 3) in long runs of slots, 82 probes per customer on the 10M-row benchmark's sample, 0.5 now.
     */
    private static int hash(double x, double tx, double t) {
        long h = Double.doubleToLongBits(x) * 0x9E3779B97F4A7C15L;
        h = (h ^ Double.doubleToLongBits(tx)) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ Double.doubleToLongBits(t)) * 0x165667B19E3779F9L;
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return (int) (h ^ (h >>> 33));
    }

    /** Sorted and without repeats; not DoubleStream.distinct, which boxes every value into a hash set. */
    private static double[] distinct(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (double v : sorted) {
            if (n == 0 || v != sorted[n - 1]) {
                sorted[n++] = v;
            }
        }
        return Arrays.copyOf(sorted, n);
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
