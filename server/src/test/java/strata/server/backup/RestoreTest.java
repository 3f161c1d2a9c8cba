package strata.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup file format and the restore's refusals, on a small H2 database of their own (no server). */
class RestoreTest {
  @TempDir
  Path dir;
  private Path backup;

  /** A data folder like the server's: db/strata.mv.db with two customers, and one import's rejected rows. */
  @BeforeEach
  void backUpASmallDataFolder() throws Exception {
    Path data = dir.resolve("data");
    try (Connection c = DriverManager.getConnection(url(data), "strata", "")) {
      c.createStatement().execute("create table customer (id varchar primary key, name varchar)");
      c.createStatement().execute("insert into customer values ('C1', '甲公司'), ('C2', 'Beta Ltd')");
      Files.createDirectories(data.resolve("imports/7"));
      Files.writeString(data.resolve("imports/7/rejected.csv"), "line,reason\n3,bad_date\n");
      Files.writeString(data.resolve("imports/7/upload.csv"), "not kept\n");
      backup = dir.resolve("strata-20260101-000000.zip");
      long bytes = BackupArchive.write(c, data, backup, Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(bytes).isEqualTo(Files.size(backup));
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data",
        "strata-20260101-000000.zip"); // no .part files left behind
  }

  @Test
  void restoresTheDatabaseAndRejectedRowsIntoANewFolder() throws Exception {
    Path target = dir.resolve("restored");
    Restore.Restored r = Restore.into(backup, target);
    assertThat(r.database()).isEqualTo(target.resolve("db/strata.mv.db"));
    assertThat(r.rejectedRowsFiles()).isEqualTo(1);
    assertThat(r.createdAt()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(Files.readString(target.resolve("imports/7/rejected.csv"))).isEqualTo("line,reason\n3,bad_date\n");
    assertThat(target.resolve("imports/7/upload.csv")).doesNotExist();
    try (Connection c = DriverManager.getConnection(url(target), "strata", "");
        ResultSet rs = c.createStatement().executeQuery("select string_agg(id || '=' || name, ',' order by id) "
            + "from customer")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("C1=甲公司,C2=Beta Ltd");
    }
  }

  @Test
  void restoresIntoAnEmptyExistingFolder() throws Exception {
    Path target = Files.createDirectories(dir.resolve("empty"));
    Restore.into(backup, target);
    assertThat(target.resolve("db/strata.mv.db")).isRegularFile();
  }

  @Test
  void refusesAFolderThatHoldsAnything() throws Exception {
    Path target = Files.createDirectories(dir.resolve("used"));
    Files.writeString(target.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> Restore.into(backup, target)).isInstanceOf(BackupException.class)
        .hasMessageContaining("is not empty").hasMessageContaining("never overwrites");
    assertThat(Files.list(target).map(p -> p.getFileName().toString())).containsExactly("notes.txt");
  }

  @Test
  void aTruncatedBackupIsDamagedAndLeavesNothingBehind() throws Exception {
    byte[] whole = Files.readAllBytes(backup);
    Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Path target = dir.resolve("restored");
    assertThatThrownBy(() -> Restore.into(truncated, target)).isInstanceOf(BackupException.class)
        .hasMessageContaining("truncated.zip is damaged or incomplete");
    assertThat(target).doesNotExist();
  }

  @Test
  void aBackupDamagedInsideFailsItsChecksumAndLeavesTheFolderEmpty() throws Exception {
    byte[] bytes = Files.readAllBytes(backup);
    int db = indexOf(bytes, "db/strata.mv.db".getBytes(StandardCharsets.US_ASCII));
    for (int i = db + 200; i < db + 240; i++) bytes[i] ^= 0x5A; // inside the database entry's compressed data
    Path damaged = Files.write(dir.resolve("damaged.zip"), bytes);
    Path target = Files.createDirectories(dir.resolve("restored"));
    assertThatThrownBy(() -> Restore.into(damaged, target)).isInstanceOf(BackupException.class)
        .hasMessageContaining("damaged.zip is damaged or incomplete");
    assertThat(target).isEmptyDirectory();
  }

  @Test
  void aZipThatIsNotAStrataBackupIsNamedAsSuch() throws Exception {
    Path other = dir.resolve("photos.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(other))) {
      zip.putNextEntry(new ZipEntry("strata.mv.db")); // H2's own BACKUP TO file, not ours
      zip.write(new byte[] {1, 2, 3});
    }
    assertThatThrownBy(() -> Restore.into(other, dir.resolve("a"))).isInstanceOf(BackupException.class)
        .hasMessageContaining("is not a Strata backup");
    Path text = Files.writeString(dir.resolve("notes.zip"), "hello");
    assertThatThrownBy(() -> Restore.into(text, dir.resolve("b"))).isInstanceOf(BackupException.class)
        .hasMessageContaining("is damaged or incomplete");
    assertThatThrownBy(() -> Restore.into(dir.resolve("missing.zip"), dir.resolve("c")))
        .hasMessageContaining("missing.zip: no such file");
  }

  @Test
  void theRestoreCommandPrintsOneLineErrorsAndUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(BackupCommands.run(new String[] {"restore", "--from", backup.toString()}, o, e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("strata: --data is required\n");
    err.reset();
    assertThat(BackupCommands.run(new String[] {"restore", "--into", "x"}, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("strata: unknown option --into for restore\nusage:");
    Path target = dir.resolve("cmd");
    assertThat(BackupCommands.run(new String[] {"restore", "--from=" + backup, "--data=" + target}, o, e))
        .isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("restored the backup of 2026-01-01T00:00:00Z into "
        + target.toAbsolutePath()).contains("./strata serve --strata.data=" + target.toAbsolutePath());
  }

  private static String url(Path data) {
    return "jdbc:h2:file:" + data.toAbsolutePath() + "/db/strata;MODE=PostgreSQL";
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i <= bytes.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) if (bytes[i + j] != part[j]) continue outer;
      return i;
    }
    throw new AssertionError("not found");
  }
}
