package strata.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  @Test
  void matchesRfc4231TestCase2() {
    // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?", HMAC-SHA-256.
    assertThat(WebhookSignature.hmacSha256Hex("Jefe", "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void theHeaderSignsTimestampDotBody() {
    assertThat(WebhookSignature.header("Jefe", 1, "x"))
        .isEqualTo("sha256=" + WebhookSignature.hmacSha256Hex("Jefe", "1.x"));
  }
}
