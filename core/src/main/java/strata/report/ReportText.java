package strata.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import strata.i18n.Labels;

/**
 * The report's fixed texts and number, money and date formats for one language. Chinese for any
 * {@code zh} locale, English otherwise.
 */
final class ReportText {
  static final String NOT_AVAILABLE = "—";
  /** The report's texts are the labels bundles' {@code report.*} keys. */
  private static final String PREFIX = "report.";

  private final Locale locale;
  private final boolean chinese;

  ReportText(Locale locale) {
    this.chinese = "zh".equals(locale.getLanguage());
    this.locale = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  /** The report's language, for notes ({@link strata.i18n.Note#text}). */
  Locale locale() {
    return locale;
  }

  boolean chinese() {
    return chinese;
  }

  /** BCP 47 tag for the {@code lang} attribute. */
  String languageTag() {
    return locale.toLanguageTag();
  }

  /** The fixed text {@code report.<key>}, with {@code {0}}, {@code {1}}... replaced by the arguments. */
  String t(String key, String... args) {
    String text = Labels.find(PREFIX + key, locale)
        .orElseThrow(() -> new IllegalStateException("report text '" + PREFIX + key + "' is missing for " + locale));
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", args[i]);
    }
    return text;
  }

  /** The fixed text {@code report.<key>}, or {@code null} when the bundle has none. */
  String optional(String key) {
    return Labels.find(PREFIX + key, locale).orElse(null);
  }

  String count(long value) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }

  /** A plain number with grouping and at most two decimals. */
  String decimal(double value) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(2);
    return format.format(value);
  }

  /**
   * Money with cents. Chinese reports show ¥; English ones show plain amounts because the data
   * carries no currency and the reader's language says nothing about it.
   */
  String money(BigDecimal amount) {
    return amount == null ? NOT_AVAILABLE : moneyFormat(2).format(amount.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** Money rounded to whole units, for tight spaces such as heat-map cells and axis labels. */
  String moneyWhole(BigDecimal amount) {
    return amount == null ? NOT_AVAILABLE : moneyFormat(0).format(amount);
  }

  /** As {@link #moneyWhole(BigDecimal)}; {@code NaN} gives "—". */
  String moneyWhole(double amount) {
    return Double.isFinite(amount) ? moneyFormat(0).format(amount) : NOT_AVAILABLE;
  }

  private DecimalFormat moneyFormat(int decimals) {
    String number = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    String symbol = chinese ? "¥" : "";
    DecimalFormat format = new DecimalFormat(symbol + number + ";-" + symbol + number,
        DecimalFormatSymbols.getInstance(locale));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format;
  }

  /** A figure with exactly {@code decimals} decimals (0.774, 1.26), no grouping; "—" for NaN. */
  String figure(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return NOT_AVAILABLE;
    }
    DecimalFormat format = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(locale));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(value);
  }

  /** A share in [0, 1] (or beyond, for refunds) as a percentage with one decimal. */
  String percent(double share) {
    if (!Double.isFinite(share)) {
      return NOT_AVAILABLE;
    }
    DecimalFormat format = new DecimalFormat("0.0'%'", DecimalFormatSymbols.getInstance(locale));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(share * 100);
  }

  /**
   * {@code part} of {@code whole} as a percentage, never rounding a non-zero part to 0.0% or a
   * missing part to 100.0%: 52 rejected rows of 184,052 read as "<0.1%", not "0.0%".
   */
  String percentOf(long part, long whole) {
    if (whole <= 0) {
      return NOT_AVAILABLE;
    }
    double share = (double) part / whole;
    if (part > 0 && share < 0.0005) {
      return "<" + percent(0.001);
    }
    if (part < whole && share >= 0.9995) {
      return ">" + percent(0.999);
    }
    return percent(share);
  }

  /** A percentage given in tenths of a percent, as {@link Shares} computes it. */
  String percentTenths(long tenths) {
    return percent(tenths / 1000.0);
  }

  /** Short number for axis ticks: 1.5万 or 1.5M; small numbers keep their decimals (0.2). */
  String compact(double value) {
    if (Math.abs(value) < 1000) {
      return decimal(value);
    }
    NumberFormat format = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }

  String date(LocalDate date) {
    if (date == null) {
      return NOT_AVAILABLE;
    }
    return DateTimeFormatter.ofPattern(t("format.date")).format(date);
  }

  /** A moment in UTC, labelled as such: the report may be read in another time zone. */
  String instant(Instant instant) {
    if (instant == null) {
      return NOT_AVAILABLE;
    }
    var utc = instant.atOffset(ZoneOffset.UTC);
    return DateTimeFormatter.ofPattern(t("format.instant")).format(utc);
  }
}
