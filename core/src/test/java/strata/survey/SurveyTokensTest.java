package strata.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyTokensTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Instant EXPIRES = Instant.ofEpochSecond(1767225600);
  private final SurveyTokens tokens = new SurveyTokens(SECRET);

  @Test
  void macIsTheIndependentlyComputedHmac() {
    // printf 'strata-survey\n42\nC-7\n1767225600' | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
    //   -binary | basenc --base64url | tr -d '='
    assertThat(tokens.issue(42, "C-7", EXPIRES)).isEqualTo("42-1767225600-en9iKqLOOl3qEdHu3F7f-t-kXXNkkgh29NZorj1xfbI");
    // the same with a Chinese customer id, signed as UTF-8
    assertThat(tokens.issue(42, "客户-7", EXPIRES)).endsWith("-y2bPfLgL8edU-p4PKuQarkLaZGP0Kl8BGaeeZ2BYIvU");
  }

  @Test
  void anIssuedTokenVerifiesUntilItsExpiry() {
    SurveyTokens.Parsed p = SurveyTokens.parse(tokens.issue(42, "C-7", EXPIRES)).orElseThrow();
    assertThat(p.invitationId()).isEqualTo(42);
    assertThat(p.expiresEpochSecond()).isEqualTo(1767225600L);
    assertThat(tokens.verify(p, "C-7", EXPIRES.minusSeconds(1))).isEqualTo(SurveyTokens.Verdict.OK);
    assertThat(tokens.verify(p, "C-7", EXPIRES)).isEqualTo(SurveyTokens.Verdict.EXPIRED);
  }

  @Test
  void anyChangedPartIsForged() {
    String good = tokens.issue(42, "C-7", EXPIRES);
    Instant before = EXPIRES.minusSeconds(60);
    // another customer's invitation, a later expiry, another id, another secret
    assertThat(tokens.verify(SurveyTokens.parse(good).orElseThrow(), "C-8", before)).isEqualTo(SurveyTokens.Verdict.FORGED);
    String later = good.replace("-1767225600-", "-1867225600-");
    assertThat(tokens.verify(SurveyTokens.parse(later).orElseThrow(), "C-7", before))
        .isEqualTo(SurveyTokens.Verdict.FORGED);
    String otherId = "43" + good.substring(2);
    assertThat(tokens.verify(SurveyTokens.parse(otherId).orElseThrow(), "C-7", before))
        .isEqualTo(SurveyTokens.Verdict.FORGED);
    SurveyTokens other = new SurveyTokens("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    assertThat(other.verify(SurveyTokens.parse(good).orElseThrow(), "C-7", before))
        .isEqualTo(SurveyTokens.Verdict.FORGED);
    // an expired forgery is forged, not expired: nothing is said about a token that was never ours
    assertThat(tokens.verify(SurveyTokens.parse(later).orElseThrow(), "C-7", Instant.ofEpochSecond(1967225600L)))
        .isEqualTo(SurveyTokens.Verdict.FORGED);
  }

  @Test
  void textNotShapedLikeATokenIsNotParsed() {
    for (String bad : new String[] {"", "-", "42", "42-", "42-1767225600", "42-1767225600-", "-1767225600-abc",
        "4x-1767225600-abc", "42-17x-abc", "99999999999999999999-1-abc", "9223372036854775808-1-abc", "42-1-" + "a".repeat(200),
        "<script>-1-a", "42--abc"}) {
      assertThat(SurveyTokens.parse(bad)).as(bad).isEmpty();
    }
    assertThat(SurveyTokens.parse(null)).isEmpty();
    assertThat(SurveyTokens.parse("9223372036854775807-1-abc")).as("the largest id").isPresent();
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new SurveyTokens(new byte[31])).hasMessageContaining("at least 32 bytes");
  }
}
