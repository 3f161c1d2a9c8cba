package strata.playbook;

/** A {@code service:} section that cannot be used; {@link #key()} is the dotted path of the offending key. */
public class PlaybookException extends RuntimeException {
  private final String key;

  public PlaybookException(String key, String message) {
    super("service." + key + ": " + message);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
