package strata.intake;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** The {@code --encoding} option, read alike by every engine (the command line's and Spark's). */
public final class Encodings {
  private Encodings() {}

  /**
   * The encoding the user named, or null (detected per file) when none was. GBK is read as GB18030, its superset,
   * since files labelled GBK often hold characters only GB18030 has.
   *
   * @throws IntakeException for a name Java does not know
   */
  public static Charset named(String name) {
    if (name == null) return null;
    try {
      return Charset.forName(name.equalsIgnoreCase("gbk") ? "GB18030" : name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IntakeException(IntakeException.UNKNOWN_ENCODING, name);
    }
  }
}
