package strata.server.model;

import java.util.LinkedHashMap;
import java.util.Map;
import strata.tier.TierModel;

/**
 * Compiled tier models by version and text. A version never changes once saved, and parsing and type-checking its
 * conditions costs about half a second, which every run, dry run, dashboard and override check used to pay. Keyed by
 * the text too, so two databases in one JVM (tests) never share a version number's model. The few most recent are
 * kept; older versions are compiled again when asked for.
 */
final class CompiledModels {
  private static final int KEPT = 8;
  private static final Map<Key, TierModel> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, TierModel> eldest) {
      return size() > KEPT;
    }
  };

  private record Key(int version, String yaml) {}

  private CompiledModels() {}

  static TierModel of(int version, String yaml) {
    Key key = new Key(version, yaml);
    synchronized (CACHE) {
      TierModel cached = CACHE.get(key);
      if (cached != null) return cached;
    }
    // Compiled outside the lock: two threads may both compile a new version once, which is harmless.
    TierModel model = TierModel.parse(yaml, "model v" + version);
    synchronized (CACHE) {
      CACHE.putIfAbsent(key, model);
      return CACHE.get(key);
    }
  }
}
