package strata.i18n;

import java.util.Locale;
import strata.intake.IntakeException;

/** The languages Strata speaks, as every command's {@code --lang} names them: one parse for the CLI and Spark. */
public final class Languages {
  private Languages() {}

  /**
   * @param lang zh (zh-cn, cn) or en (en-us, en-gb), any case
   * @throws IntakeException {@link IntakeException#BAD_CHOICE} for anything else
   */
  public static Locale locale(String lang) {
    return switch (String.valueOf(lang).toLowerCase(Locale.ROOT)) {
      case "zh", "zh-cn", "cn" -> Locale.SIMPLIFIED_CHINESE;
      case "en", "en-us", "en-gb" -> Locale.ENGLISH;
      default -> throw new IntakeException(IntakeException.BAD_CHOICE, "--lang", "zh, en", lang);
    };
  }
}
