package strata.scoring;

import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Test helper: a YAML snippet parsed the way model files are, then one section picked out. */
public final class YamlSection {
  private YamlSection() {}

  /** Parses {@code text} and returns the map at {@code path} (dot separated), or null if absent. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> section(String text, String path) {
    Object node = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    for (String key : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(key);
    }
    return (Map<String, Object>) node;
  }
}
