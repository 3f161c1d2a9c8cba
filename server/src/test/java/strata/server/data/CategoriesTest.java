package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CategoriesTest {
  @Test
  void storesJsonKeepingTabsAndLineBreaksInNames() {
    Map<String, Long> lines = Map.of("打印机", 3L, "a\tb\nc", 1L);
    String text = Categories.format(lines);
    assertThat(text).isEqualTo("{\"a\\tb\\nc\":1,\"打印机\":3}").doesNotContain("\t");
    assertThat(Categories.parse(text)).isEqualTo(lines);
  }

  @Test
  void readsRowsStoredInTheTabbedFormat() {
    // As the format before JSON wrote them: name<TAB>count lines, an empty map as an empty text.
    assertThat(Categories.parse("打印机\t3\n{耗材}\t12\n")).isEqualTo(Map.of("打印机", 3L, "{耗材}", 12L));
    assertThat(Categories.parse("")).isEmpty();
    assertThat(Categories.parse(Categories.format(Map.of()))).isEmpty();
  }

  @Property(tries = 200)
  void parsingTheFormattedMapGivesItBack(@ForAll @Size(max = 8) Map<String, Long> lines) {
    assertThat(Categories.parse(Categories.format(lines))).isEqualTo(new TreeMap<>(lines));
  }
}
