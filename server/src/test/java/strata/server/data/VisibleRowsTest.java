package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the server that reads purchase, interaction or survey rows applies {@link Visible#rows}, so a
 * reader added later cannot count the rows of an import that has not switched on. Read from the sources: a statement
 * is the Java text from the table's name to the next semicolon, and it must name {@code Visible.rows("alias")}.
 */
class VisibleRowsTest {
  private static final Pattern READ = Pattern.compile(
      "\\b(from|join)\\s+(purchase|interaction|survey)\\b(?:\\s+(?:as\\s+)?(\\w+))?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> NOT_ALIASES =
      Set.of("where", "group", "order", "on", "left", "join", "inner", "fetch", "limit", "union", "having", "cross");

  @Test
  void everyReaderOfImportedRowsHidesUnswitchedImports() throws IOException {
    List<String> unguarded = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        unguarded.addAll(unguarded(file.getFileName().toString(), Files.readString(file)));
      }
    }
    assertThat(unguarded).isEmpty();
  }

  @Test
  void theCheckFindsAReaderWithoutTheCondition() {
    String source = """
        db.sql("select customer_id, amount_cents from purchase p where p.purchase_day < ?").list();
        db.sql("select count(*) from survey where " + Visible.rows("survey")).single();
        db.sql("select max(i.at) from interaction i where " + Visible.rows("interaction")).single();
        db.sql("delete from purchase where import_id = ?").update();
        """;
    assertThat(unguarded("Sample.java", source)).containsExactly("Sample.java:1 from purchase p",
        "Sample.java:3 from interaction i");
  }

  /** Reads without the condition; deletes (the clean-up of cut-off imports) are writes and must see every row. */
  static List<String> unguarded(String name, String source) {
    List<String> found = new ArrayList<>();
    Matcher m = READ.matcher(source);
    while (m.find()) {
      String alias = m.group(3) == null || NOT_ALIASES.contains(m.group(3).toLowerCase(Locale.ROOT))
          ? m.group(2) : m.group(3);
      int end = source.indexOf(';', m.end());
      int start = source.lastIndexOf(';', m.start()) + 1;
      String statement = source.substring(start, end < 0 ? source.length() : end);
      boolean delete = statement.toLowerCase(Locale.ROOT).contains("\"delete from");
      if (!delete && !statement.contains("Visible.rows(\"" + alias + "\")")) {
        int line = (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        found.add(name + ":" + line + " " + m.group(0));
      }
    }
    return found;
  }
}
