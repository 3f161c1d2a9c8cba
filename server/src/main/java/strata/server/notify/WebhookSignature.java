package strata.server.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks: HMAC-SHA256 (RFC 2104 with SHA-256, the JDK's {@code HmacSHA256}) of
 * {@code timestamp + "." + body} under the shared secret, hex, sent as {@code X-Strata-Signature: sha256=<hex>} with
 * {@code X-Strata-Timestamp}; signing the timestamp too lets receivers refuse replays of old deliveries.
 */
final class WebhookSignature {
  private WebhookSignature() {}

  static String hmacSha256Hex(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  static String header(String secret, long timestamp, String body) {
    return "sha256=" + hmacSha256Hex(secret, timestamp + "." + body);
  }
}
