package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every field of a spilled row comes back as written, at the extremes of its range and in any line order. */
class SpillRowsTest {
  @TempDir Path temp;

  @AfterEach
  void restore() {
    SpillWriter.bufferSize = 32 << 10;
  }

  record Row(String id, int line, int day, long cents, long orderKey, boolean hasOrderKey, int category,
      long fingerprint, boolean afterAsOf) {}

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void rowsComeBackAsWritten(boolean withOrderIds) {
    SpillWriter.bufferSize = 200; // some rows go to the file in small chunks, the last stay in the buffer
    SplittableRandom random = new SplittableRandom(11);
    long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, 63, 64, -64, -65, 1L << 56, -(1L << 62)};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      long cents = i < extremes.length ? extremes[i] : random.nextLong() >> random.nextInt(64);
      int line = i % 5 == 0 ? Integer.MAX_VALUE - random.nextInt(3) : 1 + random.nextInt(Integer.MAX_VALUE - 1);
      int day = i % 7 == 0 ? 65535 : random.nextInt(65536);
      int category = i % 3 == 0 ? -1 : i % 11 == 0 ? Integer.MAX_VALUE - 1 : random.nextInt(1000);
      boolean hasOrder = withOrderIds && random.nextBoolean();
      rows.add(new Row(i % 13 == 0 ? "客".repeat(85) : "C" + random.nextInt(50), line, day, cents,
          hasOrder ? random.nextLong() : 0, hasOrder, category, random.nextLong(), random.nextInt(4) == 0));
    }
    SpillWriter w = new SpillWriter(temp, withOrderIds);
    try {
      for (Row r : rows) {
        byte[] id = r.id().getBytes(StandardCharsets.UTF_8);
        w.add(id, 0, id.length, r.line(), r.day(), r.cents(), r.orderKey(), r.hasOrderKey(), r.category(),
            r.fingerprint(), r.afterAsOf());
      }
      List<Row> back = new ArrayList<>();
      SpillRows reader = new SpillRows(withOrderIds);
      byte[] piece = new byte[SpillWriter.MAX_CHUNK];
      for (int k = 0; k < SummaryTable.STRIPES; k++) {
        for (int i = 0; i < w.chunks(k); i++) read(reader, piece, w.readChunk(k, i, piece), back);
        read(reader, w.buffer(k), w.buffered(k), back);
      }
      assertThat(back).containsExactlyInAnyOrderElementsOf(rows);
      assertThat(rows.stream().filter(r -> r.id().length() == 85)).as("a 255-byte id").isNotEmpty();
    } finally {
      w.close();
    }
  }

  private static void read(SpillRows reader, byte[] d, int end, List<Row> into) {
    reader.reset(d, end);
    while (reader.next()) {
      String id = new String(d, reader.idFrom, reader.idLen, StandardCharsets.UTF_8);
      into.add(new Row(id, reader.line, reader.day, reader.cents, reader.orderKey, reader.hasOrderKey(),
          reader.category(), reader.fingerprint, reader.afterAsOf()));
    }
  }
}
