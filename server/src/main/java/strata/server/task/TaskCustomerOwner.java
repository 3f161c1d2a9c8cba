package strata.server.task;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The embedded H2's triggers (db/h2/V31) that keep service_task.customer_owner equal to the task's customer's owner,
 * which the task lists scope by ({@link TaskStore#list}). On service_task, before a row is inserted or its customer
 * changes, it reads the customer's owner; on customer, after a row's owner changes (or the row comes or goes), it
 * moves the customer's tasks. Triggers rather than code beside each writer: they run inside the statement that writes,
 * so the copy commits or rolls back with it and no write path (import switch, batch, pool claim, bulk assignment,
 * escalation) can miss it. PostgreSQL does the same in plpgsql (db/postgresql/V31).
 */
public final class TaskCustomerOwner implements Trigger {
  private boolean onTasks;
  private int customerId = -1;
  private int owner = -1;

  @Override
  public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    onTasks = table.equalsIgnoreCase("service_task");
    Map<String, Integer> columns = new HashMap<>();
    try (PreparedStatement ps = conn.prepareStatement("select lower(column_name), ordinal_position from "
        + "information_schema.columns where table_schema = ? and table_name = ?")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) columns.put(rs.getString(1), rs.getInt(2) - 1);
      }
    }
    customerId = columns.getOrDefault(onTasks ? "customer_id" : "id", -1);
    owner = columns.getOrDefault(onTasks ? "customer_owner" : "owner", -1);
    if (customerId < 0 || owner < 0) {
      throw new SQLException(table.toLowerCase(Locale.ROOT) + " lacks the columns of the task's customer owner");
    }
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (onTasks) {
      if (oldRow != null && Objects.equals(oldRow[customerId], newRow[customerId])) return;
      try (PreparedStatement ps = conn.prepareStatement("select owner from customer where id = ?")) {
        ps.setObject(1, newRow[customerId]);
        try (ResultSet rs = ps.executeQuery()) {
          newRow[owner] = rs.next() ? rs.getString(1) : null;
        }
      }
      return;
    }
    Object now = newRow == null ? null : newRow[owner];
    // A customer's id never changes (it is the key every table refers to), so only its owner is compared.
    if (oldRow != null && newRow != null && Objects.equals(oldRow[owner], now)) return;
    try (PreparedStatement ps = conn.prepareStatement("update service_task set customer_owner = ? "
        + "where customer_id = ?")) {
      ps.setObject(1, now);
      ps.setObject(2, (newRow != null ? newRow : oldRow)[customerId]);
      ps.executeUpdate();
    }
  }
}
