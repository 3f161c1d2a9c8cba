package strata.intake;

import java.time.LocalDate;

/**
 * Parses dates and money straight from the bytes of a CSV field.
 *
 * <p>Hand-written because it is the inner loop of intake: on a 10M-row file, going through String and
 * {@code DateTimeFormatter}/{@code BigDecimal} per field costs more than the whole rest of the pass (measured in
 * bench/README.md). Only ASCII bytes are read, which is safe for both UTF-8 and GB18030: neither uses bytes below 0x80
 * inside a multi-byte character except GB18030's digit and letter trail bytes, which never follow an ASCII byte here.
 */
public final class FieldParsers {
  /** Returned by {@link #parseDay} when the text is not a date. */
  public static final int BAD_DATE = Integer.MIN_VALUE;
  /** Returned by {@link #parseDay} for a valid date outside the supported range. */
  public static final int OUT_OF_RANGE = Integer.MIN_VALUE + 1;
  public static final int MIN_DAY = 0; // 1970-01-01
  /** 2149-06-06: days are stored as unsigned 16-bit numbers (see strata.summary.DayLists). */
  public static final int MAX_DAY = 65_535;
  /** Largest accepted absolute amount, in cents (1e12 currency units). */
  public static final long MAX_CENTS = 100_000_000_000_000L;

  private FieldParsers() {}

  /**
   * Reads a calendar day from {@code yyyy-MM-dd}, {@code yyyy/M/d}, {@code yyyy.M.d}, {@code yyyyMMdd} or
   * {@code yyyy年M月d日}, optionally followed by a time ({@code ' '} or {@code 'T'} then anything), which is ignored: Strata
   * works in whole days.
   *
   * @return the epoch day, {@link #BAD_DATE} or {@link #OUT_OF_RANGE}
   */
  public static int parseDay(byte[] b, int from, int to) {
    if (to - from == 10 && b[from + 4] == '-' && b[from + 7] == '-') {
      int iso = isoDay(b, from);
      if (iso != BAD_DATE) return iso;
    }
    int i = from;
    int year = 0;
    int digits = 0;
    while (i < to && isDigit(b[i]) && digits < 8) {
      year = year * 10 + (b[i] - '0');
      i++;
      digits++;
    }
    int month;
    int day;
    if (digits == 8) { // yyyyMMdd
      day = year % 100;
      month = (year / 100) % 100;
      year = year / 10000;
    } else if (digits == 4 && i < to) {
      int sepLen = separatorLength(b, i, to);
      if (sepLen == 0) {
        return BAD_DATE;
      }
      i += sepLen;
      int start = i;
      month = 0;
      while (i < to && isDigit(b[i]) && i - start < 2) {
        month = month * 10 + (b[i++] - '0');
      }
      if (i == start || i >= to) {
        return BAD_DATE;
      }
      int sep2 = separatorLength(b, i, to);
      if (sep2 == 0 || !sameSeparatorFamily(b, i - (i - start) - sepLen, b[i])) {
        return BAD_DATE;
      }
      i += sep2;
      start = i;
      day = 0;
      while (i < to && isDigit(b[i]) && i - start < 2) {
        day = day * 10 + (b[i++] - '0');
      }
      if (i == start) {
        return BAD_DATE;
      }
      if (i + 3 <= to && b[i] == (byte) 0xE6 && b[i + 1] == (byte) 0x97 && b[i + 2] == (byte) 0xA5) {
        i += 3; // 日 in UTF-8
      } else if (i + 2 <= to && b[i] == (byte) 0xC8 && b[i + 1] == (byte) 0xD5) {
        i += 2; // 日 in GBK
      }
    } else {
      return BAD_DATE;
    }
    if (i < to && b[i] != ' ' && b[i] != 'T') {
      return BAD_DATE;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return BAD_DATE;
    }
    if (day > daysInMonth(year, month)) {
      return BAD_DATE; // e.g. 2025-02-30
    }
    long epochDay = epochDay(year, month, day);
    return epochDay < MIN_DAY || epochDay > MAX_DAY ? OUT_OF_RANGE : (int) epochDay;
  }

