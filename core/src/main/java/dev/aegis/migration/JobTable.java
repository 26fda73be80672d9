package dev.aegis.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The table {@code aegis_jobs}: one row per migration run, holding its checkpoint (the last primary key
 * done) and its counts. The row is updated in the same transaction as each batch, so a run killed at any
 * point resumes exactly where the last committed batch left it.
 */
final class JobTable {
  static final String TABLE = "aegis_jobs";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
      + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
      + "kind VARCHAR(32) NOT NULL, "
      + "table_name VARCHAR(192) NOT NULL, "
      + "columns_list VARCHAR(1024) NOT NULL, "
      + "target VARCHAR(1024) NOT NULL, "
      + "state VARCHAR(16) NOT NULL, "
      + "last_key TEXT NULL, "
      + "scanned BIGINT NOT NULL DEFAULT 0, changed BIGINT NOT NULL DEFAULT 0, "
      + "current_values BIGINT NOT NULL DEFAULT 0, cas_missed BIGINT NOT NULL DEFAULT 0, "
      + "unreadable BIGINT NOT NULL DEFAULT 0, plaintext BIGINT NOT NULL DEFAULT 0, "
      + "owner VARCHAR(255) NOT NULL, "
      + "started_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "
      + "updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), "
      + "finished_at TIMESTAMP(3) NULL, "
      + "KEY aegis_jobs_open (table_name, kind, state))";

  /** A job row as read back. */
  record Job(long id, String target, List<String> lastKey, MigrationCounts counts) {}

  private JobTable() {}

  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
    }
  }

  /** The unfinished job of this kind, table and columns, or null. */
  static Job unfinished(Connection connection, MigrationKind kind, String table, String columns)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT id, target, last_key, scanned, changed,"
        + " current_values, cas_missed, unreadable, plaintext FROM " + TABLE + " WHERE kind = ? AND table_name = ?"
        + " AND columns_list = ? AND state = 'running' ORDER BY id DESC LIMIT 1")) {
      select.setString(1, kind.command());
      select.setString(2, table);
      select.setString(3, columns);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        return new Job(row.getLong(1), row.getString(2), key(row.getString(3)), new MigrationCounts(row.getLong(4),
            row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9)));
      }
    }
  }

  static long start(Connection connection, MigrationKind kind, String table, String columns, String target,
      String owner) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (kind, table_name,"
        + " columns_list, target, state, owner) VALUES (?, ?, ?, ?, 'running', ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, kind.command());
      insert.setString(2, table);
      insert.setString(3, columns);
      insert.setString(4, target);
      insert.setString(5, owner);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Records a batch: called inside the batch's transaction. */
  static void checkpoint(Connection connection, long id, List<String> lastKey, MigrationCounts counts,
      String owner) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET last_key = ?,"
        + " scanned = ?, changed = ?, current_values = ?, cas_missed = ?, unreadable = ?, plaintext = ?, owner = ?"
        + " WHERE id = ?")) {
      update.setString(1, lastKey == null ? null : json(lastKey));
      update.setLong(2, counts.scanned());
      update.setLong(3, counts.changed());
      update.setLong(4, counts.current());
      update.setLong(5, counts.casMissed());
      update.setLong(6, counts.unreadable());
      update.setLong(7, counts.plaintext());
      update.setString(8, owner);
      update.setLong(9, id);
      update.executeUpdate();
    }
  }

  static void finish(Connection connection, long id, String state) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET state = ?,"
        + " finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?")) {
      update.setString(1, state);
      update.setLong(2, id);
      update.executeUpdate();
    }
  }

  private static String json(List<String> key) {
    try {
      return JSON.writeValueAsString(key);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }

  private static List<String> key(String json) throws SQLException {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new SQLException("The checkpoint of an unfinished job in " + TABLE + " is not readable (" + json.length()
          + " characters); mark the job 'failed' to start again from the beginning.", "HY000", e);
    }
  }
}
