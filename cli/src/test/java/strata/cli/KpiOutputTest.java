package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kpi.csv and the report's KPI table of one scored run, checked against hand-computed figures. */
class KpiOutputTest {
  @TempDir Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("tx.csv"), """
        customer_id,order_date,amount
        A,2024-01-01,100
        A,2024-03-01,100
        B,2024-02-01,50
        C,2024-02-20,400
        """);
    Files.writeString(dir.resolve("customers.csv"), """
        customer_id,owner
        A,王芳
        B,王芳
        C,李雷
        P,李雷
        """);
    Files.writeString(dir.resolve("interactions.csv"), """
        customer_id,time,type
        A,2024-02-01,投诉
        A,2024-02-02,电话
        C,2024-02-21,complaint
        """);
    Files.writeString(dir.resolve("surveys.csv"), """
        customer_id,time,nps,csat
        A,2024-03-02,10,5
        B,2024-02-05,3,
        C,2024-02-25,9,4
        """);
    Files.writeString(dir.resolve("model.yaml"), """
        tiers:
          - id: top
            name: {zh: 重点, en: Top}
            when: monetary >= 200.0
          - id: regular
            when: has_purchase
          - id: prospect
        """);
  }

  private Cli score(String out, String lang, boolean sideFiles) {
    List<String> args = new java.util.ArrayList<>(List.of("score", "--transactions", dir.resolve("tx.csv").toString(),
        "--model", dir.resolve("model.yaml").toString(), "--lang", lang, "--quiet", "--out",
        dir.resolve(out).toString()));
    if (sideFiles) {
      args.addAll(List.of("--customers", dir.resolve("customers.csv").toString(), "--interactions",
          dir.resolve("interactions.csv").toString(), "--surveys", dir.resolve("surveys.csv").toString()));
    }
    return Cli.run(args.toArray(String[]::new));
  }

  private static Map<String, String> row(List<Map<String, String>> rows, String dimension, String group, String tier) {
    return rows.stream().filter(r -> r.get("dimension").equals(dimension) && r.get("group").equals(group)
        && r.get("tier").equals(tier)).findFirst().orElseThrow();
  }

  @Test
  void kpiCsvHoldsTheFiguresOfEveryTierOverTheHistory() throws IOException {
    Cli r = score("o", "en", true);
    assertThat(r.exit()).as(r.err()).isZero();
    List<Map<String, String>> rows = ScoreCommandTest.rows(dir.resolve("o/kpi.csv"));
    Map<String, String> top = row(rows, "all", "", "top"); // A (200 in 2 orders on 2 days) and C (400 in 1)
    assertThat(top).containsEntry("customers", "2").containsEntry("buyers", "2").containsEntry("revenue", "600.00")
        .containsEntry("revenue_share", "0.923077") // 600 / 650
        .containsEntry("average_order_value", "200").containsEntry("repurchase_rate", "0.5")
        .containsEntry("nps", "100").containsEntry("nps_answers", "2") // 10 and 9
        .containsEntry("csat", "4.5").containsEntry("csat_answers", "2")
        .containsEntry("complaints_per_100", "100") // one complaint each
        .containsEntry("retention", "").containsEntry("moved_up", "").containsEntry("previous_as_of", "");
    Map<String, String> regular = row(rows, "all", "", "regular"); // B
    assertThat(regular).containsEntry("customers", "1").containsEntry("nps", "-100").containsEntry("csat", "")
        .containsEntry("complaints_per_100", "0");
    Map<String, String> prospect = row(rows, "all", "", "prospect"); // P never bought
    assertThat(prospect).containsEntry("customers", "1").containsEntry("buyers", "0")
        .containsEntry("revenue_share", "0").containsEntry("average_order_value", "")
        .containsEntry("repurchase_rate", "").containsEntry("nps_answers", "0");
    Map<String, String> all = row(rows, "all", "", "");
    assertThat(all).containsEntry("customers", "4").containsEntry("buyers", "3")
        .containsEntry("repurchase_rate", "0.333333").containsEntry("nps", "33.333333"); // (2 − 1) / 3 answers
    assertThat(row(rows, "owner", "王芳", "")).containsEntry("customers", "2").containsEntry("revenue", "250.00");
    assertThat(row(rows, "owner", "李雷", "top")).containsEntry("customers", "1");
  }

  @Test
  void withoutSideFilesSatisfactionAndComplaintsAreEmpty() throws IOException {
    Cli r = score("o", "en", false);
    assertThat(r.exit()).as(r.err()).isZero();
    List<Map<String, String>> rows = ScoreCommandTest.rows(dir.resolve("o/kpi.csv"));
    assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("dimension", "all")
        .containsEntry("nps", "").containsEntry("csat", "").containsEntry("complaints_per_100", ""));
    assertThat(row(rows, "all", "", "prospect")).containsEntry("customers", "0").containsEntry("buyers", "0");
  }

  @Test
  void theReportShowsTheKpiTableInBothLanguages() throws IOException {
    assertThat(score("en", "en", true).exit()).isZero();
    assertThat(score("zh", "zh", true).exit()).isZero();
    String en = Files.readString(dir.resolve("en/report.html"));
    assertThat(en).contains("id=\"kpi-tiers\"", "KPIs by tier", "Repurchase rate", "(the whole history)",
        "<bdi>Top</bdi>", "All tiers");
    String zh = Files.readString(dir.resolve("zh/report.html"));
    assertThat(zh).contains("id=\"kpi-tiers\"", "各等级关键指标", "复购率", "<bdi>重点</bdi>", "全部等级");
  }
}
