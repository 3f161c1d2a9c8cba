package strata.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a synthetic transaction export {@code customer_id,order_date,amount} for benchmarks:
 * one row per order, customers interleaved, about 1 % refunds (negative amounts), skewed activity.
 * Prints {@code max_date=yyyy-MM-dd} on stdout so a harness can pick the as-of date.
 */
@Command(name = "generate-transactions", mixinStandardHelpOptions = true,
        description = "Writes a synthetic customer_id,order_date,amount CSV.")
public final class GenerateTransactions implements java.util.concurrent.Callable<Integer> {

    static final int CHUNK_ROWS = 1 << 18;

    @Option(names = "--rows", required = true, description = "Number of order rows.")
    long rows;

    @Option(names = "--customers", required = true, description = "Number of distinct customers.")
    int customers;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Output CSV file.")
    Path out;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateTransactions()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        TransactionModel model;
        try {
            model = new TransactionModel(rows, customers, seed);
        } catch (IllegalArgumentException e) {
            System.err.println("generate-transactions: " + e.getMessage());
            return 2;
        }
        LocalDate maxDate = write(model, out, threads);
        System.out.println("max_date=" + maxDate);
        return 0;
    }

    /**
     * Generates all rows of {@code model} into {@code file}, chunks in parallel, written in order.
     *
     * @return the latest order date in the file
     * @throws IOException if the file cannot be written
     */
    static LocalDate write(TransactionModel model, Path file, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        long chunks = (model.rows() + CHUNK_ROWS - 1) / CHUNK_ROWS;
        int maxDay = 0;
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            stream.write("customer_id,order_date,amount\n".getBytes(StandardCharsets.US_ASCII));
            // Bounded look-ahead keeps memory at a few chunks while the writer drains them in order.
            Deque<Future<Chunk>> pending = new ArrayDeque<>();
            for (long next = 0; next < chunks || !pending.isEmpty(); ) {
                while (next < chunks && pending.size() < 2 * threads + 1) {
                    long index = next++;
                    pending.add(pool.submit(() -> generate(model, index)));
                }
                Chunk chunk = await(pending.poll());
                chunk.text().writeTo(stream);
                maxDay = Math.max(maxDay, chunk.maxDay());
            }
        } finally {
            pool.shutdownNow();
        }
        return TransactionModel.FIRST_DAY.plusDays(maxDay);
    }

    private static Chunk generate(TransactionModel model, long index) {
        long from = index * CHUNK_ROWS;
        long to = Math.min(model.rows(), from + CHUNK_ROWS);
        ByteSink text = new ByteSink(CHUNK_ROWS * 32);
        int maxDay = model.writeRows(from, to, index, text);
        return new Chunk(text, maxDay);
    }

    private static Chunk await(Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating", e);
        } catch (ExecutionException e) {
            throw new IOException("generation failed: " + e.getCause(), e.getCause());
        }
    }

    private record Chunk(ByteSink text, int maxDay) {
    }
}
