package strata.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A customer's fixed random number in an experiment: the first 8 bytes of SHA-256(experiment id, NUL, customer id),
 * as an unsigned 64-bit integer scaled to [0, 1). SHA-256 because every JDK, PostgreSQL ({@code sha256()}) and
 * Python ({@code hashlib}) has it with one definition, so an analyst can recompute an assignment anywhere; it needs
 * no library, and its output is uniform and independent of the ids' patterns (sequential ids, shared prefixes).
 */
public final class HoldoutHash {
  private HoldoutHash() {}

  /** @return a number in [0, 1), the same for the same ids in every run and on every machine */
  public static double unit(String experiment, String customerId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(experiment.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(customerId.getBytes(StandardCharsets.UTF_8));
      long bits = ByteBuffer.wrap(sha.digest()).getLong();
      // The top 53 bits fill a double's mantissa exactly: no rounding up to 1.0.
      return (bits >>> 11) * 0x1.0p-53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
