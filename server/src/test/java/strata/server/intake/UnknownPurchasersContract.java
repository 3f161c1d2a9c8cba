package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.TierHistory.runToEnd;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Orders of customers the stored customer records do not name are scored, as in the CLI, but never silently: the
 * import that brings them warns (how many of its buyers, the first ids), and so does every run (how many of all
 * buyers). As in the CLI, which notes this only with a customers file, nothing is said while no customer has a record.
 * Run on H2 and on PostgreSQL.
 */
abstract class UnknownPurchasersContract extends ServerTest {
  @Test
  void buyersWithoutACustomerRecordAreCountedByTheImportAndTheRun() {
    Api admin = admin();
    // No customer record yet: every buyer lacks one, and there is nothing to tell apart.
    JsonNode first = Uploads.importFile(admin, "early.csv", bytes("customer_id,order_date,amount\n"
        + "UP1,2026-01-05,100\nUP2,2026-01-06,50\n"), "transactions");
    assertThat(codes(first)).doesNotContain(ImportWarning.UNKNOWN_PURCHASERS);

    Uploads.importFile(admin, "customers.csv", bytes("客户编号,客户名称,负责人\nUP1,甲公司,张伟\nUP5,戊公司,李娜\n"),
        "customers");
    // UP1 and UP5 have records; UP3 (two orders) and UP4 do not. UP2 lacks one too but buys nothing in this file.
    String orders = "customer_id,order_date,amount,order_id\nUP1,2026-02-01,10,P1\nUP4,2026-02-02,20,P2\n"
        + "UP3,2026-02-03,5,P3\nUP3,2026-02-04,5,P4\nUP5,2026-02-05,8,P5\n";
    JsonNode second = Uploads.importFile(admin, "orders.csv", bytes(orders), "transactions");
    assertThat(second.get("status").asString()).isEqualTo("succeeded");
    JsonNode warning = warning(second, ImportWarning.UNKNOWN_PURCHASERS);
    assertThat(warning.get("en").asString()).isEqualTo("2 customers buying in this file have no customer record "
        + "(e.g. UP3, UP4); they are scored without a profile and, having no owner, no sales rep sees them. Import "
        + "them in a customers file");
    assertThat(warning.get("zh").asString()).isEqualTo("本文件中有 2 个购买客户没有客户档案（如 UP3, UP4）；他们按无档案"
        + "客户评分，且没有负责人，任何销售都看不到。请用客户文件导入他们");
    // The same file again adds no purchase, so it has nothing to warn about.
    JsonNode again = Uploads.importFile(admin, "orders.csv", bytes(orders), "transactions");
    assertThat(again.at("/quality/inserted").asLong()).isZero();
    assertThat(codes(again)).doesNotContain(ImportWarning.UNKNOWN_PURCHASERS);

    // The run counts every stored buyer without a record: UP2, UP3, UP4.
    long run = runToEnd(admin, "2026-03-01");
    JsonNode note = null;
    for (JsonNode n : admin.get("/api/v1/runs/" + run).json().get("notes")) {
      if (n.get("code").asString().equals("run_unknown_purchasers")) note = n;
    }
    assertThat(note).as("run note run_unknown_purchasers").isNotNull();
    assertThat(note.get("en").asString()).isEqualTo("3 buying customers have no customer record (e.g. UP2, UP3, "
        + "UP4); they are scored without a profile and, having no owner, no sales rep sees them");
    assertThat(note.get("zh").asString()).startsWith("有 3 个购买客户没有客户档案（如 UP2, UP3, UP4）");
  }

  private static byte[] bytes(String csv) {
    return csv.getBytes(StandardCharsets.UTF_8);
  }

  private static java.util.List<String> codes(JsonNode job) {
    return job.get("quality").get("warnings").valueStream().map(w -> w.get("code").asString()).toList();
  }

  private static JsonNode warning(JsonNode job, String code) {
    for (JsonNode w : job.get("quality").get("warnings")) if (w.get("code").asString().equals(code)) return w;
    throw new AssertionError("no warning " + code + " in " + job.get("quality"));
  }
}
