package strata.server.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Record ids for file rows, derived from content: {@code f:} + 96 bits of the SHA-256 of the row's fields + {@code :}
 * + which occurrence of that identical row in the file it is. Uploading the same file again gives the same ids, so it
 * inserts nothing; a row repeated within a file (kept, as the CLI keeps it) still gets an id of its own.
 *
 * <p>Memory: a set of 64-bit prefixes, about 16 bytes per row at worst (20M rows: some 300 MB during the import);
 * the full hashes are kept only for rows seen more than once.
 */
final class RecordIds {
  private final MessageDigest sha;
  private final LongSet seen = new LongSet();
  private final Map<String, Integer> repeats = new HashMap<>();
  private final StringBuilder text = new StringBuilder(256);

  RecordIds() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String next(Object[] fields) {
    text.setLength(0);
    for (Object f : fields) text.append(f == null ? "" : f.toString()).append('\u001f');
    byte[] hash = sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
    String hex = HexFormat.of().formatHex(hash, 0, 12);
    long prefix = 0;
    for (int i = 0; i < 8; i++) prefix = (prefix << 8) | (hash[i] & 0xFF);
    // A 64-bit prefix shared by two different rows only makes the second count as "occurrence 2" of its own hash:
    // still unique, still the same on every upload of the file.
    int occurrence = seen.add(prefix) ? 1 : repeats.merge(hex, 1, Integer::sum) + 1;
    return "f:" + hex + ":" + occurrence;
  }

  /** Open addressing over a long[]; 0 stands for empty, so the value 0 is stored as 1 (a harmless merge). */
  static final class LongSet {
    private long[] slots = new long[1 << 12];
    private int size;

    boolean add(long v) {
      if (v == 0) v = 1;
      if (size * 10L >= slots.length * 7L) grow();
      int mask = slots.length - 1;
      int i = (int) (mix(v) & mask);
      while (slots[i] != 0) {
        if (slots[i] == v) return false;
        i = (i + 1) & mask;
      }
      slots[i] = v;
      size++;
      return true;
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      size = 0;
      for (long v : old) if (v != 0) add(v);
    }

    private static long mix(long v) {
      v ^= v >>> 33;
      v *= 0xff51afd7ed558ccdL;
      return v ^ (v >>> 33);
    }
  }
}
