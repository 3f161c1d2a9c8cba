package strata.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AliasTableTest {

    @Test
    void drawsInProportionToWeight() {
        double[] weights = {1, 2, 3, 4, 0};
        AliasTable table = new AliasTable(weights);
        SplittableRandom random = new SplittableRandom(1);
        int draws = 1_000_000;
        int[] hits = new int[weights.length];
        for (int i = 0; i < draws; i++) {
            hits[table.draw(random)]++;
        }
        // Expected shares w / 10; binomial sd at 1M draws is below 0.0005, tolerance 0.003.
        for (int i = 0; i < weights.length; i++) {
            assertThat(hits[i] / (double) draws).isCloseTo(weights[i] / 10, within(0.003));
        }
    }

    @Property(tries = 200)
    void neverDrawsAZeroWeight(@ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 0, max = 1e6) Double> raw,
                               @ForAll @DoubleRange(min = 0.01, max = 1e6) double positive) {
        double[] weights = new double[raw.size() + 1];
        for (int i = 0; i < raw.size(); i++) {
            weights[i] = i % 2 == 0 ? 0 : raw.get(i);
        }
        weights[raw.size()] = positive; // at least one drawable index
        AliasTable table = new AliasTable(weights);
        SplittableRandom random = new SplittableRandom(raw.size());
        for (int i = 0; i < 2_000; i++) {
            int index = table.draw(random);
            assertThat(weights[index]).isPositive();
        }
    }

    @Test
    void rejectsWeightsThatCannotFormADistribution() {
        assertThatThrownBy(() -> new AliasTable(new double[0])).hasMessageContaining("no weights");
        assertThatThrownBy(() -> new AliasTable(new double[] {0, 0})).hasMessageContaining("all zero");
        assertThatThrownBy(() -> new AliasTable(new double[] {1, -1})).hasMessageContaining("index 1");
        assertThatThrownBy(() -> new AliasTable(new double[] {1, Double.NaN})).hasMessageContaining("index 1");
        assertThatThrownBy(() -> new AliasTable(new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("index 0");
    }
}
