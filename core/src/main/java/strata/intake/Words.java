package strata.intake;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight bytes of a byte array read as one word, for the intake's scans that handle a word at a time. */
final class Words {
  private static final VarHandle LITTLE_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Words() {}

  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  /** The byte {@code b} in each of a word's eight bytes, a pattern for {@link #bytesEqual}. */
  static long repeated(byte b) {
    return (b & 0xFFL) * 0x0101010101010101L;
  }

  /** 0x80 in each byte of {@code w} equal to the byte repeated in {@code pattern}, 0 elsewhere (exact, no carries). */
  static long bytesEqual(long w, long pattern) {
    long x = w ^ pattern;
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /** Bytes {@code b[i] … b[i + 7]}, the first in the lowest byte. */
  static long at(byte[] b, int i) {
    return (long) LITTLE_ENDIAN_LONGS.get(b, i);
  }
}
