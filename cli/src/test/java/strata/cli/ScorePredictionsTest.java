package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** churn_prob and cluster through `strata score`: computed when a rule reads them, written to customers.csv. */
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
      assertThat(row.get("tier")).isEqualTo(p > 0.6 ? "at_risk" : "rest");
      if (p > 0.6) atRisk++;
      assertThat(Integer.parseInt(row.get("cluster"))).isBetween(1, 8);
      // Quoted in the file: the description holds a comma.
      assertThat(row.get("cluster_name")).matches("\"(frequent|regular|occasional) .*orders, (recent|cooling|lapsed)\"");
    }
    // Most CDNOW customers buy nothing in a given quarter of 1998: the rule must catch many, but not everyone.
    assertThat(atRisk).isBetween(1000, 2356);
  }
}
