package strata.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Checks a row's bytes against the file's encoding, so that a byte sequence invalid in it refuses the row
 * ({@link RejectReason#BAD_ENCODING}) instead of becoming U+FFFD: decoded with replacement, the GB18030 ids
 * {@code ZZQ\xFF\xFE01}, {@code …02} and {@code …03} all became "ZZQ��" and merged into one customer.
 *
 * <p>The intake reads only ASCII-compatible encodings (UTF-8, GB18030/GBK), in which a byte below 0x80 is always a
 * character of its own; so rows of ASCII bytes alone, the usual case, are valid without decoding and cost one
 * word-at-a-time scan. One instance per thread: a {@link CharsetDecoder} has state.
 */
final class StrictDecoder {
  private static final long HIGH_BITS = 0x8080808080808080L;
  /** Subtracted from a word of ASCII bytes, sets the high bit of each byte below 0x20 (with {@code & ~word}). */
  private static final long SPACES = 0x2020202020202020L;
  private static final long ONES = 0x0101010101010101L;
  /** XORed with a word, turns each DEL (0x7F) into a zero byte, which {@code (x - ONES) & ~x} marks. */
  private static final long DELETES = 0x7F7F7F7F7F7F7F7FL;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private CharBuffer chars = CharBuffer.allocate(256);

  StrictDecoder(Charset charset) {
    this.charset = charset;
    this.decoder = strict(charset);
  }

  private static CharsetDecoder strict(Charset charset) {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Whether {@code b[from, to)} holds only bytes below 0x80. */
  static boolean ascii(byte[] b, int from, int to) {
    long high = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) high |= Words.at(b, i);
    for (; i < to; i++) high |= b[i];
    return (high & HIGH_BITS) == 0;
  }

  /** Whether {@code b[from, to)} decodes in the file's encoding without a malformed or unmappable sequence. */
  boolean valid(byte[] b, int from, int to) {
    return ascii(b, from, to) || decode(b, from, to);
  }

  /**
   * The first of the record's fields {@code 0 .. fields-1} (fewer if the record has fewer) whose content is not valid
   * in the file's encoding, or -1. Quoted fields are checked after unquoting.
   */
  int firstInvalidField(RecordCursor rec, int fields) {
    int n = Math.min(fields, rec.fieldCount);
    for (int i = 0; i < n; i++) {
      if (rec.complex[i]) {
        byte[] content = rec.unquoted(i);
        if (!valid(content, 0, content.length)) return i;
      } else if (!valid(rec.buffer(), rec.starts[i], rec.ends[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether a customer id's bytes (valid in the file's encoding) hold a control character: NUL, a line break, any
   * other C0 or C1 control (U+0000..U+001F, U+007F..U+009F). Such ids are export faults, and two of them differing only
   * by it would look like one customer in every output.
   */
  boolean hasControl(byte[] b, int from, int to) {
    // A word at a time first: ids are mostly short ASCII, and a byte at a time this check took 9 % of an RFM run's
    // samples at 100M rows (bench/README.md). Exact while every byte is below 0x80; any other word goes byte by byte.
    long high = 0;
    long control = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = Words.at(b, i);
      long del = w ^ DELETES;
      high |= w;
      control |= ((w - SPACES) & ~w) | ((del - ONES) & ~del);
    }
    if ((high & HIGH_BITS) == 0) {
      if ((control & HIGH_BITS) != 0) return true;
      for (; i < to; i++) {
        int c = b[i];
        if (c < 0) return hasControlDecoded(b, from, to);
        if (c < 0x20 || c == 0x7F) return true;
      }
      return false;
    }
    return hasControlDecoded(b, from, to);
  }

  /** {@link #hasControl(byte[], int, int)} a byte at a time, decoding when a byte is not ASCII. */
  private boolean hasControlDecoded(byte[] b, int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      int c = b[i];
      if (c < 0) ascii = false;
      else if (c < 0x20 || c == 0x7F) return true; // in an ASCII-compatible encoding, always a character of its own
    }
    if (ascii) return false;
    decode(b, from, to);
    return hasControl(chars.flip());
  }

  /** Whether the text holds a control character (see {@link #hasControl(byte[], int, int)}). */
  static boolean hasControl(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) return true;
    }
    return false;
  }

  /** Decodes into {@link #chars}; false at the first malformed or unmappable sequence. */
  private boolean decode(byte[] b, int from, int to) {
    int most = (int) Math.ceil((to - from) * (double) decoder.maxCharsPerByte());
    if (chars.capacity() < most) chars = CharBuffer.allocate(most);
    chars.clear();
    decoder.reset();
    ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
    CoderResult r = decoder.decode(in, chars, true);
    if (r.isError()) return false;
    return !decoder.flush(chars).isError();
  }

  /** The field's text for a message, with the bytes not valid in the encoding written as {@code \xFF}. */
  String escaped(RecordCursor rec, int field) {
    String text = rec.complex[field]
        ? escaped(rec.unquoted(field), charset)
        : escaped(rec.buffer(), rec.starts[field], rec.ends[field], charset);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static String escaped(byte[] b, Charset charset) {
    return escaped(b, 0, b.length, charset);
  }

  /**
   * {@code b[from, to)} decoded, each byte that starts no valid sequence written as {@code \x} and two upper-case hex
   * digits. A backslash in the file is kept as it is, so {@code \xFF} can also be those four characters
   * typed; it is for people reading rejected.csv, not for reading back.
   */
  static String escaped(byte[] b, int from, int to, Charset charset) {
    if (ascii(b, from, to)) return new String(b, from, to - from, charset);
    CharsetDecoder decoder = strict(charset);
    ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
    CharBuffer out = CharBuffer.allocate((to - from) * 4 + 16);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        // One byte at a time, then decoding resumes: GB18030 reports FF FE 30 31 ("\xFF\xFE01") as two sequences,
        // the second taking the digits with it.
        out.append(String.format("\\x%02X", in.get() & 0xFF));
      } else if (r.isOverflow()) {
        out = CharBuffer.allocate(out.capacity() * 2).put(out.flip());
      } else {
        break;
      }
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
