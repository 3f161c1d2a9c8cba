package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** duplicates.csv, the identity section of quality.json, and a reviewed duplicates.csv passed back with --merge. */
class CleaningCommandTest {
  @TempDir Path dir;

  @Test
  void duplicatesAreWrittenReviewedAndMergedBack() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, """
        customer_id,order_date,amount
        C1,2024-01-01,100
        C2,2024-01-02,50
        C3,2024-01-03,30
        Z9,2024-01-04,10
        c2,2024-01-05,5
        """);
    Path customers = dir.resolve("customers.csv");
    Files.writeString(customers, """
        customer_id,name,phone,email
        C1,北京星辰科技有限公司,138-1234-5678,li@xingchen.cn
        C2,上海海风贸易,021-66668888,wang@haifeng.cn
        C3,北京星辰科技股份有限公司,+86 13812345678,
        """);
    Path out = dir.resolve("out");
    Cli r = Cli.run("score", "--transactions", tx.toString(), "--customers", customers.toString(), "--out",
        out.toString(), "--quiet", "--lang", "en");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> dup = Files.readAllLines(out.resolve("duplicates.csv"), StandardCharsets.UTF_8);
    // C1–C3: same phone and name, 1 − 0.3 · 0.5 = 0.85.
    assertThat(dup).containsExactly("\uFEFFid_a,id_b,score,reasons,name_a,name_b",
        "C1,C3,0.85,same_phone|same_name,北京星辰科技有限公司,北京星辰科技股份有限公司");
    JsonNode identity = new ObjectMapper().readTree(out.resolve("quality.json").toFile()).get("identity");
    assertThat(identity.get("duplicate_candidates").asInt()).isEqualTo(1);
    assertThat(identity.get("duplicate_examples").get(0).get("reasons").asText()).isEqualTo("same_phone|same_name");
    assertThat(identity.get("case_variant_groups").asInt()).isEqualTo(1);
    assertThat(identity.get("unknown_customers").asInt()).isEqualTo(2); // Z9 and c2
    assertThat(r.out()).contains("not in the customers file").contains("--merge-case-ids");

    Path merged = dir.resolve("merged");
    r = Cli.run("score", "--transactions", tx.toString(), "--customers", customers.toString(), "--out",
        merged.toString(), "--quiet", "--merge", out.resolve("duplicates.csv").toString(), "--merge-case-ids");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(merged.resolve("customers.csv"));
    assertThat(rows).hasSize(1 + 3); // C1 (with C3), C2 (with c2), Z9
    assertThat(rows.get(1)).startsWith("C1,北京星辰科技有限公司,");
    identity = new ObjectMapper().readTree(merged.resolve("quality.json").toFile()).get("identity");
    assertThat(identity.get("merged_ids").asInt()).isEqualTo(2);
    assertThat(identity.get("unknown_customers").asInt()).isEqualTo(1); // only Z9: c2 is C2 now
    assertThat(Files.readAllLines(merged.resolve("duplicates.csv"))).hasSize(1);
  }

  @Test
  void aBadMergeFileStopsTheRunNamingTheLine() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "customer_id,order_date,amount\nC1,2024-01-01,100\n");
    Path merge = dir.resolve("accepted.csv");
    Files.writeString(merge, "C1,C2\nC3\n");
    Cli r = Cli.run("score", "--transactions", tx.toString(), "--out", dir.resolve("o").toString(), "--quiet",
        "--merge", merge.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("accepted.csv 第 2 行：应为两个客户编号（id_a,id_b），实际为 'C3'");
    Cli english = Cli.run("score", "--transactions", tx.toString(), "--out", dir.resolve("o").toString(), "--quiet",
        "--merge", merge.toString(), "--lang", "en");
    assertThat(english.err()).contains("accepted.csv line 2: expected two customer ids (id_a,id_b), found 'C3'");
  }
}
