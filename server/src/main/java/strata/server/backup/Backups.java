package strata.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import strata.server.api.Conflict;
import strata.server.api.NotFound;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;

/**
 * Online backups of the embedded database into {@code ${strata.data}/backups/strata-<UTC time>.zip}, taken while the
 * server runs. A PostgreSQL server is backed up with PostgreSQL's own tools instead (README, "Backup and restore").
 */
@Service
public class Backups {
  /** A backup file on the server. */
  public record BackupFile(String name, long bytes, Instant createdAt) {}

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Pattern NAME = Pattern.compile("strata-\\d{8}-\\d{6}(-\\d+)?\\.zip");

  private final DataSource dataSource;
  private final Audited audited;
  private final Path data;
  private final Path folder;
  private final Clock clock = Clock.systemUTC();

  Backups(DataSource dataSource, Audited audited, @Value("${strata.data}") String dataDir) {
    this.dataSource = dataSource;
    this.audited = audited;
    this.data = Path.of(dataDir).toAbsolutePath();
    this.folder = data.resolve("backups");
  }

  /**
   * Backs up the database now, while it keeps serving; one backup at a time.
   *
   * @throws Conflict when the database is not the embedded H2 (PostgreSQL: use pg_dump)
   */
  public synchronized BackupFile create(String username) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      if (!"H2".equals(product)) {
        throw new Conflict("this server stores its data in " + product + ", which Strata does not back up itself; "
            + "on PostgreSQL use pg_dump -Fc (and pg_restore to restore), as the README's 'Backup and restore' shows");
      }
      Path target = freeName(now);
      long bytes = BackupArchive.write(c, data, target, now);
      BackupFile file = new BackupFile(target.getFileName().toString(), bytes, now);
      audited.record(username, "backup", AuditDetail.of("backup", "file", file.name(), "bytes", bytes));
      return file;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database for a backup: " + e.getMessage(), e);
    }
  }

  /** The backups on the server, newest first. */
  public List<BackupFile> list() {
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
          .map(Backups::describe)
          .sorted(Comparator.comparing(BackupFile::createdAt).thenComparing(BackupFile::name).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * A backup file to download, by its name; the download is audited.
   *
   * @throws NotFound for a name that is not one of {@link #list}
   */
  public Path file(String name, String username) {
    Path file = folder.resolve(name);
    if (!NAME.matcher(name).matches() || !Files.isRegularFile(file)) throw new NotFound("no backup " + name);
    audited.record(username, "backup_downloaded", AuditDetail.of("backup_downloaded", "file", name));
    return file;
  }

  private Path freeName(Instant now) {
    String stamp = "strata-" + STAMP.format(now);
    Path target = folder.resolve(stamp + ".zip");
    for (int n = 2; Files.exists(target); n++) target = folder.resolve(stamp + "-" + n + ".zip");
    return target;
  }

  private static BackupFile describe(Path f) {
    try {
      return new BackupFile(f.getFileName().toString(), Files.size(f), Files.getLastModifiedTime(f).toInstant());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }
}
