package strata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 100,000 customers: the generator copes, ids reach C100000, every row still parses. */
class DemoScaleTest {
  @TempDir Path dir;

  @Test
  void generatesOneHundredThousandCustomers() throws IOException {
    DemoFiles files = DemoDataGenerator.write(dir, new DemoOptions(42, 100_000, DemoOptions.DEFAULT_AS_OF));
    boolean[] known = new boolean[100_001];
    long distinct = 0;
    try (CsvReader<CsvRecord> reader = reader(files.customers())) {
      for (CsvRecord r : (Iterable<CsvRecord>) reader.stream().skip(1)::iterator) {
        assertThat(r.getField(0)).matches("C\\d{6}");
        int number = Integer.parseInt(r.getField(0).substring(1));
        distinct += known[number] ? 0 : 1;
        known[number] = true;
      }
    }
    assertThat(distinct).as("C000001..C100000 each once").isEqualTo(100_000);
    long orderLines = 0;
    long emptyIds = 0;
    try (CsvReader<CsvRecord> reader = reader(files.transactions())) {
      for (CsvRecord r : (Iterable<CsvRecord>) reader.stream().skip(1)::iterator) {
        String id = r.getField(1); // strict reader: a row without 8 fields would have thrown
        if (id.isEmpty()) {
          emptyIds++;
        } else {
          assertThat(known[Integer.parseInt(id.substring(1))]).as(id).isTrue();
        }
        orderLines++;
      }
    }
    assertThat(emptyIds).isEqualTo(DemoDataGenerator.MISSING_CUSTOMER_ID_ROWS);
    // 50 times the default data set's 8,000..35,000 lines.
    assertThat(orderLines).isBetween(400_000L, 1_750_000L);
  }

  private static CsvReader<CsvRecord> reader(Path file) throws IOException {
    return CsvReader.builder().detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8);
  }
}
