package strata.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What H2's {@code explain analyze} says a statement read. */
public final class H2Plans {
  private H2Plans() {}

  /**
   * The rows the plan says it read from the first read of {@code table} ; H2
   * quotes identifiers in some plans and not in others, and counts two rows for a probe by key.
   */
  public static long scanned(String plan, String table) {
    Matcher m = Pattern.compile(Pattern.quote(table) + "\\b[\\s\\S]*?scanCount: (\\d+)")
        .matcher(plan.replace("\"", ""));
    assertThat(m.find()).as(plan).isTrue();
    return Long.parseLong(m.group(1));
  }
}
