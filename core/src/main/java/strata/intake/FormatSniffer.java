package strata.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out a file's encoding, delimiter and header from its first bytes.
 *
 * <p>Encoding: a UTF-8 byte-order mark, else UTF-8 if the first MiB decodes as UTF-8 but for a few stray bytes (whose
 * rows the intake rejects as {@code bad_encoding}), else GB18030 (a superset of GBK and GB2312, what Chinese Excel and
 * most Chinese ERPs write). UTF-16 files are refused with advice, since their
 * bytes cannot be split on ASCII delimiters.
 */
public final class FormatSniffer {
  static final int SAMPLE = 1 << 20;

  /** Non-ASCII characters that decode as UTF-8 per undecodable sequence, at least, for a sample to be UTF-8. */
  static final int STRAYS = 50;

  private FormatSniffer() {}

  /**
   * What the user said about a file; null fields are detected.
   *
   * @param dateFormat a java.time pattern such as {@code M/d/yyyy} for dates Strata does not read by itself; null for
   *     the built-in forms (yyyy-MM-dd, yyyy/M/d, yyyyMMdd, yyyy年M月d日 …)
   */
  public record Hints(Charset charset, String delimiter, List<String> columns, String dateFormat) {
    public static final Hints NONE = new Hints(null, null, null, null);

    public Hints(Charset charset, String delimiter, List<String> columns) {
      this(charset, delimiter, columns, null);
    }
  }

  public static CsvFormat sniff(Path file, Hints hints) {
    return sniff(file.getFileName().toString(), readSample(file), hints);
  }

  /**
   * As {@link #sniff(Path, Hints)}, from the file's first bytes (at least its first MiB, or all of a shorter file): for
   * files another engine reads, e.g. from a cluster's file system.
   */
  public static CsvFormat sniff(String name, byte[] head, Hints hints) {
    byte[] sample = head.length > SAMPLE ? java.util.Arrays.copyOf(head, SAMPLE) : head;
    if (sample.length >= 2 && ((sample[0] == (byte) 0xFF && sample[1] == (byte) 0xFE)
        || (sample[0] == (byte) 0xFE && sample[1] == (byte) 0xFF))) {
      throw new IntakeException(IntakeException.UTF16, name);
    }
    int bom = sample.length >= 3 && sample[0] == (byte) 0xEF && sample[1] == (byte) 0xBB && sample[2] == (byte) 0xBF ? 3 : 0;
    Charset charset = hints.charset() != null ? hints.charset()
        : bom == 3 || isUtf8(sample, bom) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    boolean whitespace = "whitespace".equalsIgnoreCase(hints.delimiter());
    int lineEnd = firstLineEnd(sample, bom);
    if (lineEnd < 0 && sample.length >= SAMPLE) {
      throw new IntakeException(IntakeException.NO_LINE_BREAK, name);
    }
    int headerEnd = lineEnd < 0 ? sample.length : lineEnd;
    byte delimiter = whitespace ? (byte) ' ' : delimiter(hints.delimiter(), sample, bom, headerEnd, name);
    DateFormat dates = DateFormat.of(hints.dateFormat());
    if (hints.columns() != null) {
      return new CsvFormat(charset, bom, delimiter, whitespace, List.copyOf(hints.columns()), hints.charset() == null,
          dates);
    }
    if (headerEnd == bom) {
      throw new IntakeException(IntakeException.EMPTY, name);
    }
    RecordCursor cursor = new RecordCursor(sample, bom, headerEnd, delimiter, whitespace);
    cursor.next(true);
    List<String> header = new ArrayList<>();
    for (int i = 0; i < cursor.fieldCount; i++) header.add(cursor.text(i, charset));
    long dataStart = lineEnd < 0 ? sample.length : lineEnd + 1;
    return new CsvFormat(charset, dataStart, delimiter, whitespace, header, hints.charset() == null, dates);
  }

  private static byte[] readSample(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SAMPLE);
    } catch (NoSuchFileException e) {
      throw new IntakeException(IntakeException.NOT_FOUND, file);
    } catch (IOException e) {
      throw IntakeException.causedBy(e, IntakeException.UNREADABLE, file, e.getMessage());
    }
  }

  /** The header ends at the first line break outside quotes. */
  private static int firstLineEnd(byte[] b, int from) {
    boolean quoted = false;
    for (int i = from; i < b.length; i++) {
      if (b[i] == '"') quoted = !quoted;
      else if (b[i] == '\n' && !quoted) return i;
    }
    return -1;
  }

  private static byte delimiter(String hint, byte[] b, int from, int to, String name) {
    if (hint != null) {
      return switch (hint.toLowerCase()) {
        case "tab", "\\t", "\t" -> (byte) '\t';
        case ",", "comma" -> (byte) ',';
        case ";", "semicolon" -> (byte) ';';
        case "|", "pipe" -> (byte) '|';
        default -> throw new IntakeException(IntakeException.UNKNOWN_DELIMITER, name, hint);
      };
    }
    byte[] candidates = {',', '\t', ';', '|'};
    int[] counts = new int[candidates.length];
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      if (b[i] == '"') quoted = !quoted;
      if (quoted) continue;
      for (int k = 0; k < candidates.length; k++) {
        if (b[i] == candidates[k]) counts[k]++;
      }
    }
    int best = 0;
    for (int k = 1; k < candidates.length; k++) {
      if (counts[k] > counts[best]) best = k;
    }
    return counts[best] == 0 ? (byte) ',' : candidates[best];
  }

  /**
   * Whether the sample reads as UTF-8: it decodes whole, or its undecodable sequences are strays among many characters
   * that decode (at most one per {@link #STRAYS} non-ASCII characters). A UTF-8 export with one corrupted row was read
   * as GB18030, which garbled every Chinese id and name of the file (客户 became 瀹㈡埛) instead of rejecting that row;
   * GBK text read as UTF-8 fails on most of its characters (about five failures per character that decodes by chance,
   * in a sample of Chinese company names), so the ratio tells the two apart.
   */
  private static boolean isUtf8(byte[] sample, int from) {
    int end = sample.length;
    if (end == SAMPLE) {
      // The sample may cut a multi-byte character in two; drop a trailing partial sequence.
      int i = end - 1;
      while (i > from && end - i < 4 && (sample[i] & 0xC0) == 0x80) i--;
      if ((sample[i] & 0x80) != 0) end = i;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(sample, from, end - from);
    CharBuffer out = CharBuffer.allocate(8192);
    long decoded = 0;
    long strays = 0;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      out.flip();
      while (out.hasRemaining()) decoded += out.get() >= 0x80 ? 1 : 0;
      out.clear();
      if (result.isUnderflow()) break;
      if (result.isError()) {
        strays++;
        in.position(in.position() + result.length());
      }
    }
    return strays == 0 || decoded >= STRAYS * strays;
  }

}
