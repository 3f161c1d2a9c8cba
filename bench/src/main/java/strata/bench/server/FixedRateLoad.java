package strata.bench.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Requests at a fixed rate, open loop, as wrk2 does (Debian packages no wrk2; wrk and hey send the next request only
 * when one returns): request i is due at {@code i / rate} seconds, and its latency counts from that moment, so a
 * server that falls behind shows it in the percentiles instead of slowing the sender (no coordinated omission). JDK
 * only, so it runs from source without a build:
 * <pre>java bench/src/main/java/strata/bench/server/FixedRateLoad.java [options] \
 *     BASE_URL PATHS_FILE FIRST RATE SECONDS CONNECTIONS</pre>
 * PATHS_FILE has one path a line (with its query); requests use lines FIRST, FIRST + 1, … in turn. Options:
 * {@code --header 'Name: value'} (repeatable) adds a header; {@code --cycle} starts again at the file's top when the
 * lines run out (a file of random requests for GETs); {@code --survey-answer} POSTs a survey answer to each line (a
 * single-use link, so the file must have enough lines); {@code --warm-up S} sends S seconds of requests first and
 * counts none of them (the driver's own start); {@code --slow MS FILE} writes the requests slower than MS
 * milliseconds to FILE (wall-clock time it was due, latency, path), to set the tail beside the server's and the
 * database's logs. At most CONNECTIONS requests are in flight (wrk2's
 * connections): one due while all are busy waits for one, and its wait counts in its latency.
 * Prints one line: {@code sent ok other errors seconds rate p50_ms p90_ms p99_ms max_ms}; ok is a 2xx answer, errors
 * are failed requests (30 s timeout) and those unanswered a minute after the last was due.
 */
public final class FixedRateLoad {
  private FixedRateLoad() {}

  public static void main(String[] argv) throws Exception {
    List<String> headers = new ArrayList<>();
    boolean cycle = false;
    boolean answer = false;
    double slowMs = Double.MAX_VALUE;
    double warmUp = 0;
    Path slowFile = null;
    List<String> args = new ArrayList<>(Arrays.asList(argv));
    while (!args.isEmpty() && args.get(0).startsWith("--")) {
      String option = args.remove(0);
      switch (option) {
        case "--header" -> headers.add(args.remove(0));
        case "--cycle" -> cycle = true;
        case "--survey-answer" -> answer = true;
        case "--warm-up" -> warmUp = Double.parseDouble(args.remove(0));
        case "--slow" -> {
          slowMs = Double.parseDouble(args.remove(0));
          slowFile = Path.of(args.remove(0));
        }
        default -> usage("unknown option " + option);
      }
    }
    if (args.size() != 6) usage("six arguments expected");
    String base = args.get(0);
    List<String> paths = Files.readAllLines(Path.of(args.get(1))).stream().filter(l -> !l.isBlank()).toList();
    int first = Integer.parseInt(args.get(2));
    double rate = Double.parseDouble(args.get(3));
    // The first --warm-up seconds are sent and not counted: this JVM's own start (its JIT, 64 new connections) held
    // the requests due in its first second, in every pass alike, whatever the server (bench/README.md "Fixed rate").
    int skip = (int) Math.round(rate * warmUp);
    int count = skip + (int) Math.round(rate * Double.parseDouble(args.get(4)));
    Semaphore connections = new Semaphore(Integer.parseInt(args.get(5)));
    if (paths.isEmpty() || (!cycle && first + count > paths.size())) {
      throw new IllegalArgumentException(
          "only " + paths.size() + " paths for " + count + " requests from line " + first);
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    AtomicLongArray latency = new AtomicLongArray(count);
    long[] dueAt = new long[count];
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(count);
    long start = System.nanoTime() + 200_000_000L;
    long startWall = System.currentTimeMillis() + 200;
    for (int i = 0; i < count; i++) {
      long due = start + (long) (i * 1e9 / rate);
      dueAt[i] = due;
      long wait = due - System.nanoTime();
      if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
      connections.acquire();
      int n = i;
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + paths.get((first + i) % paths.size())))
          .timeout(Duration.ofSeconds(30));
      for (String h : headers) {
        int colon = h.indexOf(':');
        request.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
      }
      if (answer) {
        request.header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("nps=" + (i % 11) + "&comment=bench"));
      }
      // The body is read to its end (discarding() does), so a request's latency includes receiving its answer.
      client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
        latency.set(n, System.nanoTime() - due);
        connections.release();
        if (n < skip) {
          // a warm-up request: not counted
        } else if (e != null) {
          errors.incrementAndGet();
        } else if (r.statusCode() / 100 == 2) {
          ok.incrementAndGet();
        } else {
          other.incrementAndGet();
        }
        done.countDown();
      });
    }
    done.await(60, TimeUnit.SECONDS);
    long end = System.nanoTime();
    int measured = count - skip;
    double seconds = (end - dueAt[skip]) / 1e9;
    // Requests still unanswered a minute after the last was sent count as errors, at least as late as now.
    long[] taken = new long[measured];
    for (int i = skip; i < count; i++) {
      taken[i - skip] = latency.get(i);
      if (taken[i - skip] == 0) {
        taken[i - skip] = end - dueAt[i];
        errors.incrementAndGet();
      }
    }
    if (slowFile != null) {
      List<String> slow = new ArrayList<>();
      for (int i = skip; i < count; i++) {
        if (taken[i - skip] / 1e6 > slowMs) {
          slow.add(java.time.Instant.ofEpochMilli(startWall + (dueAt[i] - start) / 1_000_000) + " "
              + String.format(java.util.Locale.ROOT, "%.1f", taken[i - skip] / 1e6) + " "
              + paths.get((first + i) % paths.size()));
        }
      }
      Files.write(slowFile, slow);
    }
    long[] sorted = taken.clone();
    Arrays.sort(sorted);
    System.out.printf("%d %d %d %d %.1f %.1f %.1f %.1f %.1f %.1f%n", measured, ok.get(), other.get(), errors.get(),
        seconds, ok.get() / seconds, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[measured - 1] / 1e6);
    System.exit(0);
  }

  private static void usage(String why) {
    System.err.println("FixedRateLoad: " + why + "\nusage: FixedRateLoad [--header 'Name: value']... [--cycle]"
        + " [--survey-answer] [--warm-up S] [--slow MS FILE]\n    BASE_URL PATHS_FILE FIRST RATE SECONDS CONNECTIONS");
    System.exit(2);
  }

  /** The q-quantile in milliseconds (nearest rank). */
  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
