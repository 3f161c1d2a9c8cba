package strata.intake;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight bytes of a byte array read as one word, for the intake's scans that handle a word at a time. */
final class Words {
  private static final VarHandle LITTLE_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Words() {}

  /** Bytes {@code b[i] … b[i + 7]}, the first in the lowest byte. */
  static long at(byte[] b, int i) {
    return (long) LITTLE_ENDIAN_LONGS.get(b, i);
  }
}
