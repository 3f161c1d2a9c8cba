package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRangesTest {
  @TempDir Path dir;

  @Test
  void everyRowIsReadOnceWhateverTheRangeSize() throws Exception {
    String header = "customer_id,order_date,amount\n";
    String rows = "a,2024-01-01,1\nbb,2024-01-02,22\n\nccc,2024-01-03,333\nd,2024-01-04,4"; // no final line break
    Path file = dir.resolve("t.csv");
    Files.writeString(file, header + rows);
    Configuration conf = new Configuration(false);
    long length = Files.size(file);
    for (int size = 1; size <= rows.length() + 1; size++) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (FileRanges.Range r : FileRanges.of(file.toString(), header.length(), length, size)) {
        FileRanges.Bytes b = FileRanges.read(r, conf);
        all.write(b.buf(), 0, b.length());
      }
      assertThat(all.toString(StandardCharsets.UTF_8)).as("range size " + size).isEqualTo(rows);
    }
  }

  @Test
  void lineBreaksOfTheRangesAddUpToTheFile() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "h\n1\n22\n333\n4444\n");
    Configuration conf = new Configuration(false);
    long breaks = 0;
    for (FileRanges.Range r : FileRanges.of(file.toString(), 2, Files.size(file), 3)) {
      breaks += FileRanges.read(r, conf).lineBreaks();
    }
    assertThat(breaks).isEqualTo(4);
  }

  @Test
  void aFileWithoutDataRowsIsOneEmptyRange() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer_id,order_date,amount\n");
    var ranges = FileRanges.of(file.toString(), Files.size(file), Files.size(file), 64);
    assertThat(ranges).hasSize(1);
    assertThat(FileRanges.read(ranges.get(0), new Configuration(false)).length()).isZero();
  }
}
