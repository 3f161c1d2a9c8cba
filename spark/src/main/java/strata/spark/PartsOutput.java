package strata.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;

/**
 * The parts of customers.csv that the tasks of a run scored in parts write, in a folder of their own on a file system
 * the whole cluster writes ({@code --work}); the driver streams them into customers.csv, the tasks read them again
 * for the Parquet output, and the folder is deleted at the end, whether the run succeeded or not.
 */
final class PartsOutput implements java.io.Serializable, AutoCloseable {
  private final String folder;
  private final Map<String, String> conf;

  private PartsOutput(String folder, Map<String, String> conf) {
    this.folder = folder;
    this.conf = conf;
  }

  /** A new folder {@code _strata-parts-<uuid>} in {@code work}, a folder any Hadoop file system of the cluster. */
  static PartsOutput in(String work, Configuration hadoop) throws IOException {
    Path folder = new Path(work, "_strata-parts-" + UUID.randomUUID());
    FileSystem fs = folder.getFileSystem(hadoop);
    folder = fs.makeQualified(folder);
    if (!fs.mkdirs(folder)) throw new IOException(folder + ": cannot be created");
    return new PartsOutput(folder.toString(), FileRanges.entries(hadoop));
  }

  private Path part(int k) {
    return new Path(folder, String.format("part-%05d.csv", k));
  }

  private FileSystem fs() throws IOException {
    return new Path(folder).getFileSystem(FileRanges.configuration(conf));
  }

  /**
   * In a task: writes part {@code k} through a file of the executor's own disk (core writes customers.csv to a local
   * file), and returns its columns' facts when {@code facts} (for the Parquet's types), else null.
   */
  CustomersParquet.Columns write(int k, Writer writer, boolean facts) throws IOException {
    java.nio.file.Path local = Files.createTempFile("strata-part-", ".csv");
    try {
      writer.write(local);
      CustomersParquet.Columns columns = null;
      if (facts) {
        try (Reader in = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
          columns = CustomersParquet.read(in, row -> { });
        }
      }
      fs().copyFromLocalFile(false, true, new Path(local.toUri()), part(k));
      return columns;
    } finally {
      Files.deleteIfExists(local);
    }
  }

  /** Writes a part's rows to a local file. */
  interface Writer {
    void write(java.nio.file.Path file) throws IOException;
  }

  /** The parts' files as one customers.csv, streamed: the first whole, the others without their BOM and header. */
  void concatenate(int count, java.nio.file.Path customersCsv) throws IOException {
    FileSystem fs = fs();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(customersCsv))) {
      for (int k = 0; k < count; k++) {
        try (var in = new BufferedInputStream(fs.open(part(k)))) {
          if (k > 0) {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
              // the header line, already written from the first part
            }
          }
          in.transferTo(out);
        }
      }
    }
  }

  /**
   * The parts as Parquet at {@code target}, typed by {@code columns} (the parts' facts merged): each task types the
   * rows of one part, so the driver holds none of them.
   */
  void parquet(SparkSession spark, int count, CustomersParquet.Columns columns, String target) {
    DataType[] types = columns.types();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.parallelize(IntStream.range(0, count).boxed().toList(), count)
        .flatMap(k -> rows(k, types).iterator());
    spark.createDataFrame(rows, columns.schema()).write().mode("errorifexists").parquet(target);
  }

  private List<Row> rows(int k, DataType[] types) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader in = new InputStreamReader(fs().open(part(k)), StandardCharsets.UTF_8)) {
      CustomersParquet.read(in, r -> rows.add(CustomersParquet.row(r, types)));
    }
    return rows;
  }

  /** Deletes the folder and what is in it. */
  @Override
  public void close() {
    try {
      fs().delete(new Path(folder), true);
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot be deleted", e);
    }
  }
}
