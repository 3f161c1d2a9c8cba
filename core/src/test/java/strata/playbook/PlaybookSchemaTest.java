package strata.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import strata.tier.TierModel;

/**
 * The fixture every-key.yaml uses every key the {@code service:} parser accepts. The web's playbook form is tested
 * against the same file, so a key added to the parser but not to the fixture fails here, and one added to the fixture
 * that the form cannot write fails there. The parser's own lists are read back from its errors: a stray key in any
 * map of the fixture is refused with the keys that map accepts ({@code expected}).
 */
class PlaybookSchemaTest {
  private static final String PROBE = "zz_probe";

  @Test
  void theFixtureIsAValidModel() throws IOException {
    assertThat(TierModel.parse(fixtureText(), "every-key.yaml").tiers()).hasSize(3);
  }

  @Test
  void theFixtureUsesEveryKeyTheParserAccepts() throws IOException {
    Map<String, TreeSet<String>> used = new TreeMap<>();
    Map<String, TreeSet<String>> accepted = new TreeMap<>();
    for (Map<String, Object> service : services()) {
      walk(service, "", (path, map) -> {
        used.computeIfAbsent(schemaPath(path), k -> new TreeSet<>()).addAll(keys(map));
        PlaybookException e = probe(service, map);
        String code = e.code();
        assertThat(code).as("a stray key at '%s'", path).isIn("unknown_key", "unknown_trigger", "unknown_cap");
        accepted.computeIfAbsent(schemaPath(path), k -> new TreeSet<>())
            .addAll(Arrays.asList(e.args().get("expected").split(", ")));
      });
    }
    // Caps also take `all` and `quiet_hours` besides the channels its error lists; both are in the fixture.
    accepted.forEach((path, keys) -> assertThat(used.get(path)).as("keys at '%s'", path).containsAll(keys));
    assertThat(accepted.keySet()).contains("", "owner", "owner.return_to_pool", "cadence", "cadence.purpose",
        "triggers", "triggers.*", "triggers.*.purpose", "triggers.*.holdout", "care[]", "care[].purpose", "caps",
        "caps.*", "holdout", "survey", "escalation");
  }

  @Test
  void theFixtureUsesEveryTaskTypeAndCareEvent() throws IOException {
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> events = new TreeSet<>();
    for (Map<String, Object> service : services()) {
      walk(service, "", (path, map) -> {
        if (map.get("type") instanceof String t) types.add(t);
        if (map.get("event") instanceof String e) events.add(e);
      });
    }
    assertThat(types).containsExactlyInAnyOrderElementsOf(Arrays.stream(TaskType.values()).map(TaskType::code)
        .filter(c -> !c.startsWith("pool")).toList());
    assertThat(events).containsExactlyInAnyOrderElementsOf(Arrays.stream(CareEvent.Kind.values())
        .map(CareEvent.Kind::code).toList());
  }

  /** The error of {@code service} with a stray key added to the map at {@code path}. */
  private static PlaybookException probe(Map<String, Object> service, Map<String, Object> map) {
    map.put(PROBE, 1);
    try {
      return catchThrowableOfType(PlaybookException.class, () -> ServicePlanParser.parse(service));
    } finally {
      map.remove(PROBE);
    }
  }

  /** Calls {@code visit} for every map in the section, with its path ({@code triggers.enter}, {@code care[2]}). */
  @SuppressWarnings("unchecked")
  private static void walk(Object node, String path, MapVisitor visit) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      visit.accept(path, map);
      for (String key : keys(map)) walk(map.get(key), path.isEmpty() ? key : path + "." + key, visit);
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) walk(list.get(i), path + "[" + i + "]", visit);
    }
  }

  private interface MapVisitor {
    void accept(String path, Map<String, Object> map);
  }

  /** A path with the trigger, cap scope and care index left out: {@code triggers.enter.purpose} → {@code triggers.*.purpose}. */
  private static String schemaPath(String path) {
    return path.replaceAll("\\[\\d+]", "[]").replaceAll("^(triggers|caps)\\.[a-z_]+", "$1.*");
  }

  private static List<String> keys(Map<String, Object> map) {
    return new ArrayList<>(map.keySet());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> services() throws IOException {
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(fixtureText());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object tier : (List<Object>) root.get("tiers")) {
      out.add(new LinkedHashMap<>((Map<String, Object>) ((Map<String, Object>) tier).get("service")));
    }
    return out;
  }

  private static String fixtureText() throws IOException {
    try (InputStream in = PlaybookSchemaTest.class.getResourceAsStream("/strata/playbook/every-key.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