  /**
   * The common {@code yyyy-MM-dd} on its own, without the general path's separator and suffix handling (date parsing
   * was the largest part of reading a row; measured). {@link #BAD_DATE} sends anything unusual to the general path.
   * The eight bytes before the day are checked as digits in one word, and days are counted from tables of year and
   * month starts rather than computed with divisions: about a tenth of reading a row before.
   */
  private static int isoDay(byte[] b, int from) {
    long digits = (Words.at(b, from) & ~DASHES) | ZEROS_AT_DASHES;
    if ((((digits + 0x4646464646464646L) | (digits - ZEROS) | digits) & HIGH_BITS) != 0) return BAD_DATE;
    int d0 = b[from + 8] - '0';
    int d1 = b[from + 9] - '0';
    if ((d0 | d1) < 0 || d0 > 9 || d1 > 9) return BAD_DATE;
    long v = digits - ZEROS; // one digit value per byte, no borrows
    int year = (int) (v & 0xFF) * 1000 + (int) (v >>> 8 & 0xFF) * 100 + (int) (v >>> 16 & 0xFF) * 10
        + (int) (v >>> 24 & 0xFF);
    int month = (int) (v >>> 40 & 0xFF) * 10 + (int) (v >>> 48 & 0xFF);
    int day = d0 * 10 + d1;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return BAD_DATE;
    int y = year - FIRST_YEAR;
    if (y < 0 || y >= YEAR_START.length) return OUT_OF_RANGE; // the supported days lie within the table's years
    boolean leap = month > 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    long epochDay = YEAR_START[y] + MONTH_START[month] + (leap ? 1 : 0) + day - 1;
    return epochDay > MAX_DAY ? OUT_OF_RANGE : (int) epochDay;
  }

  /** The bytes of "yyyy-MM-" holding the dashes (4 and 7), and the same word with '0' there instead. */
  private static final long DASHES = 0xFF0000FF00000000L;
  private static final long ZEROS_AT_DASHES = 0x3000003000000000L;
  private static final long ZEROS = 0x3030303030303030L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final int FIRST_YEAR = 1970;
  /** Epoch day of 1 January of 1970 … 2149 (the years of {@link #MIN_DAY} … {@link #MAX_DAY}). */
  private static final int[] YEAR_START = new int[2149 - FIRST_YEAR + 1];
  /** Days before each month in a common year (index 1 = January). */
  private static final int[] MONTH_START = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

  static {
    for (int y = 0; y < YEAR_START.length; y++) YEAR_START[y] = (int) epochDay(FIRST_YEAR + y, 1, 1);
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) {
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /**
   * Days since 1970-01-01 of a valid proleptic Gregorian date (H. Hinnant's days_from_civil); the same result as
   * {@code LocalDate.toEpochDay}, without its object and checks in the per-row path.
   */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097L + doe - 719468;
  }

  /** Length of a date separator at {@code i}: '-', '/', '.', or 年/月 in UTF-8 (3 bytes) or GBK (2 bytes); 0 if none. */
  private static int separatorLength(byte[] b, int i, int to) {
    byte c = b[i];
    if (c == '-' || c == '/' || c == '.') {
      return 1;
    }
    if (i + 3 <= to && c == (byte) 0xE5 && b[i + 1] == (byte) 0xB9 && b[i + 2] == (byte) 0xB4) {
      return 3; // 年
    }
    if (i + 3 <= to && c == (byte) 0xE6 && b[i + 1] == (byte) 0x9C && b[i + 2] == (byte) 0x88) {
      return 3; // 月
    }
    if (i + 2 <= to && ((c == (byte) 0xC4 && b[i + 1] == (byte) 0xEA) || (c == (byte) 0xD4 && b[i + 1] == (byte) 0xC2))) {
      return 2; // 年 / 月 in GBK
    }
    return 0;
  }

