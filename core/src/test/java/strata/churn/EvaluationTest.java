package strata.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  @Test
  @SuppressWarnings("unchecked")
  void reliabilityBinsKeepOneKeyOrderSoQualityJsonIsTheSameBytesEveryRun() {
    // Two customers, one churned: every bin that holds one is written with its keys in the documented order.
    Evaluation e = Evaluation.of(new double[] {0.2, 0.9}, new double[] {0.2, 0.9}, new boolean[] {false, true});
    List<Map<String, Object>> bins = (List<Map<String, Object>>) e.toJson().get("reliability");
    assertThat(bins).isNotEmpty();
    for (Map<String, Object> bin : bins) {
      assertThat(List.copyOf(bin.keySet())).containsExactly("from", "to", "customers", "mean_predicted", "observed");
    }
  }
}
