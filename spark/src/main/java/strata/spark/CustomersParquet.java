package strata.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * customers.csv as Parquet on any file system the cluster writes: the same columns, typed where every value of a
 * column is a whole number (long) or a decimal number (double) in plain notation, text otherwise (customer_id always);
 * an empty cell is null. Written from the CSV
 * so the two can never disagree (one writer of the columns, core's {@code CustomersCsv}); a run scored in parts
 * writes it from the parts' CSVs by the same rules ({@link PartsOutput}).
 */
final class CustomersParquet {
  // Plain notation only, no leading zeros: an id such as 007 or 1e5 must stay text.
  private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  private CustomersParquet() {}

  static void write(SparkSession spark, Path customersCsv, String target) throws IOException {
    List<String[]> rows = new ArrayList<>();
    Columns columns;
    try (Reader in = Files.newBufferedReader(customersCsv, StandardCharsets.UTF_8)) {
      columns = read(in, rows::add);
    }
    DataType[] types = columns.types();
    List<Row> typed = new ArrayList<>(rows.size());
    for (String[] r : rows) typed.add(row(r, types));
    spark.createDataFrame(typed, columns.schema()).write().mode("errorifexists").parquet(target);
  }

  /** Reads a customers CSV (with its header), passing each row on; returns its columns' facts. */
  static Columns read(Reader in, Consumer<String[]> rows) throws IOException {
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
      var records = csv.iterator();
      List<String> header = new ArrayList<>(records.next().getFields());
      header.set(0, header.get(0).replace("\uFEFF", ""));
      Columns columns = new Columns(header.toArray(String[]::new));
      while (records.hasNext()) {
        String[] r = records.next().getFields().toArray(String[]::new);
        columns.add(r);
        rows.accept(r);
      }
      return columns;
    }
  }

  /**
   * What decides the columns' types: their names, and whether every non-empty value of each is whole, or a number.
   * Small, so the parts' facts are merged on the driver.
   */
  static final class Columns implements java.io.Serializable {
    private final String[] names;
    private final boolean[] whole;
    private final boolean[] number;

    Columns(String[] names) {
      this.names = names;
      whole = new boolean[names.length];
      number = new boolean[names.length];
      java.util.Arrays.fill(whole, true);
      java.util.Arrays.fill(number, true);
    }

    void add(String[] row) {
      for (int c = 1; c < names.length; c++) {
        String v = row[c];
        if (v.isEmpty() || !number[c]) continue;
        whole[c] &= isLong(v);
        number[c] &= whole[c] || isDouble(v);
      }
    }

    Columns merge(Columns other) {
      if (!java.util.Arrays.equals(names, other.names)) throw new IllegalStateException("parts with other columns");
      for (int c = 0; c < names.length; c++) {
        whole[c] &= other.whole[c];
        number[c] &= other.number[c];
      }
      return this;
    }

    DataType[] types() {
      DataType[] types = new DataType[names.length];
      for (int c = 0; c < types.length; c++) {
        // customer ids are text, however they look
        types[c] = c == 0 || !number[c] ? DataTypes.StringType : whole[c] ? DataTypes.LongType : DataTypes.DoubleType;
      }
      return types;
    }

    StructType schema() {
      DataType[] types = types();
      StructType schema = new StructType();
      for (int c = 0; c < types.length; c++) schema = schema.add(names[c], types[c], true);
      return schema;
    }
  }

  static Row row(String[] cells, DataType[] types) {
    Object[] values = new Object[types.length];
    for (int c = 0; c < types.length; c++) values[c] = value(cells[c], types[c]);
    return RowFactory.create(values);
  }

  private static Object value(String text, DataType type) {
    if (text.isEmpty()) return null;
    if (type == DataTypes.LongType) return Long.parseLong(text);
    if (type == DataTypes.DoubleType) return Double.parseDouble(text);
    return text;
  }

  private static boolean isLong(String v) {
    return WHOLE.matcher(v).matches() && v.length() < 19;
  }

  private static boolean isDouble(String v) {
    return DECIMAL.matcher(v).matches();
  }
}
