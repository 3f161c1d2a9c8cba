package strata.intake;

import java.nio.charset.Charset;
import java.util.List;

/**
 * How a delimited file is written.
 *
 * @param dataStart byte offset of the first data row (after any BOM and header line)
 * @param delimiter the field separator; ignored when {@code whitespace}
 * @param whitespace fields are separated by runs of spaces or tabs and never quoted (e.g. the CDNOW logs)
 * @param header the header's field names, or the names given by the user when the file has none
 * @param charsetDetected false when the user named the encoding
 * @param dates how dates are read
 */
public record CsvFormat(
    Charset charset,
    long dataStart,
    byte delimiter,
    boolean whitespace,
    List<String> header,
    boolean charsetDetected,
    DateFormat dates) {

  /** The delimiter as a user would name it. */
  public String delimiterName() {
    if (whitespace) return "whitespace";
    return switch (delimiter) {
      case '\t' -> "tab";
      case ',' -> ",";
      case ';' -> ";";
      case '|' -> "|";
      default -> String.valueOf((char) delimiter);
    };
  }
}
