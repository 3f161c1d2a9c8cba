package strata.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Rows of an output file formatted in parallel chunks and written in order: formatting, not I/O, bounds writing
 * customers.csv and rfm.csv. Each round of chunks is written while the next is formatted into the other of two sets.
 */
final class OrderedChunks {
  /** A reusable formatter of rows {@code from} (inclusive) to {@code to} into its own buffer. */
  interface Chunk {
    Utf8Builder format(int from, int to);
  }

  private OrderedChunks() {}

  /**
   * @param chunks makes one formatter; up to 4 × the processors are made, each reused chunk after chunk, and no more
   *     than the rows need: each holds a buffer of megabytes, and on a 1,000-row file making all eight was a tenth of
   *     the run (bench/README.md, "Small files: start-up")
   */
  static void write(OutputStream out, int rows, int rowsPerChunk, Supplier<Chunk> chunks) throws IOException {
    int count = (rows + rowsPerChunk - 1) / rowsPerChunk;
    int round = Math.max(1, Runtime.getRuntime().availableProcessors()) * 2;
    Chunk[][] sets = new Chunk[2][round];
    Utf8Builder[][] formatted = new Utf8Builder[2][round];
    CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      for (int first = 0; first < count; first += round) {
        int from = first;
        int n = Math.min(round, count - first);
        int s = first / round % 2;
        for (int k = 0; k < n; k++) if (sets[s][k] == null) sets[s][k] = chunks.get();
        IntStream.range(0, n).parallel().forEach(k -> formatted[s][k] =
            sets[s][k].format((from + k) * rowsPerChunk, Math.min(rows, (from + k + 1) * rowsPerChunk)));
        writing.join();
        writing = CompletableFuture.runAsync(() -> {
          try {
            for (int k = 0; k < n; k++) formatted[s][k].writeTo(out);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, writer);
      }
      writing.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
      throw e;
    } finally {
      writer.shutdown();
    }
  }
}
