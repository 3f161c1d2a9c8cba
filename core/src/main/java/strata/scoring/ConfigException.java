package strata.scoring;

/**
 * A scoring setting in the model file is wrong. The message names the key path (for example
 * {@code scoring.rfm.buckets}) and says what was expected, so the user can fix the file.
 */
public class ConfigException extends IllegalArgumentException {
  public ConfigException(String message) {
    super(message);
  }
}
