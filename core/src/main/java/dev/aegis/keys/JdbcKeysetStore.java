package dev.aegis.keys;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.error.AegisConfigurationException;
import java.security.GeneralSecurityException;
import dev.aegis.store.AegisTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keysets in the table {@code aegis_keysets} of the application's own database ({@code keys.keysets: jdbc}),
 * one row per keyset holding the same encrypted JSON as the file store, so every instance of a fleet sees
 * the same keys without sharing a file. The rows hold no key in the clear.
 */
public final class JdbcKeysetStore implements KeysetStore {
  private static final String TABLE = "aegis_keysets";
  private static final int NAME_LENGTH = 64;
  // A binary collation: names are case-sensitive in the configuration, and 'pii' and 'PII' sharing one
  // primary key would let the second keyset overwrite the first.
  private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
      + "name VARCHAR(" + NAME_LENGTH + ") CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY, "
      + "keyset TEXT NOT NULL, "
      + "updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3))";
  // The value bound twice rather than VALUES(keyset), which MySQL 8.0.20+ deprecates.
  private static final String UPSERT = "INSERT INTO " + TABLE + " (name, keyset) VALUES (?, ?)"
      + " ON DUPLICATE KEY UPDATE keyset = ?";
  private static final String SELECT = "SELECT name, keyset FROM " + TABLE;
  private static final String NO_SUCH_TABLE = "42S02";

  private final ConnectionSource connections;

  /** @param connections plain connections to the application's database; the store closes each one */
  public JdbcKeysetStore(ConnectionSource connections) {
    this.connections = connections;
  }

  @Override
  public Map<String, String> readSealed() throws AegisConfigurationException {
    Map<String, String> sealed = new TreeMap<>();
    try (Connection connection = connections.open();
        PreparedStatement select = connection.prepareStatement(SELECT);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        sealed.put(rows.getString(1), rows.getString(2));
      }
    } catch (SQLException e) {
      if (NO_SUCH_TABLE.equals(e.getSQLState())) {
        throw MasterKey.unavailable("the " + describe() + " does not exist in the application's database."
            + " Run 'aegis keys init' to create it", e);
      }
      throw unreadable(e);
    }
    return sealed;
  }

  @Override
  public boolean exists() throws AegisConfigurationException {
    try (Connection connection = connections.open()) {
      return AegisTables.exists(connection, TABLE);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  /** Creates the table when absent, then inserts or replaces every given keyset in one transaction. */
  @Override
  public void write(Map<String, KeysetHandle> keysets, MasterKey master)
      throws GeneralSecurityException, SQLException {
    for (String name : keysets.keySet()) {
      if (name.length() > NAME_LENGTH) {
        // A server in a lenient sql_mode would truncate the name, and the row would no longer decrypt.
        throw new IllegalArgumentException("keyset name longer than " + NAME_LENGTH + " characters: " + name);
      }
    }
    try {
      // The dates of keys already stored are read in the writing transaction, under a lock, so a
      // concurrent writer cannot slip a key between the read and the write.
      upsert(previous -> KeysetStore.seal(keysets, previous, master), false);
    } catch (SealFailure e) {
      throw e.cause;
    }
  }

  /** Replaces every row by {@code sealed} in one transaction. */
  @Override
  public void replaceSealed(Map<String, String> sealed) throws SQLException {
    upsert(previous -> sealed, true);
  }

  @FunctionalInterface
  private interface Sealer {
    Map<String, String> seal(Map<String, String> previous) throws GeneralSecurityException;
  }

  private static final class SealFailure extends SQLException {
    private static final long serialVersionUID = 1L;
    private final transient GeneralSecurityException cause;

    SealFailure(GeneralSecurityException cause) {
      this.cause = cause;
    }
  }

  private void upsert(Sealer sealer, boolean replaceAll) throws SQLException {
    try (Connection connection = connections.open()) {
      // DDL commits implicitly in MySQL, so it runs before the transaction starts.
      try (PreparedStatement create = connection.prepareStatement(CREATE)) {
        create.execute();
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
        Map<String, String> previous = lockRows(connection);
        Map<String, String> sealed;
        try {
          sealed = sealer.seal(previous);
        } catch (GeneralSecurityException e) {
          throw new SealFailure(e);
        }
        if (replaceAll) {
          deleteOthers(connection, previous.keySet(), sealed);
        }
        for (Map.Entry<String, String> entry : sealed.entrySet()) {
          upsert.setString(1, entry.getKey());
          upsert.setString(2, entry.getValue());
          upsert.setString(3, entry.getValue());
          upsert.addBatch();
        }
        upsert.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
      // Only after success: on a broken connection this would hide the failure, and the connection is
      // closed just below (a pool resets what it hands out).
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Every row's stored form, locked until the transaction ends. */
  private static Map<String, String> lockRows(Connection connection) throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT + " FOR UPDATE");
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        rows.put(result.getString(1), result.getString(2));
      }
    }
    return rows;
  }

  private static void deleteOthers(Connection connection, java.util.Set<String> present, Map<String, String> kept)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?")) {
      for (String name : present) {
        if (!kept.containsKey(name)) {
          delete.setString(1, name);
          delete.executeUpdate();
        }
      }
    }
  }

  @Override
  public String describe() {
    return "table " + TABLE;
  }

  @Override
  public String toString() {
    return "JdbcKeysetStore(" + TABLE + ")";
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private AegisConfigurationException unreadable(SQLException e) {
    // The server's message, never the URL: the caller's connection source may hold a password in it.
    return MasterKey.unavailable("the " + describe() + " cannot be read (SQLState " + e.getSQLState() + ": "
        + e.getMessage() + ")", e);
  }
}
