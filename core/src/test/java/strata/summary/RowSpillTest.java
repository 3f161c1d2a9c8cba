package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import strata.intake.PurchaseRow;
import strata.intake.TransactionIntake;

/**
 * Rows that went through temporary files summarise exactly like rows folded in memory (the server's path), for ids of
 * every length the intake accepts.
 */
class RowSpillTest {
  @TempDir Path temp;

  @AfterEach
  void restore() {
    RowSpill.bufferSize = 16 << 10;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void spilledPartitionsGiveTheSummariesOfRowsKeptInMemory(boolean withOrders) throws IOException {
    RowSpill.bufferSize = 48; // every partition goes to disk, mostly one row per write
    SplittableRandom random = new SplittableRandom(3);
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < 600; c++) {
      int len = c % 50 == 0 ? 200 + random.nextInt(57) : 1 + random.nextInt(20);
      StringBuilder id = new StringBuilder(c % 7 == 0 ? "客户" : "C");
      while (id.toString().getBytes(StandardCharsets.UTF_8).length < len) id.append((char) ('a' + random.nextInt(26)));
      ids.add(id.toString());
    }
    List<PurchaseRow> rows = new ArrayList<>();
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount" + (withOrders ? ",order_id" : "")
        + ",category\n");
    for (int i = 0; i < 5000; i++) {
      String id = ids.get(random.nextInt(ids.size()));
      int day = 18000 + random.nextInt(2000);
      long cents = random.nextInt(10) == 0 ? -random.nextInt(5000) : random.nextInt(1_000_000);
      String order = withOrders ? "O" + random.nextInt(3000) : "";
      String category = new String[] {"tea", "cups", "", "茶具"}[random.nextInt(4)];
      rows.add(new PurchaseRow(id, day, cents, order, category));
      csv.append(id).append(',').append(java.time.LocalDate.ofEpochDay(day)).append(',')
          .append(java.math.BigDecimal.valueOf(cents, 2).toPlainString())
          .append(withOrders ? "," + order : "").append(',').append(category).append('\n');
    }
    Path file = temp.resolve("tx.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    Path spillDir = Files.createDirectory(temp.resolve("spill"));

    TransactionIntake.Result r = TransactionIntake.read(file,
        TransactionIntake.Options.defaults().withTempDir(spillDir),
        x -> { throw new AssertionError("unexpected rejection " + x); }, b -> { });
    Map<String, CustomerSummary> fromFile = new HashMap<>();
    r.table().forEach(r.charset(), s -> fromFile.put(s.customerId(), s));

    assertThat(fromFile).isEqualTo(PurchaseRow.summarise(rows));
    try (var left = Files.list(spillDir)) {
      assertThat(left).as("temporary files are removed").isEmpty();
    }
  }
}
