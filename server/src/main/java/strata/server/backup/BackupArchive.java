package strata.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup file of an embedded (H2) server: one zip holding
 * <ul>
 *   <li>{@code strata-backup.properties}: format version, when, from which H2 version;</li>
 *   <li>{@code db/strata.mv.db}: the database, copied online by H2's {@code BACKUP TO} (transactionally consistent: it
 *       holds the commits made before the copy started, none of the later ones);</li>
 *   <li>{@code imports/<id>/rejected.csv}: each import's rejected rows, which the API serves beside the database.</li>
 * </ul>
 * The uploaded files themselves are left out: their rows are in the database, and they are the bulk of the folder.
 */
final class BackupArchive {
  static final String MANIFEST = "strata-backup.properties";
  static final String FORMAT = "1";
  static final String DB_FOLDER = "db/";
  static final String IMPORTS_FOLDER = "imports/";
  static final String REJECTED_CSV = "rejected.csv";

  private BackupArchive() {}

  /**
   * Writes a backup of the H2 database behind {@code h2} and the rejected-rows files under {@code data} to
   * {@code target}. The file appears under its name only when complete (it is written beside it and then moved).
   *
   * @return the backup's size in bytes
   */
  static long write(Connection h2, Path data, Path target, Instant now) {
    Path dbCopy = target.resolveSibling(target.getFileName() + ".h2.part");
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.createDirectories(target.getParent());
      try (Statement s = h2.createStatement()) {
        s.execute("BACKUP TO '" + dbCopy.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      try (OutputStream out = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(MANIFEST));
        manifest(h2, now).store(zip, "Strata backup; restore with: ./strata restore --from <this file> --data <folder>");
        zip.closeEntry();
        copyDatabase(dbCopy, zip);
        for (Path rejected : rejectedRows(data)) {
          zip.putNextEntry(new ZipEntry(IMPORTS_FOLDER + data.resolve("imports").relativize(rejected)
              .toString().replace('\\', '/')));
          Files.copy(rejected, zip);
          zip.closeEntry();
        }
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return Files.size(target);
    } catch (SQLException e) {
      throw new BackupException("H2 could not back up the database: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backup " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(dbCopy);
      deleteQuietly(part);
    }
  }

  private static Properties manifest(Connection h2, Instant now) throws SQLException {
    Properties p = new Properties();
    p.setProperty("format", FORMAT);
    p.setProperty("createdAt", now.toString());
    p.setProperty("h2", h2.getMetaData().getDatabaseProductVersion());
    return p;
  }

  /** H2's own zip holds the database file by its bare name; ours keeps it under db/, where the server looks. */
  private static void copyDatabase(Path h2Zip, ZipOutputStream zip) throws IOException {
    try (ZipFile in = new ZipFile(h2Zip.toFile())) {
      List<? extends ZipEntry> entries = in.stream().filter(e -> !e.isDirectory()).toList();
      if (entries.isEmpty()) throw new BackupException("H2 wrote an empty backup");
      for (ZipEntry e : entries) {
        zip.putNextEntry(new ZipEntry(DB_FOLDER + e.getName()));
        try (InputStream content = in.getInputStream(e)) {
          content.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
  }

  private static List<Path> rejectedRows(Path data) throws IOException {
    Path imports = data.resolve("imports");
    if (!Files.isDirectory(imports)) return List.of();
    try (Stream<Path> files = Files.walk(imports, 2)) {
      return files.filter(f -> f.getFileName().toString().equals(REJECTED_CSV) && Files.isRegularFile(f))
          .sorted()
          .toList();
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover .part file is harmless and named as such
    }
  }
}
