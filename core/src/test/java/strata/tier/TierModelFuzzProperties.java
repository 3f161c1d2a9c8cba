package strata.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import strata.run.ScoringRun;
import strata.scoring.ConfigException;

/**
 * Tier model files under mutation: the default model with spans deleted, or YAML and CEL tokens inserted or put in
 * place of spans. Loading one, checking its scoring settings and building its engine either work or fail with the
 * documented {@link TierModelException} or {@link ConfigException}.
 */
class TierModelFuzzProperties {
  private static final String DEFAULT_MODEL = defaultModelText();
  private static final List<String> TOKENS = List.of(": ", "- ", "\n", "\n  ", "\t", "{", "}", "[", "]", ",", "&a ",
      "*a", "!!str ", "!!binary ", "'", "\"", "#", "|", ">", "~", "null", "true", "false", "1e999", "-1", "0", ".nan",
      "&&", "||", "(", ")", "!", "==", "<", " in ", "size(", "matches('", "(?", "')", "abc_class", "recency_days",
      "monetary", "frequency", "lifecycle_stage", "clv", "p_alive", "1/0", "0.0/0.0", "int(", "double(", "x.y",
      "?:", "id: z", "when: ", "name: ", "scoring: ", "rfm: ", "buckets: ", "mode: ", "tiers: ", "- id: ",
      "高价值", "\uD83D\uDE00", "\u0000", "\u2028");

  /** A change to the text: delete [from, from + length), then insert the token there (empty: delete only). */
  record Mutation(double from, int length, String token) {
    String applyTo(String text) {
      int at = (int) (from * text.length());
      int end = Math.min(text.length(), at + length);
      return text.substring(0, at) + token + text.substring(end);
    }
  }

  // 100 tries: each loaded model compiles its CEL conditions, ~35 ms a try.
  @Property(tries = 100)
  void aMutatedModelLoadsOrIsRefusedWithAReason(@ForAll("mutations") List<Mutation> mutations) {
    String text = DEFAULT_MODEL;
    for (Mutation m : mutations) text = m.applyTo(text);
    try {
      TierModel model = TierModel.parse(text, "model.yaml");
      ScoringRun.checkScoringSettings(model);
      TierEngine engine = new TierEngine(model);
      byte[] tiers = engine.assign(CUSTOMERS, TierModelFuzzProperties::metric, 1);
      for (int i = 0; i < CUSTOMERS; i++) {
        assertThat((int) tiers[i]).isBetween(0, model.tiers().size() - 1);
        assertThat(engine.explain(i, tiers[i], TierModelFuzzProperties::metric, i % 2 == 0)).isNotBlank();
      }
      assertThat(model.tiers()).isNotEmpty();
      assertThat(model.tiers().get(model.tiers().size() - 1).catchAll()).isTrue();
      Statistics.collect("loads");
    } catch (TierModelException | ConfigException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      Statistics.collect(refused.getClass().getSimpleName());
    }
  }

  private static final int CUSTOMERS = 8;

  /** Eight customers: extremes, zeros, negatives, NaN and missing values, by customer and metric. */
  private static Object metric(int customer, Metric m) {
    if ((customer + m.ordinal()) % 7 == 0) return null;
    long[] ints = {0, 1, -1, 5, Long.MAX_VALUE, Long.MIN_VALUE, 365, 10};
    double[] reals = {0.0, -0.0, 1.5, Double.NaN, Double.MAX_VALUE, -1e300, Double.POSITIVE_INFINITY, 100.0};
    String[] texts = {"", "A", "active", "important_value", "中文", "'", "star", "x".repeat(100)};
    if (m.type() == dev.cel.common.types.SimpleType.BOOL) return customer % 2 == 0;
    if (m.type() == dev.cel.common.types.SimpleType.INT) return ints[customer];
    if (m.type() == dev.cel.common.types.SimpleType.DOUBLE) return reals[customer];
    return texts[customer];
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Combinators.combine(Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(0, 12), Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.just(""),
            Arbitraries.strings().ofMaxLength(4)))
        .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  private static String defaultModelText() {
    try (InputStream in = TierModel.class.getResourceAsStream("/strata/tier/default-model.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
