package strata.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import strata.intake.IntakeException;

/**
 * The side files of a run (customers, interactions, surveys, merge pairs) where the driver reads them with core's
 * readers: they are small beside the transactions, so no task reads them. A path is named as the transactions are
 * (local, hdfs://, s3a://; without a scheme, on the cluster's default file system); a file elsewhere than the
 * driver's disk is copied to a folder of the driver's, under its own name, so rejected.csv and quality.json name it.
 */
final class DriverFiles implements AutoCloseable {
  private final Configuration hadoop;
  private final Path copies;

  /** @param copies a folder for copies, created when the first file is copied and deleted by {@link #close} */
  DriverFiles(Configuration hadoop, Path copies) {
    this.hadoop = hadoop;
    this.copies = copies;
  }

  /** The file on the driver's disk; null for null (the file was not given). */
  Path local(String path) {
    if (path == null) return null;
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
        return p.toUri().getScheme() == null ? Path.of(path) : Path.of(p.toUri());
      }
      // One folder per file: customers and surveys may have the same name in different folders.
      Path folder = Files.createDirectories(copies.resolve(String.valueOf(count())));
      Path copy = folder.resolve(p.getName());
      fs.copyToLocalFile(false, p, new org.apache.hadoop.fs.Path(copy.toUri()), true);
      return copy;
    } catch (FileNotFoundException e) {
      throw new IntakeException(IntakeException.NOT_FOUND, path);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot be read", e);
    }
  }

  private long count() throws IOException {
    if (!Files.isDirectory(copies)) return 0;
    try (var files = Files.list(copies)) {
      return files.count();
    }
  }

  @Override
  public void close() throws IOException {
    if (!Files.exists(copies)) return;
    try (var files = Files.walk(copies)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
