package strata.playbook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code service:} section that cannot be used, as a code of {@link strata.tier.TierModelError} and the values of
 * its sentence; {@code key} is always among them, the dotted path of the offending key ({@code service.cadence}).
 */
public class PlaybookException extends RuntimeException {
  private final String code;
  private final Map<String, String> args;

  /** @param namesAndValues the sentence's other values as name, value, name, value … */
  public PlaybookException(String key, String code, String... namesAndValues) {
    super("service." + key + ": " + code);
    Map<String, String> all = new LinkedHashMap<>();
    all.put("key", key.isEmpty() ? "service" : "service." + key);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) all.put(namesAndValues[i], namesAndValues[i + 1]);
    this.code = code;
    this.args = Map.copyOf(all);
  }

  public String code() {
    return code;
  }

  public Map<String, String> args() {
    return args;
  }
}
