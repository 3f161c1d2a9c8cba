package strata.server.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rows parsed on a reading thread, stored on the calling thread. Core's intake hands rows over on its own thread,
 * but an import's database transaction belongs to the thread that began it: chunks cross over through a short
 * queue, so parsing the next chunk overlaps with storing this one, and every store joins the one transaction.
 */
final class ChunkHandoff<T> {
  private static final int QUEUED_CHUNKS = 2;
  private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
  private final List<T> end = new ArrayList<>(0);
  private final int chunkSize;
  private volatile boolean abandoned;
  private List<T> chunk;

  private ChunkHandoff(int chunkSize) {
    this.chunkSize = chunkSize;
    this.chunk = new ArrayList<>(chunkSize);
  }

  /**
   * Runs {@code read} on a new thread with a sink for its rows and hands each full chunk to {@code store} here.
   *
   * @return what {@code read} returned
   * @throws RuntimeException what {@code read} or {@code store} threw, unwrapped
   */
  static <T, R> R run(int chunkSize, Function<Consumer<T>, R> read, Consumer<List<T>> store) {
    ChunkHandoff<T> h = new ChunkHandoff<>(chunkSize);
    CompletableFuture<R> reading = CompletableFuture.supplyAsync(h.reader(read), r -> {
      Thread t = new Thread(r, "strata-import-read");
      t.setDaemon(true);
      t.start();
    });
    try {
      for (List<T> c = h.take(); c != h.end; c = h.take()) store.accept(c);
    } catch (RuntimeException | Error e) {
      h.abandoned = true;
      throw e;
    }
    try {
      return reading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  private <R> Supplier<R> reader(Function<Consumer<T>, R> read) {
    return () -> {
      try {
        R result = read.apply(this::add);
        if (!chunk.isEmpty()) put(chunk);
        return result;
      } finally {
        put(end);
      }
    };
  }

  private void add(T row) {
    chunk.add(row);
    if (chunk.size() == chunkSize) {
      put(chunk);
      chunk = new ArrayList<>(chunkSize);
    }
  }

  /** Waits for room; gives up when the storing side failed, so the reader never waits forever. */
  private void put(List<T> c) {
    try {
      while (!queue.offer(c, 100, TimeUnit.MILLISECONDS)) {
        if (abandoned) throw new CancellationException("the import stopped storing rows");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    }
  }

  private List<T> take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    }
  }
}
