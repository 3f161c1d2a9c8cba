package strata.intake;

/**
 * A row that was not used, with enough to find and fix it.
 *
 * @param line 1-based physical line where the row starts
 * @param detail the offending value or a precise note, e.g. {@code amount 'N/A'}
 * @param raw the row as it was in the file (decoded; bytes not valid in the file's encoding written as {@code \xFF}),
 *     cut at {@link #MAX_RAW} characters
 */
public record Rejection(String file, long line, RejectReason reason, String detail, String raw)
    implements java.io.Serializable {
  public static final int MAX_RAW = 10_000;

  /**
   * The row's bytes decoded, cut at {@link #MAX_RAW} characters (a hostile row can be megabytes long). Bytes the
   * encoding cannot decode are shown as {@code \xFF} rather than U+FFFD, so the user sees which bytes to fix.
   */
  static String raw(byte[] buf, int from, int to, java.nio.charset.Charset charset) {
    String raw = StrictDecoder.escaped(buf, from, to, charset);
    return raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) + "…" : raw;
  }
}
