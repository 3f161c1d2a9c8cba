package strata.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagsTest {
  @Test
  void fullWidthFormsAndSpacesMakeTheSameTag() {
    assertThat(Tags.of("ＶＩＰ").tag()).isEqualTo("VIP");
    assertThat(Tags.of("２０２６ 中秋").tag()).isEqualTo("2026 中秋");
    assertThat(Tags.of("  重点\u3000\u3000客户 ").tag()).isEqualTo("重点 客户"); // ideographic spaces, as typed in zh
    assertThat(Tags.of("VIP").tag()).isNotEqualTo(Tags.of("vip").tag());
  }

  @Test
  void emptyHostileAndLongTextIsRefusedWithItsReason() {
    assertThat(Tags.of(null).problem()).isEqualTo(Tags.Problem.EMPTY);
    assertThat(Tags.of(" \u3000 ").problem()).isEqualTo(Tags.Problem.EMPTY);
    assertThat(Tags.of("a\nb").problem()).isEqualTo(Tags.Problem.CONTROL);
    assertThat(Tags.of("a\tb").problem()).isEqualTo(Tags.Problem.CONTROL);
    assertThat(Tags.of("VIP\u200B").problem()).isEqualTo(Tags.Problem.CONTROL); // zero-width space
    assertThat(Tags.of("a\u0000").problem()).isEqualTo(Tags.Problem.CONTROL);
    assertThat(Tags.of("a\u0000").value()).isEmpty();
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    String thirty = "客".repeat(29) + "𠀀"; // U+20000 is two UTF-16 units, one character
    assertThat(Tags.of(thirty).tag()).isEqualTo(thirty);
    assertThat(Tags.of(thirty + "户").problem()).isEqualTo(Tags.Problem.TOO_LONG);
    assertThat(Tags.of("x".repeat(100_000)).problem()).isEqualTo(Tags.Problem.TOO_LONG);
    assertThat(Tags.of("=cmd|' /C calc'!A0").tag()).isEqualTo("=cmd|' /C calc'!A0"); // kept; exports neutralise it
  }
}