  /** "2024-03/05" is rejected: an ASCII separator must be repeated; 年 is followed by 月. */
  private static boolean sameSeparatorFamily(byte[] b, int firstSep, byte second) {
    byte first = b[firstSep];
    boolean firstAscii = first == '-' || first == '/' || first == '.';
    boolean secondAscii = second == '-' || second == '/' || second == '.';
    return firstAscii ? first == second : !secondAscii;
  }

  /** Outcome of {@link #parseCents}: the value, or why there is none. */
  public static final class Money {
    public long cents;
    /** True when digits below the cent were rounded away (half-even). */
    public boolean rounded;
  }

  /**
   * Reads an amount in cents: optional sign, optional currency mark (¥ ￥ $ € £, RMB, CNY), digits with optional
   * thousands separators in groups of three, optional decimals, optional surrounding spaces; {@code (12.50)} is
   * accounting notation for -12.50. More than two decimals are rounded half-even and flagged.
   *
   * @return null on success (result in {@code out}), else the reason
   */
  public static RejectReason parseCents(byte[] b, int from, int to, Money out) {
    long plain = plainCents(b, from, to);
    if (plain != NOT_PLAIN) {
      out.cents = plain;
      out.rounded = false;
      return null;
    }
    int i = from;
    int end = to;
    while (i < end && b[i] == ' ') i++;
    while (end > i && b[end - 1] == ' ') end--;
    if (i == end) {
      return RejectReason.MISSING_AMOUNT;
    }
    boolean negative = false;
    if (b[i] == '(' && b[end - 1] == ')') {
      negative = true;
      i++;
      end--;
    }
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      negative |= b[i] == '-';
      i++;
    }
    i = skipCurrency(b, i, end);
    if (i < end && (b[i] == '-' || b[i] == '+') && !negative) {
      negative = b[i] == '-';
      i++;
    }
    long units = 0;
    int intDigits = 0;
    int groupDigits = -1; // digits since the last thousands separator; -1 before any separator
    while (i < end && (isDigit(b[i]) || b[i] == ',')) {
      if (b[i] == ',') {
        if (intDigits == 0 || (groupDigits >= 0 && groupDigits != 3) || (groupDigits < 0 && intDigits > 3)) {
          return RejectReason.BAD_AMOUNT;
        }
        groupDigits = 0;
      } else {
        if (intDigits >= 13) {
          return RejectReason.AMOUNT_OUT_OF_RANGE;
        }
        units = units * 10 + (b[i] - '0');
        intDigits++;
        if (groupDigits >= 0) groupDigits++;
      }
      i++;
    }
    if (groupDigits >= 0 && groupDigits != 3) {
      return RejectReason.BAD_AMOUNT;
    }
    long fraction = 0;
    int fractionDigits = 0;
    boolean rounded = false;
    boolean roundUp = false;
    if (i < end && b[i] == '.') {
      i++;
      int start = i;
      int firstDropped = -1;
      boolean droppedNonZeroAfterFirst = false;
      while (i < end && isDigit(b[i])) {
        int d = b[i] - '0';
        if (fractionDigits < 2) {
          fraction = fraction * 10 + d;
          fractionDigits++;
        } else if (firstDropped < 0) {
          firstDropped = d;
        } else if (d != 0) {
          droppedNonZeroAfterFirst = true;
        }
        i++;
      }
      if (i == start && intDigits == 0) {
        return RejectReason.BAD_AMOUNT;
      }
      if (firstDropped > 0 || droppedNonZeroAfterFirst) {
        rounded = true;
        long lastKept = fractionDigits == 2 ? fraction % 10 : 0;
        roundUp = firstDropped > 5 || (firstDropped == 5 && (droppedNonZeroAfterFirst || lastKept % 2 == 1));
      }
    }
    if (intDigits == 0 && fractionDigits == 0) {
      return RejectReason.BAD_AMOUNT;
    }
    if (i != end) {
      return RejectReason.BAD_AMOUNT;
    }
    while (fractionDigits < 2) {
      fraction *= 10;
      fractionDigits++;
    }
    long cents = units * 100 + fraction + (roundUp ? 1 : 0);
    if (cents > MAX_CENTS) {
      return RejectReason.AMOUNT_OUT_OF_RANGE;
    }
    out.cents = negative ? -cents : cents;
    out.rounded = rounded;
    return null;
  }

  private static final long NOT_PLAIN = Long.MIN_VALUE;

  /**
   * The usual plain amount ({@code 46.77}, {@code -5}, {@code 120.5}: an optional minus, 1 to 13 digits, optionally a
   * point and one or two digits) in cents, or {@link #NOT_PLAIN} for anything else, which the general path reads.
   * Without its signs, currency marks, separators and rounding, reading the amount was about a tenth of reading a row.
   */
  private static long plainCents(byte[] b, int from, int to) {
    int i = from;
    boolean negative = i < to && b[i] == '-';
    if (negative) i++;
    int start = i;
    long units = 0;
    while (i < to && i - start < 13) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) break;
      units = units * 10 + d;
      i++;
    }
    if (i == start) return NOT_PLAIN;
    long fraction = 0;
    if (i < to) {
      if (b[i] != '.' || to - i > 3 || to - i < 2) return NOT_PLAIN;
      int d0 = b[i + 1] - '0';
      int d1 = to - i == 3 ? b[i + 2] - '0' : 0;
      if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) return NOT_PLAIN;
      fraction = d0 * 10 + d1;
    }
    long cents = units * 100 + fraction;
    if (cents > MAX_CENTS) return NOT_PLAIN;
    return negative ? -cents : cents;
  }

  private static int skipCurrency(byte[] b, int i, int end) {
    if (i >= end) return i;
    byte c = b[i];
    if (c == '$' || c == '\\') return i + 1; // '\' is how ¥ shows in some Japanese-locale exports
    if (i + 2 <= end && c == (byte) 0xC2 && (b[i + 1] == (byte) 0xA5 || b[i + 1] == (byte) 0xA3)) return i + 2; // ¥ £
    if (i + 3 <= end && c == (byte) 0xEF && b[i + 1] == (byte) 0xBF && b[i + 2] == (byte) 0xA5) return i + 3; // ￥
    if (i + 3 <= end && c == (byte) 0xE2 && b[i + 1] == (byte) 0x82 && b[i + 2] == (byte) 0xAC) return i + 3; // €
    if (i + 2 <= end && c == (byte) 0xA3 && b[i + 1] == (byte) 0xA4) return i + 2; // ￥ in GBK
    if (startsWithIgnoreCase(b, i, end, "RMB") || startsWithIgnoreCase(b, i, end, "CNY")) {
      i += 3;
      while (i < end && b[i] == ' ') i++;
    }
    return i;
  }

  private static boolean startsWithIgnoreCase(byte[] b, int i, int end, String word) {
    if (i + word.length() > end) return false;
    for (int k = 0; k < word.length(); k++) {
      if (Character.toUpperCase(b[i + k]) != word.charAt(k)) return false;
    }
    return true;
  }

  /**
   * Reads a whole number such as a quantity or a survey score; decimals with only zeros are allowed ("3.0").
   *
   * @return the value, or {@code Long.MIN_VALUE} if it is not one
   */
  public static long parseWholeNumber(byte[] b, int from, int to) {
    int i = from;
    int end = to;
    while (i < end && b[i] == ' ') i++;
    while (end > i && b[end - 1] == ' ') end--;
    boolean negative = i < end && b[i] == '-';
    if (negative || (i < end && b[i] == '+')) i++;
    long v = 0;
    int digits = 0;
    while (i < end && isDigit(b[i]) && digits < 15) {
      v = v * 10 + (b[i++] - '0');
      digits++;
    }
    if (digits == 0) return Long.MIN_VALUE;
    if (i < end && b[i] == '.') {
      i++;
      while (i < end && b[i] == '0') i++;
    }
    return i == end ? (negative ? -v : v) : Long.MIN_VALUE;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
