package strata.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.h2.mvstore.MVStore;

/**
 * Restores a backup ({@link BackupArchive}) into a new data folder, for {@code ./strata restore}. It never writes into
 * a folder that holds anything: a restore that replaced a live database by mistake would be the worst kind of data
 * loss. On any failure the folder is left as it was found.
 */
public final class Restore {
  /** What was restored: the folder, its database file and how many rejected-rows files came with it. */
  public record Restored(Path data, Path database, int rejectedRowsFiles, String createdAt) {}

  private Restore() {}

  /**
   * Unpacks {@code backup} into {@code data} and checks that the database opens.
   *
   * @throws BackupException when the folder is not empty, the file is not a Strata backup, or it is damaged
   */
  public static Restored into(Path backup, Path data) {
    requireEmpty(data);
    Properties manifest = checkArchive(backup);
    boolean created = !Files.exists(data);
    try {
      Files.createDirectories(data);
      int rejected = unpack(backup, data);
      Path database = databaseFile(data, backup);
      checkOpens(database, backup);
      return new Restored(data, database, rejected, manifest.getProperty("createdAt", "?"));
    } catch (IOException e) {
      clear(data, created);
      throw new UncheckedIOException("cannot restore into " + data + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      clear(data, created);
      throw e;
    }
  }

  private static void requireEmpty(Path data) {
    if (!Files.exists(data)) return;
    if (!Files.isDirectory(data)) throw new BackupException(data + " is a file; restore into a new or empty folder");
    try (Stream<Path> entries = Files.list(data)) {
      if (entries.findAny().isPresent()) {
        throw new BackupException(data + " is not empty; restore into a new or empty folder "
            + "(a restore never overwrites a data folder)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + data + ": " + e.getMessage(), e);
    }
  }

  /** Reads the central directory and the manifest: a truncated or foreign file fails here, before anything is written. */
  private static Properties checkArchive(Path backup) {
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      ZipEntry entry = zip.getEntry(BackupArchive.MANIFEST);
      if (entry == null) {
        throw new BackupException(backup + " is not a Strata backup (it has no " + BackupArchive.MANIFEST + ")");
      }
      Properties manifest = new Properties();
      try (InputStream in = zip.getInputStream(entry)) {
        manifest.load(in);
      }
      if (!BackupArchive.FORMAT.equals(manifest.getProperty("format"))) {
        throw new BackupException(backup + " is a backup of format '" + manifest.getProperty("format")
            + "'; this Strata restores format " + BackupArchive.FORMAT);
      }
      return manifest;
    } catch (NoSuchFileException e) {
      throw new BackupException(backup + ": no such file");
    } catch (ZipException e) {
      throw damaged(backup, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + backup + ": " + e.getMessage(), e);
    }
  }

  /** Streams every entry out; the zip stream checks each entry's CRC-32 and length, so damage inside is caught. */
  private static int unpack(Path backup, Path data) throws IOException {
    int rejected = 0;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory() || e.getName().equals(BackupArchive.MANIFEST)) continue;
        Path file = data.resolve(e.getName()).normalize();
        boolean known = e.getName().startsWith(BackupArchive.DB_FOLDER)
            || e.getName().startsWith(BackupArchive.IMPORTS_FOLDER);
        if (!known || !file.startsWith(data.normalize())) {
          throw new BackupException(backup + " holds an unexpected entry '" + e.getName() + "'; it is not a Strata backup");
        }
        Files.createDirectories(file.getParent());
        Files.copy(zip, file);
        if (file.getFileName().toString().equals(BackupArchive.REJECTED_CSV)) rejected++;
      }
    } catch (ZipException | java.io.EOFException e) {
      throw damaged(backup, e);
    }
    return rejected;
  }

  private static Path databaseFile(Path data, Path backup) throws IOException {
    Path db = data.resolve(BackupArchive.DB_FOLDER);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(db)) {
      try (Stream<Path> all = Files.list(db)) {
        all.filter(f -> f.getFileName().toString().endsWith(".mv.db")).forEach(files::add);
      }
    }
    if (files.size() != 1) throw new BackupException(backup + " holds no database (db/*.mv.db); it is not a Strata backup");
    return files.get(0);
  }

  /** Opens the store read-only: its header and last chunk must be readable, or the server would not start on it. */
  private static void checkOpens(Path database, Path backup) {
    try {
      MVStore store = new MVStore.Builder().fileName(database.toString()).readOnly().open();
      store.close();
    } catch (RuntimeException e) {
      throw new BackupException(backup + " is damaged: its database does not open (" + e.getMessage() + ")", e);
    }
  }

  private static BackupException damaged(Path backup, Exception e) {
    return new BackupException(backup + " is damaged or incomplete (" + e.getMessage() + "); "
        + "copy it again or use another backup", e);
  }

  /** Removes what was unpacked; the folder itself only if the restore created it. */
  private static void clear(Path data, boolean created) {
    if (!Files.exists(data)) return;
    try (Stream<Path> all = Files.walk(data)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        if (created || !p.equals(data)) Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: the message of the failure that brought us here matters more
    }
  }
}
