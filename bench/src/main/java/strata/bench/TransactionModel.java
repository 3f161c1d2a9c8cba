package strata.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The made-up shop behind {@link GenerateTransactions}: who buys, when, and how much.
 *
 * <p>Every customer has exactly one "first" order, placed at a pseudo-random row of the file, so
 * the file holds exactly {@code customers} distinct ids. The remaining rows go to the repeat
 * buyers only, drawn with a heavy skew (a few buy very often, most rarely). A fixed share of
 * customers never comes back, as in real retail logs where about half the customers buy once.
 *
 * <p>Rows are generated in chunks; a chunk's content depends only on the seed and its index, so
 * the output is the same whatever the number of threads.
 */
final class TransactionModel {

    static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
    /** 2022-01-01 .. 2024-12-31. */
    static final int DAYS = 1096;
    static final double ONE_TIME_SHARE = 0.3;
    static final double REFUND_SHARE = 0.01;
    private static final double MEAN_LIFETIME_DAYS = 400;

    private final long rows;
    private final int customers;
    private final long seed;
    private final int repeatBuyers;
    private final RowPermutation firstOrderRow;
    private final RowPermutation idScramble;
    private final AliasTable repeatBuyer;
    private final float[] spendLevel;   // mean of log(amount), per customer
    private final short[] firstDay;     // days since FIRST_DAY
    private final short[] activeDays;   // window length in days, first day included
    private final byte[][] dateText = new byte[DAYS][];
    private final int idDigits;

    TransactionModel(long rows, int customers, long seed) {
        if (customers < 1) {
            throw new IllegalArgumentException("--customers must be at least 1, got " + customers);
        }
        if (rows < customers) {
            throw new IllegalArgumentException("--rows (" + rows + ") must be at least --customers ("
                    + customers + "): every customer places at least one order");
        }
        if (rows > 3_000_000_000L) {
            throw new IllegalArgumentException("--rows above 3e9 is not supported, got " + rows);
        }
        this.rows = rows;
        this.customers = customers;
        this.seed = seed;
        this.repeatBuyers = Math.max(1, (int) Math.round(customers * (1 - ONE_TIME_SHARE)));
        this.firstOrderRow = new RowPermutation(rows, seed);
        this.idScramble = new RowPermutation(customers, seed ^ 0x5DEECE66DL);
        this.spendLevel = new float[customers];
        this.firstDay = new short[customers];
        this.activeDays = new short[customers];
        this.idDigits = Math.max(7, Long.toString(customers - 1L).length());
        this.repeatBuyer = drawCustomers();
        for (int day = 0; day < DAYS; day++) {
            dateText[day] = FIRST_DAY.plusDays(day).toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Draws each customer's traits; returns the sampler of repeat buyers by purchase rate. */
    private AliasTable drawCustomers() {
        SplittableRandom random = new SplittableRandom(seed);
        double[] purchaseRate = new double[repeatBuyers];
        for (int c = 0; c < customers; c++) {
            if (c < repeatBuyers) {
                double z = random.nextGaussian();
                purchaseRate[c] = z * z; // gamma(shape 1/2) = chi-square(1) / 2, scale irrelevant
            }
            spendLevel[c] = (float) (Math.log(40) + 0.7 * random.nextGaussian());
            int start = random.nextInt(DAYS);
            int lifetime = (int) (-MEAN_LIFETIME_DAYS * Math.log(1 - random.nextDouble()));
            activeDays[c] = (short) (Math.min(DAYS - 1, start + lifetime) - start + 1);
            firstDay[c] = (short) start;
        }
        return new AliasTable(purchaseRate);
    }

    long rows() {
        return rows;
    }

    /**
     * Writes rows {@code [from, to)} as CSV lines into {@code out}.
     *
     * @return the latest order day written, in days since {@link #FIRST_DAY}
     */
    int writeRows(long from, long to, long chunkIndex, ByteSink out) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + chunkIndex);
        int maxDay = 0;
        for (long row = from; row < to; row++) {
            int customer = customerOfRow(row, random);
            int day = firstDay[customer] + random.nextInt(activeDays[customer]);
            maxDay = Math.max(maxDay, day);
            out.put((byte) 'C').putPadded(idScramble.apply(customer), idDigits).put((byte) ',');
            out.put(dateText[day]).put((byte) ',');
            out.putCents(amountCents(customer, random)).put((byte) '\n');
        }
        return maxDay;
    }

    private int customerOfRow(long row, SplittableRandom random) {
        long position = firstOrderRow.apply(row);
        if (position < customers) {
            return (int) position;
        }
        return repeatBuyer.draw(random);
    }

    private long amountCents(int customer, SplittableRandom random) {
        double amount = Math.exp(spendLevel[customer] + 0.5 * random.nextGaussian());
        long cents = Math.max(1, Math.min(99_999_999L, Math.round(amount * 100)));
        return random.nextDouble() < REFUND_SHARE ? -cents : cents;
    }

    /**
     * A cheap bijection on {@code [0, size)}: {@code (a * x + b) mod size} with {@code a} coprime
     * to {@code size}. Enough to interleave first orders through the file and to keep ids from
     * following activity rank; it is not meant to look random to a statistician.
     */
    static final class RowPermutation {
        private final long size;
        private final long a;
        private final long b;

        RowPermutation(long size, long seed) {
            this.size = size;
            long candidate = Math.max(1, (long) (size * 0.6180339887) | 1);
            while (gcd(candidate, size) != 1) {
                candidate++;
            }
            this.a = candidate % size == 0 ? 1 : candidate % size;
            this.b = Math.floorMod(seed, size);
        }

        long apply(long x) {
            // a, x < 3e9, so a * x < 9e18 fits a long.
            return (a * x + b) % size;
        }

        private static long gcd(long x, long y) {
            return y == 0 ? x : gcd(y, x % y);
        }
    }
}
