package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.identity.CandidatePair;
import strata.identity.DuplicateCandidates;
import strata.identity.IdentityReport;
import strata.identity.MatchReason;

class QualityDocumentTest {
  private static final IdentityReport REPORT = new IdentityReport(
      List.of(new CandidatePair("C1", "C2", 0.5, List.of(MatchReason.SAME_NAME), "Li Lei", "Li Lei")),
      List.of(new DuplicateCandidates.CommonKey(MatchReason.SAME_PHONE, 40, List.of("C3", "C4"))),
      List.of(), false, Map.of("c5", "C5"), 0, List.of());

  @Test
  @SuppressWarnings("unchecked")
  void identityExamplesKeepTheirKeysInOneOrder() {
    // Written in this order, as duplicates.csv's columns; Map.of's order changed with every JVM start.
    Map<String, Object> doc = QualityDocument.identity(REPORT);
    Map<String, Object> pair = ((List<Map<String, Object>>) doc.get("duplicate_examples")).get(0);
    Map<String, Object> key = ((List<Map<String, Object>>) doc.get("common_keys")).get(0);
    Map<String, Object> merged = ((List<Map<String, Object>>) doc.get("merged_examples")).get(0);
    assertThat(pair).containsExactly(Map.entry("id_a", "C1"), Map.entry("id_b", "C2"), Map.entry("score", 0.5),
        Map.entry("reasons", "same_name"));
    assertThat(key.keySet()).containsExactly("reason", "customers", "example_ids");
    assertThat(merged).containsExactly(Map.entry("id", "c5"), Map.entry("merged_into", "C5"));
  }
}
