package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import strata.server.testing.Postgres;

/** CopyCsv's rows read by a real PostgreSQL COPY: texts, empty texts and nulls come back as they were sent. */
class CopyCsvPostgresTest {
  @Test
  void copyReadsBackNullsEmptyTextsAndAwkwardTextsAsSent() throws Exception {
    Postgres.Database db = Postgres.newDatabase();
    List<String[]> sent = List.of(new String[] {"1", null}, new String[] {"2", ""}, new String[] {"3", "\\."},
        new String[] {"4", "a,b \"c\"\r\nd"}, new String[] {"5", " spaced "}, new String[] {"6", "\\N"},
        new String[] {"7", "NULL"}, new String[] {"8", "#1"});
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement st = c.createStatement()) {
      st.execute("create table copied (id int primary key, value text)");
      CopyCsv csv = new CopyCsv();
      for (String[] row : sent) csv.add(new Object[] {Integer.parseInt(row[0]), row[1]});
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy copied (id, value) from stdin (format csv)", csv.take());
      List<String[]> back = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select id, value from copied order by id")) {
        while (rs.next()) back.add(new String[] {Integer.toString(rs.getInt(1)), rs.getString(2)});
      }
      assertThat(back).usingElementComparator((x, y) -> Arrays.equals(x, y) ? 0 : 1).containsExactlyElementsOf(sent);
    }
  }
}
