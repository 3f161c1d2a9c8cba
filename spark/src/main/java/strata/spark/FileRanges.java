package strata.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A transactions file cut into byte ranges that tasks read on their own, from any file system Hadoop reaches (local,
 * HDFS, S3A). A row belongs to the range that holds its first byte, so every row is read exactly once.
 *
 * <p>Rows are found at line breaks, as Hadoop's text input does: a quoted field holding a line break would be cut at a
 * range boundary (the single-machine engine reads such files; see README, Spark engine).
 */
final class FileRanges {
  private FileRanges() {}

  /** Bytes of a range: {@code [start, end)} of the file, {@code first} when it starts at the first data row. */
  record Range(int index, String path, long start, long end, boolean first) implements Serializable {}

  /** Ranges of about {@code rangeBytes} covering the file's data rows, at least one. */
  static List<Range> of(String path, long dataStart, long length, long rangeBytes) {
    List<Range> ranges = new ArrayList<>();
    long start = dataStart;
    do {
      long end = Math.min(length, start + rangeBytes);
      ranges.add(new Range(ranges.size(), path, start, end, start == dataStart));
      start = end;
    } while (start < length);
    return ranges;
  }

  static long length(String path, Configuration conf) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf).getFileStatus(p).getLen();
    } catch (java.io.FileNotFoundException e) {
      throw new strata.intake.IntakeException(strata.intake.IntakeException.NOT_FOUND, path);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot be read", e);
    }
  }

  /** The file's first MiB (the format is detected from it). */
  static byte[] head(String path, Configuration conf) {
    Path p = new Path(path);
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      return in.readNBytes(1 << 20);
    } catch (java.io.FileNotFoundException e) {
      throw new strata.intake.IntakeException(strata.intake.IntakeException.NOT_FOUND, path);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot be read", e);
    }
  }

  /** The rows the range owns: from the first row starting in it to the end of the last row starting in it. */
  static Bytes read(Range r, Configuration conf) {
    Path p = new Path(r.path());
    try (FSDataInputStream raw = p.getFileSystem(conf).open(p)) {
      long from = r.start();
      if (!r.first()) from = r.start() - 1;
      raw.seek(from);
      InputStream in = new BufferedInputStream(raw, 1 << 16);
      if (!r.first()) {
        int b;
        while ((b = in.read()) != -1 && b != '\n') from++;
        if (b == -1) return new Bytes(new byte[0], 0);
        from++; // the row after the line break at `from`
      }
      if (from >= r.end()) return new Bytes(new byte[0], 0);
      byte[] buf = new byte[(int) Math.min(Integer.MAX_VALUE - 16, r.end() - from + 4096)];
      int len = in.readNBytes(buf, 0, (int) (r.end() - from));
      if (len > 0 && buf[len - 1] != '\n') {
        // The last row started in the range and ends after it.
        int b;
        while ((b = in.read()) != -1) {
          if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
          buf[len++] = (byte) b;
          if (b == '\n') break;
        }
      }
      return new Bytes(buf, len);
    } catch (IOException e) {
      throw new UncheckedIOException(r.path() + ": cannot be read at byte " + r.start(), e);
    }
  }

  record Bytes(byte[] buf, int length) {
    long lineBreaks() {
      long n = 0;
      for (int i = 0; i < length; i++) if (buf[i] == '\n') n++;
      return n;
    }
  }

  /** A Hadoop configuration as plain entries (Configuration itself is not serializable). */
  static Map<String, String> entries(Configuration conf) {
    Map<String, String> map = new java.util.HashMap<>();
    conf.forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  static Configuration configuration(Map<String, String> entries) {
    Configuration conf = new Configuration(false);
    entries.forEach(conf::set);
    return conf;
  }
}
