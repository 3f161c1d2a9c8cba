package strata.bench.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Answers survey links at a fixed rate, open loop (as wrk2 does; Debian has no wrk2, and wrk and hey send one request
 * over and over while every answer needs its own single-use link): answer i is due at {@code i / rate} seconds, and
 * its latency counts from that moment, so a server that falls behind shows it in the percentiles instead of slowing
 * the sender (no coordinated omission). JDK only, so it runs from source without a build:
 * <pre>java bench/src/main/java/strata/bench/server/SurveyLoad.java BASE_URL LINKS_FILE FIRST RATE SECONDS CONNECTIONS</pre>
 * LINKS_FILE has one page path ({@code /s/<token>}) a line; answers use lines FIRST to FIRST + RATE * SECONDS - 1. At
 * most CONNECTIONS answers are in flight (wrk2's connections): an answer due while all are busy waits for one, and
 * its wait counts in its latency.
 * Prints one line: {@code sent ok other errors seconds rate p50_ms p90_ms p99_ms max_ms}; errors are failed
 * requests (30 s timeout) and those unanswered a minute after the last was due.
 */
public final class SurveyLoad {
  private SurveyLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: SurveyLoad BASE_URL LINKS_FILE FIRST RATE SECONDS CONNECTIONS");
      System.exit(2);
    }
    String base = args[0];
    List<String> paths = Files.readAllLines(Path.of(args[1]));
    int first = Integer.parseInt(args[2]);
    double rate = Double.parseDouble(args[3]);
    int count = (int) Math.round(rate * Double.parseDouble(args[4]));
    Semaphore connections = new Semaphore(Integer.parseInt(args[5]));
    if (first + count > paths.size()) throw new IllegalArgumentException("only " + paths.size() + " links");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    AtomicLongArray latency = new AtomicLongArray(count);
    long[] dueAt = new long[count];
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(count);
    long start = System.nanoTime() + 200_000_000L;
    for (int i = 0; i < count; i++) {
      long due = start + (long) (i * 1e9 / rate);
      dueAt[i] = due;
      long wait = due - System.nanoTime();
      if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
      connections.acquire();
      int n = i;
      String body = "nps=" + (i % 11) + "&comment=bench";
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.get(first + i)))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
        latency.set(n, System.nanoTime() - due);
        connections.release();
        if (e != null) errors.incrementAndGet();
        else if (r.statusCode() == 200) ok.incrementAndGet();
        else other.incrementAndGet();
        done.countDown();
      });
    }
    done.await(60, TimeUnit.SECONDS);
    long end = System.nanoTime();
    double seconds = (end - start) / 1e9;
    // Answers still unanswered a minute after the last was sent count as errors, at least as late as now.
    long[] sorted = new long[count];
    for (int i = 0; i < count; i++) {
      sorted[i] = latency.get(i);
      if (sorted[i] == 0) {
        sorted[i] = end - dueAt[i];
        errors.incrementAndGet();
      }
    }
    Arrays.sort(sorted);
    System.out.printf("%d %d %d %d %.1f %.1f %.1f %.1f %.1f %.1f%n", count, ok.get(), other.get(), errors.get(),
        seconds, ok.get() / seconds, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[count - 1] / 1e6);
    System.exit(0);
  }

  /** The q-quantile in milliseconds (nearest rank). */
  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
