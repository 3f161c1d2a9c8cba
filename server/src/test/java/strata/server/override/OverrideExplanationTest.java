package strata.server.override;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A customer's explanation under a tier set by hand reads in the reader's language, the model's reason after it. */
class OverrideExplanationTest {
  private static final OverrideStore.Override KEY_ACCOUNT = new OverrideStore.Override(1, "C1", "high_value",
      "key account", Instant.parse("2026-12-31T00:00:00Z"), "ann", Instant.parse("2026-12-01T08:00:00Z"), null, null,
      null);

  @Test
  void readsInEitherLanguageWithTheModelsReasonAfterIt() {
    // The English text is the one written before the texts moved to the labels bundles, unchanged.
    assertThat(KEY_ACCOUNT.explanation(Locale.ENGLISH, "low_value: monetary=120"))
        .isEqualTo("overridden by ann: key account (until 2026-12-31); model: low_value: monetary=120");
    assertThat(KEY_ACCOUNT.explanation(Locale.SIMPLIFIED_CHINESE, "低价值客户：消费金额为 120"))
        .isEqualTo("由 ann 手动调整：key account（至 2026-12-31）；模型：低价值客户：消费金额为 120");
  }

  @Test
  void anOverrideWithoutEndSaysNoDate() {
    OverrideStore.Override open = new OverrideStore.Override(2, "C2", "vip", "CEO's friend", null, "bo",
        Instant.parse("2026-12-01T08:00:00Z"), null, null, null);
    assertThat(open.explanation(Locale.ENGLISH, "x")).isEqualTo("overridden by bo: CEO's friend; model: x");
  }

  @Test
  void findsTheModelsReasonAgainAlsoInTextsWrittenBefore() {
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      assertThat(OverrideStore.Override.modelReason(KEY_ACCOUNT.explanation(locale, "the model's"), locale))
          .isEqualTo("the model's");
    }
    // Snapshots written before the Chinese text had its own words: English in front, the Chinese separator.
    assertThat(OverrideStore.Override.modelReason("overridden by ann: key account；模型：低价值客户",
        Locale.forLanguageTag("zh"))).isEqualTo("低价值客户");
  }
}
