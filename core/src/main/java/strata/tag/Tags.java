package strata.tag;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Customer tags (标签) as people type them: the one rule of what a tag is, shared by every way one is set. A tag is
 * NFKC-normalised, so the full-width letters and digits a Chinese input method gives (ＶＩＰ, ２０２６) are the same tag as
 * their half-width forms; surrounding space is dropped and inner runs of space become one, so "重点  客户" and
 * "重点 客户" do not become two tags. Case is kept: "VIP" and "vip" stay apart, as users who typed them meant.
 */
public final class Tags {
  /** At most this many characters (code points), as a tag is a label on a chip, not a note. */
  public static final int MAX_LENGTH = 30;
  /** At most this many tags on one customer, so tags stay a short list a person can read. */
  public static final int MAX_PER_CUSTOMER = 50;

  /** Why a text is not a tag; {@code code} is the machine code an API answers with. */
  public enum Problem {
    EMPTY("tag_empty"), TOO_LONG("tag_too_long"), CONTROL("tag_control");

    public final String code;

    Problem(String code) {
      this.code = code;
    }
  }

  private Tags() {}

  /** The tag {@code text} stands for, or why it is none. */
  public static Result of(String text) {
    if (text == null) return Result.bad(Problem.EMPTY);
    String stripped = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    if (stripped.isEmpty()) return Result.bad(Problem.EMPTY);
    // Inside a tag, line breaks, tabs and invisible format characters (zero-width space) are refused, not folded:
    // they would make tags that look the same and are not, or break the lines of an export.
    if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
      return Result.bad(Problem.CONTROL);
    }
    String tag = stripped.replaceAll(" {2,}", " ");
    if (tag.codePointCount(0, tag.length()) > MAX_LENGTH) return Result.bad(Problem.TOO_LONG);
    return new Result(tag, null);
  }

  /** @param tag the normalised tag, or null with {@code problem} set */
  public record Result(String tag, Problem problem) {
    static Result bad(Problem p) {
      return new Result(null, p);
    }

    public Optional<String> value() {
      return Optional.ofNullable(tag);
    }
  }
}
