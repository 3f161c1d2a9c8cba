package strata.server.api;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The language the server writes in when it does not know the reader's ({@code strata.default-language}, zh or en;
 * zh by default, as the command line tool): mails to users who never chose one in the UI, survey invitations to
 * customers.
 */
@Component
public class ServerLanguage {
  private final Locale locale;

  ServerLanguage(@Value("${strata.default-language:zh}") String language) {
    this.locale = parse(language);
    if (locale == null) {
      throw new IllegalArgumentException("strata.default-language must be zh or en, not '" + language + "'");
    }
  }

  public Locale locale() {
    return locale;
  }

  /** A stored language code as a locale; this server's default when it is null or unknown. */
  public Locale or(String language) {
    Locale stored = parse(language);
    return stored != null ? stored : locale;
  }

  /** zh or en as a locale, else null. */
  public static Locale parse(String language) {
    if ("zh".equals(language)) return Locale.SIMPLIFIED_CHINESE;
    if ("en".equals(language)) return Locale.ENGLISH;
    return null;
  }
}
