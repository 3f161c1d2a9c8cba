package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.demo.DemoDataGenerator;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoWritesScoredCustomersQualityAndTheDeliberatelyDirtyRows() throws IOException {
    Cli r = Cli.run("demo", "--out", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<Map<String, String>> rows = ScoreCommandTest.rows(dir.resolve("customers.csv"));
    assertThat(rows).hasSize(2000);
    assertThat(rows.stream().map(m -> m.get("tier")).collect(Collectors.toSet()))
        .isEqualTo(Set.of("high_value", "at_risk", "potential", "low_value"));
    for (Map<String, String> row : rows) {
      // --lang defaults to zh: the reason starts with the tier's Chinese name; the JSON beside it names the tier id.
      assertThat(row.get("tier_reason")).startsWith(row.get("tier_name") + "：").as(row.toString());
      String json = row.get("tier_reason_json"); // a quoted CSV cell: the JSON's quotes are doubled
      assertThat(new ObjectMapper().readTree(json.substring(1, json.length() - 1).replace("\"\"", "\"")).get("tier")
              .asText())
          .isEqualTo(row.get("tier"));
      if (row.get("tier").equals("high_value")) {
        assertThat(row.get("abc_class")).isEqualTo("A");
        assertThat(row.get("lifecycle_stage")).isIn("new", "active");
      }
    }

    JsonNode q = new ObjectMapper().readTree(dir.resolve("quality.json").toFile());
    JsonNode orders = q.get("files").get(0);
    assertThat(orders.get("file").asText()).isEqualTo("orders.csv");
    assertThat(orders.get("rows_rejected").asLong()).isEqualTo(DemoDataGenerator.REJECTED_ORDER_ROWS);
    assertThat(orders.get("duplicate_rows").asLong()).isEqualTo(DemoDataGenerator.DUPLICATE_ORDER_ROWS);
    assertThat(orders.get("rejected_by_reason").get("bad_amount").asLong())
        .isEqualTo(DemoDataGenerator.UNPARSEABLE_AMOUNT_ROWS);
    assertThat(orders.get("rows_read").asLong())
        .isEqualTo(orders.get("rows_accepted").asLong() + orders.get("rows_rejected").asLong());
    List<String> rejected = Files.readAllLines(dir.resolve("rejected.csv"));
    assertThat(rejected).hasSize(1 + DemoDataGenerator.REJECTED_ORDER_ROWS);
    assertThat(String.join("\n", rejected)).doesNotContain("1,280.00"); // the ¥1,280.00 amount is valid

    String report = Files.readString(dir.resolve("report.html"));
    assertThat(report).contains("高价值客户", "流失风险客户", "orders.csv", "<svg").doesNotContain("<script");
    long highValue = rows.stream().filter(m -> m.get("tier").equals("high_value")).count();
    assertThat(report).contains(">" + highValue + "<"); // the tier table's count, as computed from customers.csv
  }
}
