package strata.server.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * Keeps customer_gram (the embedded H2's search grams, {@link SearchGrams}) equal to the grams of every customer's id
 * and name. A trigger rather than code beside each writer: it runs inside the statement that writes the customer (an
 * import's switch, a batch upload, a transfer), so the grams commit or roll back with it and no write path can miss
 * them. Created by db/h2/V26; PostgreSQL has neither the table nor the trigger.
 */
public final class CustomerGramTrigger implements Trigger {
  private int id = -1;
  private int name = -1;

  @Override
  public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("select lower(column_name), ordinal_position from "
        + "information_schema.columns where table_schema = ? and table_name = ?")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(1).equals("id")) id = rs.getInt(2) - 1;
          if (rs.getString(1).equals("name")) name = rs.getInt(2) - 1;
        }
      }
    }
    if (id < 0 || name < 0) throw new SQLException(table + " has no id or name column for its search grams");
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    // A transfer or a profile edit that keeps the id and name keeps the grams: no write.
    if (oldRow != null && newRow != null && Objects.equals(oldRow[id], newRow[id])
        && Objects.equals(oldRow[name], newRow[name])) {
      return;
    }
    if (oldRow != null) {
      // By key, from the old id and name: an index on customer_id alone led H2 to plan searches from the snapshot.
      try (PreparedStatement ps = conn.prepareStatement("delete from customer_gram where gram = ? and customer_id = ?")) {
        String customer = (String) oldRow[id];
        for (String gram : SearchGrams.of(customer, (String) oldRow[name])) {
          ps.setString(1, gram);
          ps.setString(2, customer);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (newRow != null) {
      try (PreparedStatement ps = conn.prepareStatement("insert into customer_gram (gram, customer_id) values (?, ?)")) {
        String customer = (String) newRow[id];
        for (String gram : SearchGrams.of(customer, (String) newRow[name])) {
          ps.setString(1, gram);
          ps.setString(2, customer);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }
}
