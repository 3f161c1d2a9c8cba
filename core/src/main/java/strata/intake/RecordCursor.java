package strata.intake;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Walks the CSV records of a byte range (RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks),
 * exposing each record's fields as offsets into the buffer, so hot fields are parsed without building Strings.
 *
 * <p>Hand-written because intake is split into blocks parsed in parallel, which needs record boundaries found on bytes;
 * tested against FastCSV as an independent parser. A quote counts as a quote only at the start of a field; elsewhere it
 * is a literal character, as in most spreadsheet exports. Text after a closing quote is appended to the field.
 */
final class RecordCursor {
  private final byte[] buf;
  private final int limit;
  private final byte delimiter;
  private final long delimiters;
  private final boolean whitespaceDelimited;
  private int pos;

  /** Number of '\n' bytes consumed before the current record started, i.e. its line offset in the range. */
  int linesBefore;
  private int lines;
  int recordStart;
  int recordEnd;
  int fieldCount;
  int[] starts = new int[16];
  int[] ends = new int[16];
  /** True for a field whose raw bytes need unquoting ({@link #text}); starts/ends then hold the raw span. */
  boolean[] complex = new boolean[16];
  /** True when the range ended inside a quoted field with no more input to come. */
  boolean unterminatedQuote;

  RecordCursor(byte[] buf, int from, int limit, byte delimiter, boolean whitespaceDelimited) {
    this.buf = buf;
    this.pos = from;
    this.limit = limit;
    this.delimiter = delimiter;
    this.delimiters = Words.repeated(delimiter);
    this.whitespaceDelimited = whitespaceDelimited;
  }

  int position() {
    return pos;
  }

  int lines() {
    return lines;
  }

  /**
   * Moves to the next non-blank record.
   *
   * @param atEof whether the range is the end of the input: then a last record without a line break counts
   * @return false when no complete record remains; {@link #position()} is then where the incomplete one starts
   */
  boolean next(boolean atEof) {
    while (true) {
      if (pos >= limit) {
        return false;
      }
      int state = whitespaceDelimited ? scanWhitespace(atEof) : scanDelimited(atEof);
      if (state < 0) {
        return false;
      }
      if (!(fieldCount == 1 && ends[0] == starts[0] && !complex[0])) {
        return true; // a blank line has one empty field and is skipped
      }
    }
  }

  private static final long NEWLINES = Words.repeated((byte) '\n');

  /**
   * The first delimiter or line break at or after {@code p}, else the limit. Eight bytes at a time: the field scan
   * was the first of an RFM run's samples (9 % at 100M rows) a byte at a time.
   */
  private int fieldEnd(int p) {
    for (; p + 8 <= limit; p += 8) {
      long w = Words.at(buf, p);
      long stops = Words.bytesEqual(w, delimiters) | Words.bytesEqual(w, NEWLINES);
      if (stops != 0) return p + (Long.numberOfTrailingZeros(stops) >>> 3);
    }
    while (p < limit && buf[p] != delimiter && buf[p] != '\n') p++;
    return p;
  }

  private int scanDelimited(boolean atEof) {
    int p = pos;
    int newlines = 0;
    fieldCount = 0;
    unterminatedQuote = false;
    recordStart = p;
    while (true) {
      int fieldStart = p;
      boolean isComplex = false;
      int contentStart = p;
      int contentEnd;
      if (p < limit && buf[p] == '"') {
        int q = p + 1;
        boolean escaped = false;
        while (true) {
          while (q < limit && buf[q] != '"') {
            if (buf[q] == '\n') newlines++;
            q++;
          }
          if (q >= limit) { // no closing quote in the range
            if (!atEof) return -1;
            unterminatedQuote = true;
            return finishAt(limit, newlines, fieldStart, limit, true);
          }
          if (q + 1 >= limit && !atEof) return -1; // cannot tell a closing quote from half of a doubled one
          if (q + 1 < limit && buf[q + 1] == '"') {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        contentStart = p + 1;
        contentEnd = q;
        p = q + 1;
        if (p < limit && buf[p] != delimiter && buf[p] != '\n' && buf[p] != '\r') {
          isComplex = true; // text after the closing quote
        }
        isComplex |= escaped;
        p = fieldEnd(p);
        if (isComplex) {
          contentStart = fieldStart;
          contentEnd = stripCr(fieldStart, p);
        }
      } else {
        p = fieldEnd(p);
        contentEnd = stripCr(fieldStart, p);
      }
      if (p >= limit && !atEof) {
        return -1;
      }
      addField(contentStart, contentEnd, isComplex);
      if (p < limit && buf[p] == delimiter) {
        p++;
        continue;
      }
      if (p < limit) { // newline
        newlines++;
        recordEnd = stripCr(recordStart, p);
        pos = p + 1;
      } else {
        recordEnd = stripCr(recordStart, p);
        pos = p;
      }
      linesBefore = lines;
      lines += newlines;
      return 0;
    }
  }

  private int finishAt(int end, int newlines, int fieldStart, int fieldEnd, boolean isComplex) {
    addField(fieldStart, fieldEnd, isComplex);
    recordEnd = end;
    pos = end;
    linesBefore = lines;
    lines += newlines;
    return 0;
  }

  private int scanWhitespace(boolean atEof) {
    int p = pos;
    while (p < limit && buf[p] != '\n') p++;
    if (p >= limit && !atEof) {
      return -1;
    }
    recordStart = pos;
    recordEnd = stripCr(pos, p);
    fieldCount = 0;
    unterminatedQuote = false;
    int i = recordStart;
    while (true) {
      while (i < recordEnd && (buf[i] == ' ' || buf[i] == '\t')) i++;
      if (i >= recordEnd) break;
      int s = i;
      while (i < recordEnd && buf[i] != ' ' && buf[i] != '\t') i++;
      addField(s, i, false);
    }
    if (fieldCount == 0) {
      addField(recordStart, recordStart, false);
    }
    pos = p < limit ? p + 1 : p;
    linesBefore = lines;
    lines += p < limit ? 1 : 0;
    return 0;
  }

  private int stripCr(int from, int end) {
    return end > from && buf[end - 1] == '\r' ? end - 1 : end;
  }

  private void addField(int start, int end, boolean isComplex) {
    if (fieldCount == starts.length) {
      starts = Arrays.copyOf(starts, fieldCount * 2);
      ends = Arrays.copyOf(ends, fieldCount * 2);
      complex = Arrays.copyOf(complex, fieldCount * 2);
    }
    starts[fieldCount] = start;
    ends[fieldCount] = end;
    complex[fieldCount] = isComplex;
    fieldCount++;
  }

  /** The field's text, unquoted and decoded, with surrounding spaces trimmed. */
  String text(int field, Charset charset) {
    if (!complex[field]) {
      return new String(buf, starts[field], ends[field] - starts[field], charset).strip();
    }
    return new String(unquoted(field), charset).strip();
  }

  /** The field's bytes with RFC 4180 quoting removed (only for complex fields; plain ones are read in place). */
  byte[] unquoted(int field) {
    int s = starts[field];
    int e = ends[field];
    byte[] out = new byte[e - s];
    int n = 0;
    int i = s + 1; // skip the opening quote
    while (i < e) {
      if (buf[i] == '"') {
        if (i + 1 < e && buf[i + 1] == '"') {
          out[n++] = '"';
          i += 2;
          continue;
        }
        i++; // closing quote: the rest is literal
        while (i < e) out[n++] = buf[i++];
        break;
      }
      out[n++] = buf[i++];
    }
    return Arrays.copyOf(out, n);
  }

  byte[] buffer() {
    return buf;
  }
}
