package strata.server.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's commands beside {@code serve}, run without starting the server:
 * <pre>
 * strata backup [--url http://localhost:8080] [--token T | env STRATA_TOKEN] [--out DIR|FILE]
 * strata restore --from BACKUP.zip --data NEW_FOLDER
 * </pre>
 * {@code backup} asks a running server for an online backup and downloads it; {@code restore} unpacks one into a new
 * data folder for {@code strata serve --strata.data=NEW_FOLDER}.
 */
public final class BackupCommands {
  static final String USAGE = """
      usage: strata backup [--url http://localhost:8080] [--token TOKEN] [--out DIR|FILE]
               asks the running server for an online backup (admin token; or set STRATA_TOKEN) and downloads it
             strata restore --from BACKUP.zip --data NEW_FOLDER
               unpacks a backup into a new or empty data folder; then: strata serve --strata.data=NEW_FOLDER""";

  private BackupCommands() {}

  /** Whether {@code args} name one of these commands rather than the server's settings. */
  public static boolean handles(String[] args) {
    return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
  }

  /** Runs the command; returns the exit code (0 done, 1 failed, 2 wrong usage), messages on {@code out}/{@code err}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      err.println("strata: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      if (args[0].equals("restore")) restore(options, out);
      else backup(options, out);
      return 0;
    } catch (BackupException | IllegalArgumentException e) {
      err.println("strata: " + e.getMessage());
      return 1;
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("strata: " + e.getMessage());
      return 1;
    }
  }

  private static void restore(Map<String, String> options, PrintStream out) {
    Path from = Path.of(required(options, "from"));
    Path data = Path.of(required(options, "data")).toAbsolutePath();
    Restore.Restored r = Restore.into(from, data);
    out.println("restored the backup of " + r.createdAt() + " into " + r.data() + " (database "
        + r.data().relativize(r.database()) + ", " + r.rejectedRowsFiles() + " rejected-rows files)");
    out.println("start it with: ./strata serve --strata.data=" + r.data());
  }

  private static void backup(Map<String, String> options, PrintStream out) throws IOException {
    String url = options.getOrDefault("url", "http://localhost:8080").replaceAll("/+$", "");
    String token = options.getOrDefault("token", System.getenv("STRATA_TOKEN"));
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("an admin's token is needed: --token, or the STRATA_TOKEN environment "
          + "variable (create an API token in the web UI under admin, or POST /api/v1/tokens)");
    }
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(url + "/api/v1/admin/backups"))
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) throw new BackupException("the server refused the backup: " + problem(created));
    JsonNode file = JsonMapper.builder().build().readTree(created.body());
    String name = file.get("name").asString();
    long bytes = file.get("bytes").asLong();
    Path target = target(options.get("out"), name);
    Path part = target.resolveSibling(target.getFileName() + ".part");
    HttpResponse<Path> downloaded = send(http, HttpRequest.newBuilder(URI.create(url + "/api/v1/admin/backups/" + name))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofFile(part));
    if (downloaded.statusCode() != 200 || Files.size(part) != bytes) {
      Files.deleteIfExists(part);
      throw new BackupException("the download of " + name + " failed (" + downloaded.statusCode() + "); the server "
          + "keeps it in its data folder under backups/");
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    out.println("backup " + name + " (" + bytes + " bytes) saved to " + target
        + "; the server keeps a copy in its data folder under backups/");
  }

  private static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException {
    try {
      return http.send(request, body);
    } catch (ConnectException e) {
      throw new BackupException("cannot connect to " + request.uri().resolve("/") + "; is the server running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException("interrupted", e);
    }
  }

  private static String problem(HttpResponse<String> r) {
    try {
      JsonNode detail = JsonMapper.builder().build().readTree(r.body()).get("detail");
      if (detail != null) return r.statusCode() + " " + detail.asString();
    } catch (RuntimeException e) {
      // not a problem detail: the status says enough
    }
    return Integer.toString(r.statusCode());
  }

  private static Path target(String out, String name) throws IOException {
    if (out == null) return Path.of(name).toAbsolutePath();
    Path p = Path.of(out).toAbsolutePath();
    if (Files.isDirectory(p)) return p.resolve(name);
    Files.createDirectories(p.getParent());
    return p;
  }

  /** {@code --name value} and {@code --name=value} after the command word. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
      int eq = a.indexOf('=');
      if (eq > 0) {
        options.put(a.substring(2, eq), a.substring(eq + 1));
      } else {
        if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
        options.put(a.substring(2), args[++i]);
      }
    }
    var known = args[0].equals("restore") ? java.util.Set.of("from", "data") : java.util.Set.of("url", "token", "out");
    for (String name : options.keySet()) {
      if (!known.contains(name)) throw new IllegalArgumentException("unknown option --" + name + " for " + args[0]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String v = options.get(name);
    if (v == null || v.isBlank()) throw new IllegalArgumentException("--" + name + " is required");
    return v;
  }
}
