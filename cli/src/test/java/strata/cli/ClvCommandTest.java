package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvCommandTest {
  @TempDir Path dir;

  private static String[] cdnowSample(String... more) {
    String[] base = {"clv", "--transactions", Cli.shared("CDNOW_sample.txt").toString(), "--delimiter", "whitespace",
        "--columns", "customer_id,sample_id,order_date,quantity,amount", "--calibration-end", "1997-09-30"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void reproducesThePublishedCdnowEstimatesThroughTheProductionIntake() throws IOException {
    Cli r = Cli.run(cdnowSample("--holdout-end", "1998-06-30", "--json"));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("customers").asInt()).isEqualTo(2357);
    // Fader, Hardie & Lee (2005), BG/NBD on the CDNOW sample, weeks.
    JsonNode bg = j.get("bgnbd");
    assertThat(bg.get("r").asDouble()).isCloseTo(0.243, within(0.0005));
    assertThat(bg.get("alpha").asDouble()).isCloseTo(4.414, within(0.0005));
    assertThat(bg.get("a").asDouble()).isCloseTo(0.793, within(0.0005));
    assertThat(bg.get("b").asDouble()).isCloseTo(2.426, within(0.0005));
    assertThat(bg.get("log_likelihood").asDouble()).isCloseTo(-9582.4, within(0.5));
    assertThat(bg.get("converged").asBoolean()).isTrue();
    // Pareto/NBD (Fader, Hardie & Lee 2005, same data).
    JsonNode pn = j.get("paretonbd");
    assertThat(pn.get("r").asDouble()).isCloseTo(0.553, within(0.0005));
    assertThat(pn.get("alpha").asDouble()).isCloseTo(10.578, within(0.0005));
    assertThat(pn.get("s").asDouble()).isCloseTo(0.606, within(0.0005));
    assertThat(pn.get("beta").asDouble()).isCloseTo(11.669, within(0.0005));
    assertThat(pn.get("log_likelihood").asDouble()).isCloseTo(-9595.0, within(0.5));
    // Gamma-Gamma (Fader, Hardie & Lee 2005b): p 6.25, q 3.74, gamma 15.44.
    JsonNode gg = j.get("gammagamma");
    assertThat(gg.get("p").asDouble()).isCloseTo(6.25, within(0.005));
    assertThat(gg.get("q").asDouble()).isCloseTo(3.74, within(0.005));
    assertThat(gg.get("gamma").asDouble()).isCloseTo(15.44, within(0.005));
    assertThat(j.get("mbgnbd").get("customers").asInt()).isEqualTo(2357);
    assertThat(j.get("holdout").get("bgnbd").get("customers").asInt()).isEqualTo(2357);
  }

  @Test
  void printsItsFitsAndHoldoutInTheChosenLanguage() {
    Cli zh = Cli.run(cdnowSample("--holdout-end", "1998-06-30"));
    assertThat(zh.exit()).as(zh.err()).isZero();
    // 2,357 customers in the CDNOW sample (Fader, Hardie & Lee 2005), as the JSON test above.
    assertThat(zh.out()).startsWith("校准期内共 2357 位客户").contains("验证期 bgnbd：预测 ").contains("客户数=2357")
        .doesNotContain("customers").doesNotContain("predicted");
    Cli en = Cli.run(cdnowSample("--holdout-end", "1998-06-30", "--lang", "en"));
    assertThat(en.out()).startsWith("2357 customers in the calibration period").contains("holdout bgnbd: predicted ")
        .contains("customers=2357");
  }

  @Test
  void badInputGetsOneClearLine() throws IOException {
    Cli backwards = Cli.run(cdnowSample("--holdout-end", "1997-01-01", "--lang", "en"));
    assertThat(backwards.exit()).isEqualTo(1);
    assertThat(backwards.err()).startsWith("strata: --holdout-end (1997-01-01) must be after --calibration-end");
    // zh by default, as score.
    assertThat(Cli.run(cdnowSample("--holdout-end", "1997-01-01")).err().strip())
        .isEqualTo("strata: --holdout-end（1997-01-01）必须晚于 --calibration-end（1997-09-30）");

    Path tx = dir.resolve("few.csv");
    Files.writeString(tx, "customer_id,order_date,amount\nA,2024-01-01,5\nA,2024-02-01,5\nB,2024-01-03,7\n");
    Cli tooFew = Cli.run("clv", "--transactions", tx.toString(), "--calibration-end", "2024-03-01");
    assertThat(tooFew.exit()).isEqualTo(1);
    assertThat(tooFew.err().strip().lines()).hasSize(1);
    assertThat(tooFew.err()).startsWith("strata: ").doesNotContain("Exception");

    Cli unit = Cli.run(cdnowSample("--time-unit", "fortnights", "--lang", "en"));
    assertThat(unit.exit()).isEqualTo(1);
    assertThat(unit.err()).contains("--time-unit must be one of weeks, days, got 'fortnights'");
    assertThat(Cli.run(cdnowSample("--time-unit", "fortnights")).err())
        .contains("--time-unit 须为 weeks, days 之一，实际为 'fortnights'");
  }
}
