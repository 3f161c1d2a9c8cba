package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.intake.TransactionIntake;

/** A customer's top category when two categories have as many rows: the first name in order, in every engine. */
class TopCategoryTieTest {
  @TempDir Path dir;

  @Test
  void tiesGoToTheFirstNameWhicheverCameFirstInTheFile() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer_id,order_date,amount,category\n"
        + "A,2024-01-01,1,toys\nA,2024-01-02,1,books\nA,2024-01-03,1,toys\nA,2024-01-04,1,books\n");
    PurchaseColumns fromFile = TransactionIntake.read(file, TransactionIntake.Options.defaults().withTempDir(dir),
        r -> { }, b -> { }).table().freeze();
    assertThat(fromFile.topCategory[0]).isEqualTo("books");
    assertThat(fromFile.topCategoryShare[0]).isEqualTo(0.5f);

    Map<String, Long> lines = new java.util.LinkedHashMap<>(); // an unsorted map, toys first
    lines.put("toys", 2L);
    lines.put("books", 2L);
    CustomerSummary s = new CustomerSummary("A", new int[] {1, 2, 3, 4}, new long[0], 4, 4, 400, 0, 100, lines);
    PurchaseColumns fromSummaries = SummaryTable.of(List.of(s)).freeze();
    assertThat(fromSummaries.topCategory[0]).isEqualTo("books");
  }
}
