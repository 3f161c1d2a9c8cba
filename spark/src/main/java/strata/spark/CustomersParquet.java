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
 * so the two can never disagree (one writer of the columns, core's {@code CustomersCsv}).
 */
final class CustomersParquet {
  // Plain notation only, no leading zeros: an id such as 007 or 1e5 must stay text.
  private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  private CustomersParquet() {}

  static void write(SparkSession spark, Path customersCsv, String target) throws IOException {
    List<String> header;
    List<String[]> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(customersCsv, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
      var records = csv.iterator();
      header = new ArrayList<>(records.next().getFields());
      header.set(0, header.get(0).replace("\uFEFF", ""));
      while (records.hasNext()) rows.add(records.next().getFields().toArray(String[]::new));
    }
    DataType[] types = new DataType[header.size()];
    StructType schema = new StructType();
    for (int c = 0; c < types.length; c++) {
      types[c] = c == 0 ? DataTypes.StringType : type(rows, c); // customer ids are text, however they look
      schema = schema.add(header.get(c), types[c], true);
    }
    List<Row> typed = new ArrayList<>(rows.size());
    for (String[] r : rows) {
      Object[] values = new Object[types.length];
      for (int c = 0; c < types.length; c++) values[c] = value(r[c], types[c]);
      typed.add(RowFactory.create(values));
    }
    spark.createDataFrame(typed, schema).write().mode("errorifexists").parquet(target);
  }

  private static DataType type(List<String[]> rows, int column) {
    boolean whole = true;
    boolean number = true;
    for (String[] r : rows) {
      String v = r[column];
      if (v.isEmpty()) continue;
      whole &= isLong(v);
      number &= whole || isDouble(v);
      if (!number) return DataTypes.StringType;
    }
    return whole ? DataTypes.LongType : DataTypes.DoubleType;
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
