package strata.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link token of a survey invitation: {@code <invitation id>-<expiry, epoch seconds>-<mac>}, where mac is the
 * unpadded base64url HMAC-SHA256, under the server's secret, of the UTF-8 text
 * {@code strata-survey\n<invitation id>\n<customer id>\n<expiry>}. The customer id is signed but not written in the
 * link (an SMS or a forwarded mail should not reveal it); the verifier looks it up by the invitation id. Whether an
 * invitation was already answered is the store's business, not the token's.
 */
public final class SurveyTokens {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_SECRET_BYTES = 32;
  /** A link longer than this is not ours; refused before any parsing. */
  private static final int MAX_LENGTH = 120;

  private final SecretKeySpec key;

  /** @throws IllegalArgumentException for a secret under 32 bytes (HMAC-SHA256's own output size) */
  public SurveyTokens(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the survey secret must have at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /** A token's readable parts; {@code mac} still to be checked with {@link #verify}. */
  public record Parsed(long invitationId, long expiresEpochSecond, String mac) {}

  /** Why a token is refused, or OK. */
  public enum Verdict { OK, FORGED, EXPIRED }

  public String issue(long invitationId, String customerId, Instant expires) {
    return invitationId + "-" + expires.getEpochSecond() + "-" + mac(invitationId, customerId, expires.getEpochSecond());
  }

  /** @return the parts, or empty when the text is not shaped like a token at all */
  public static Optional<Parsed> parse(String token) {
    if (token == null || token.length() > MAX_LENGTH) return Optional.empty();
    int first = token.indexOf('-');
    int second = first < 0 ? -1 : token.indexOf('-', first + 1);
    if (first < 1 || second < first + 2 || second == token.length() - 1) return Optional.empty();
    String id = token.substring(0, first);
    String expires = token.substring(first + 1, second);
    if (!digits(id) || !digits(expires) || id.length() > 19 || expires.length() > 12) return Optional.empty();
    try {
      return Optional.of(new Parsed(Long.parseLong(id), Long.parseLong(expires), token.substring(second + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty(); // 19 digits beyond Long.MAX_VALUE
    }
  }

  /**
   * @param customerId the customer the invitation was issued to, as stored
   * @return FORGED unless the mac is this secret's for the invitation, customer and expiry; then EXPIRED at or after
   *     the expiry; else OK
   */
  public Verdict verify(Parsed token, String customerId, Instant now) {
    byte[] expected = mac(token.invitationId(), customerId, token.expiresEpochSecond()).getBytes(StandardCharsets.US_ASCII);
    // Constant time: a comparison that stops at the first wrong byte tells a forger how many bytes were right.
    if (!MessageDigest.isEqual(expected, token.mac().getBytes(StandardCharsets.US_ASCII))) return Verdict.FORGED;
    return now.getEpochSecond() >= token.expiresEpochSecond() ? Verdict.EXPIRED : Verdict.OK;
  }

  private String mac(long invitationId, String customerId, long expires) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] sum = mac.doFinal(("strata-survey\n" + invitationId + "\n" + customerId + "\n" + expires)
          .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    }
    return true;
  }
}
