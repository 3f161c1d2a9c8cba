package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * An import names the amounts far beyond its file's usual ones, as a file run does (issue 18 §4): kept and counted,
 * with a warning in both languages; a file of ordinary amounts has none.
 */
class AmountOutliersImportTest extends ServerTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @Test
  void aTypedHundredMillionAmongOrdinaryOrdersIsKeptAndNamed() {
    Api admin = admin();
    StringBuilder csv = new StringBuilder("客户编号,下单日期,金额\n");
    // 30 orders of 100-129 yuan: median 114.5 (the histogram's 3 % buckets put it near), nothing near 100x.
    for (int i = 0; i < 30; i++) csv.append("AO").append(i % 6).append(",2026-03-").append(String.format("%02d", i % 28 + 1))
        .append(',').append(100 + i).append('\n');
    JsonNode ordinary = Uploads.importFile(admin, "ordinary.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
        "transactions");
    assertThat(codes(ordinary)).doesNotContain(ImportWarning.AMOUNT_OUTLIERS);

    csv.append("AO9,2026-03-29,99999999\n");
    JsonNode typed = Uploads.importFile(admin, "typed.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
        "transactions");
    assertThat(typed.at("/quality/accepted").asLong()).as("kept").isEqualTo(31);
    JsonNode w = null;
    for (JsonNode n : typed.get("quality").get("warnings")) {
      if (ImportWarning.AMOUNT_OUTLIERS.equals(n.get("code").asString())) w = n;
    }
    assertThat(w).as(typed.toString()).isNotNull();
    assertThat(w.get("en").asString()).startsWith("1 rows of this file have amounts of at least ")
        .contains("e.g. AO9 99999999.00 (2026-03-29)");
    assertThat(w.get("zh").asString()).startsWith("本文件有 1 行金额不低于 ").contains("AO9 99999999.00 (2026-03-29)");
  }

  private static java.util.List<String> codes(JsonNode job) {
    return job.get("quality").get("warnings").valueStream().map(w -> w.get("code").asString()).toList();
  }
}
