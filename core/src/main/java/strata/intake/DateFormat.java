package strata.intake;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * How a file's dates are read: Strata's built-in forms (fast, on bytes), or a pattern the user gave for other forms
 * such as {@code M/d/yyyy} or {@code dd.MM.yyyy}. A time after the date (after a space or 'T') is ignored either way.
 */
public final class DateFormat {
  static final DateFormat BUILT_IN = new DateFormat(null);
  private final DateTimeFormatter pattern;

  private DateFormat(DateTimeFormatter pattern) {
    this.pattern = pattern;
  }

  /** @throws IntakeException if the pattern is not a valid java.time date pattern */
  static DateFormat of(String pattern) {
    if (pattern == null || pattern.isBlank()) return BUILT_IN;
    try {
      // 'u' (proleptic year) instead of 'y' (year of era) lets the strict resolver refuse 2025-02-30.
      return new DateFormat(DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT));
    } catch (IllegalArgumentException e) {
      throw new IntakeException(IntakeException.BAD_DATE_FORMAT, pattern, e.getMessage());
    }
  }

  /** Epoch day, or {@link FieldParsers#BAD_DATE} / {@link FieldParsers#OUT_OF_RANGE}. */
  int parse(byte[] b, int from, int to, Charset charset) {
    if (pattern == null) return FieldParsers.parseDay(b, from, to);
    String text = new String(b, from, to - from, charset).strip();
    LocalDate date = parse(text);
    if (date == null) {
      int cut = text.indexOf(' ') >= 0 ? text.indexOf(' ') : text.indexOf('T');
      if (cut > 0) date = parse(text.substring(0, cut));
    }
    if (date == null) return FieldParsers.BAD_DATE;
    long day = date.toEpochDay();
    return day < FieldParsers.MIN_DAY || day > FieldParsers.MAX_DAY ? FieldParsers.OUT_OF_RANGE : (int) day;
  }

  private LocalDate parse(String text) {
    try {
      return LocalDate.parse(text, pattern);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
