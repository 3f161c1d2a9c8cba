package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * churn_prob and cluster through `strata score`: computed when a rule reads them, written to customers.csv, with the
 * held-out figures and the clusters in quality.json and report.html.
 */
class ScorePredictionsTest {
  @TempDir Path dir;

  @Test
  void aRuleReadingChurnProbTurnsTheClassifierOnAndTiersFollowIt() throws IOException {
    Path model = dir.resolve("m.yaml");
    Files.writeString(model, """
        tiers:
          - id: at_risk
            when: churn_prob > 0.6
          - id: rest
            when: true
        """);
    Path out = dir.resolve("out");
    Cli r = Cli.run("score", "--transactions", Cli.shared("CDNOW_sample.txt").toString(), "--delimiter", "whitespace",
        "--columns", "customer_id,sample_id,order_date,quantity,amount", "--as-of", "1998-07-01", "--model",
        model.toString(), "--clusters", "--out", out.toString(), "--quiet", "--lang", "en");
    assertThat(r.exit()).as(r.err()).isZero();
    List<Map<String, String>> rows = ScoreCommandTest.rows(out.resolve("customers.csv"));
    assertThat(rows).hasSize(2357);
    int atRisk = 0;
    for (Map<String, String> row : rows) {
      double p = Double.parseDouble(row.get("churn_prob"));
      assertThat(p).isBetween(0.0, 1.0);
      // customers.csv rounds churn_prob to three decimals: within half a unit of 0.6 the rule saw either side.
      if (Math.abs(p - 0.6) > 0.0005) assertThat(row.get("tier")).isEqualTo(p > 0.6 ? "at_risk" : "rest");
      if (row.get("tier").equals("at_risk")) atRisk++;
      assertThat(Integer.parseInt(row.get("cluster"))).isBetween(1, 8);
      // Quoted in the file: the description holds a comma.
      assertThat(row.get("cluster_name")).matches("\"(frequent|regular|occasional) .*orders, (recent|cooling|lapsed)\"");
    }
    // Most CDNOW customers buy nothing in a given quarter of 1998: the rule must catch many, but not everyone.
    assertThat(atRisk).isBetween(1000, 2356);
    churnFiguresAreWritten(out, rows);
    clustersAreWritten(out, rows);
  }

  /** Both predictors' held-out figures in quality.json and, the same, in the report; reasons in words and codes. */
  private static void churnFiguresAreWritten(Path out, List<Map<String, String>> rows) throws IOException {
    JsonNode churn = new ObjectMapper().readTree(out.resolve("quality.json").toFile()).get("churn");
    String from = churn.get("churn_prob_from").asText();
    assertThat(from).isIn("classifier", "baseline");
    JsonNode c = churn.get("classifier");
    JsonNode b = churn.get("baseline");
    assertThat(c.get("customers").asInt()).isEqualTo(b.get("customers").asInt()).isPositive();
    assertThat(from.equals("classifier")).isEqualTo(c.get("auc").asDouble() > b.get("auc").asDouble());
    String report = Files.readString(out.resolve("report.html"));
    for (String figure : List.of("auc", "pr_auc", "brier")) {
      String code = figure.equals("pr_auc") ? "prAuc" : figure;
      Matcher m = Pattern.compile("<tr data-code=\"" + code + "\">.*?<td class=\"num\">([0-9.]+)</td><td class="
          + "\"num\">([0-9.]+)</td>").matcher(report);
      assertThat(m.find()).as(figure).isTrue();
      assertThat(Double.parseDouble(m.group(1))).isCloseTo(c.get(figure).asDouble(), within(0.00051));
      assertThat(Double.parseDouble(m.group(2))).isCloseTo(b.get(figure).asDouble(), within(0.00051));
    }
    List<String> features = new ArrayList<>();
    churn.get("features").forEach(f -> features.add(f.asText()));
    int explained = 0;
    for (Map<String, String> row : rows) {
      String codes = row.get("churn_reason_codes");
      if (codes.isEmpty()) {
        assertThat(row.get("churn_reasons")).isEmpty();
        continue;
      }
      explained++;
      List<String> names = new ArrayList<>();
      for (String code : codes.split("\\|")) {
        assertThat(features).contains(code);
        names.add(strata.i18n.Labels.get("churn.feature." + code, Locale.ENGLISH));
      }
      assertThat(row.get("churn_reasons")).isEqualTo(String.join("; ", names));
    }
    // Reasons come with the classifier's probabilities only.
    assertThat(explained > 0).isEqualTo(from.equals("classifier"));
  }

  /** Each cluster's size and revenue in quality.json and the report add up from customers.csv's rows. */
  private static void clustersAreWritten(Path out, List<Map<String, String>> rows) throws IOException {
    JsonNode clusters = new ObjectMapper().readTree(out.resolve("quality.json").toFile()).get("clusters");
    Map<Integer, Integer> customers = new HashMap<>();
    Map<Integer, BigDecimal> revenue = new HashMap<>();
    Map<Integer, String> names = new HashMap<>();
    for (Map<String, String> row : rows) {
      int id = Integer.parseInt(row.get("cluster"));
      customers.merge(id, 1, Integer::sum);
      revenue.merge(id, new BigDecimal(row.get("monetary")), BigDecimal::add);
      names.put(id, row.get("cluster_name").replace("\"", ""));
    }
    assertThat(clusters.get("k").asInt()).isEqualTo(clusters.get("clusters").size()).isEqualTo(customers.size());
    String report = Files.readString(out.resolve("report.html"));
    for (JsonNode cluster : clusters.get("clusters")) {
      int id = cluster.get("id").asInt();
      assertThat(cluster.get("customers").asInt()).isEqualTo(customers.get(id));
      assertThat(cluster.get("revenue").decimalValue()).isEqualByComparingTo(revenue.get(id));
      assertThat(cluster.get("description").asText()).isEqualTo(names.get(id));
      assertThat(report).contains("<tr data-code=\"" + id + "\"><td class=\"num\">" + id + "</td><td class=\"text\">"
          + "<bdi>" + names.get(id) + "</bdi></td><td class=\"num\">" + String.format(Locale.ENGLISH, "%,d",
          customers.get(id)) + "</td>");
    }
  }
}
