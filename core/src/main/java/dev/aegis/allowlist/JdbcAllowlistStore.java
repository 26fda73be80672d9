package dev.aegis.allowlist;

import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.store.AegisTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * An allowlist in the table {@code aegis_allowlist} of the application's database, shared by every
 * instance that names {@code detection.allowlist: jdbc}. Times are UTC, in {@code DATETIME(3)} columns, and
 * travel as text so that no time-zone setting of the driver or the server shifts them. Each call opens its
 * own connection from the {@link ConnectionSource} and closes it: the store runs on Aegis's background
 * thread, never on a connection the application is using.
 */
public final class JdbcAllowlistStore implements AllowlistStore {
  static final String TABLE = "aegis_allowlist";
  // utf8mb4_bin: digests are compared byte for byte, as the in-memory set compares them. MEDIUMTEXT because
  // a digest is as long as its statement's text, which may exceed TEXT's 64 KiB.
  private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
      + "fingerprint CHAR(" + Fingerprint.LENGTH + ") CHARACTER SET ascii NOT NULL PRIMARY KEY, "
      + "digest MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, "
      + "first_seen DATETIME(3) NULL, "
      + "last_seen DATETIME(3) NULL, "
      + "first_caller VARCHAR(" + AllowlistEntry.CALLER_LENGTH + ") CHARACTER SET utf8mb4 NULL)";
  private static final String SELECT = "SELECT fingerprint, digest, first_seen, last_seen, first_caller FROM "
      + TABLE;
  // MySQL applies ON DUPLICATE KEY assignments left to right, each seeing the ones before: the caller is
  // decided while first_seen still holds the stored value. LEAST and GREATEST are NULL when either side is,
  // so COALESCE keeps whichever time is known. Bound values stand in for VALUES(), deprecated in MySQL 8.0.20.
  private static final String UPSERT = "INSERT INTO " + TABLE
      + " (fingerprint, digest, first_seen, last_seen, first_caller) VALUES (?, ?, ?, ?, ?)"
      + " ON DUPLICATE KEY UPDATE"
      + " first_caller = IF(CAST(? AS DATETIME(3)) IS NOT NULL"
      + " AND (first_seen IS NULL OR CAST(? AS DATETIME(3)) < first_seen), ?, first_caller),"
      + " first_seen = COALESCE(LEAST(first_seen, CAST(? AS DATETIME(3))), first_seen, CAST(? AS DATETIME(3))),"
      + " last_seen = COALESCE(GREATEST(last_seen, CAST(? AS DATETIME(3))), last_seen, CAST(? AS DATETIME(3)))";
  // One statement per chunk of shapes rather than one per shape: an instance touches every shape it ran in
  // each refresh interval, and a fleet's worth of single-row updates would load the server for no gain.
  private static final int TOUCH_CHUNK = 500;
  private static final String TOUCH = "UPDATE " + TABLE + " SET last_seen = CAST(? AS DATETIME(3))"
      + " WHERE (last_seen IS NULL OR last_seen < CAST(? AS DATETIME(3))) AND fingerprint IN (";
  private static final String PRUNE = "DELETE FROM " + TABLE
      + " WHERE COALESCE(last_seen, first_seen) < CAST(? AS DATETIME(3))";

  private final ConnectionSource connections;

  /** @param connections plain connections to the application's database; the store closes each one */
  public JdbcAllowlistStore(ConnectionSource connections) {
    this.connections = connections;
  }

  @Override
  public List<AllowlistEntry> load() throws SQLException {
    List<AllowlistEntry> entries = new ArrayList<>();
    try (Connection connection = connections.open();
        PreparedStatement select = connection.prepareStatement(SELECT);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        entries.add(new AllowlistEntry(rows.getString(1), rows.getString(2), AegisTables.utc(rows.getString(3)),
            AegisTables.utc(rows.getString(4)), rows.getString(5)));
      }
    } catch (SQLException e) {
      throw unreadable(e);
    }
    return entries;
  }

  @Override
  public boolean exists() throws SQLException {
    try (Connection connection = connections.open()) {
      return AegisTables.exists(connection, TABLE);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  @Override
  public void create() throws SQLException {
    try (Connection connection = connections.open(); Statement create = connection.createStatement()) {
      create.execute(CREATE);
    } catch (SQLException e) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_NOT_FOUND, "The allowlist " + describe()
          + " cannot be created in the application's database (SQLState " + e.getSQLState() + ": "
          + e.getMessage() + "); create it as docs/allowlist.md shows, or grant CREATE.", e);
    }
  }

  /** One transaction, rows in fingerprint order: instances writing the same shapes lock them in one order. */
  @Override
  public void add(Collection<AllowlistEntry> entries) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    List<AllowlistEntry> sorted = new ArrayList<>(entries);
    sorted.sort(java.util.Comparator.comparing(AllowlistEntry::fingerprint));
    try (Connection connection = connections.open()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
        for (AllowlistEntry entry : sorted) {
          String first = AegisTables.utc(entry.firstSeen());
          String last = AegisTables.utc(entry.lastUse());
          upsert.setString(1, entry.fingerprint());
          upsert.setString(2, entry.digest());
          upsert.setString(3, first);
          upsert.setString(4, last);
          upsert.setString(5, entry.firstCaller());
          upsert.setString(6, first);
          upsert.setString(7, first);
          upsert.setString(8, entry.firstCaller());
          upsert.setString(9, first);
          upsert.setString(10, first);
          upsert.setString(11, last);
          upsert.setString(12, last);
          upsert.addBatch();
        }
        upsert.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
      // Only after success: on a broken connection this would hide the failure; the connection is closed next.
      connection.setAutoCommit(autoCommit);
    }
  }

  @Override
  public boolean tracksLastSeen() {
    return true;
  }

  @Override
  public void touch(Collection<String> fingerprints, Instant time) throws SQLException {
    if (fingerprints.isEmpty()) {
      return;
    }
    List<String> sorted = new ArrayList<>(new TreeSet<>(fingerprints));
    String at = AegisTables.utc(time);
    try (Connection connection = connections.open()) {
      for (int from = 0; from < sorted.size(); from += TOUCH_CHUNK) {
        List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + TOUCH_CHUNK));
        String sql = TOUCH + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
        try (PreparedStatement touch = connection.prepareStatement(sql)) {
          touch.setString(1, at);
          touch.setString(2, at);
          for (int i = 0; i < chunk.size(); i++) {
            touch.setString(i + 3, chunk.get(i));
          }
          touch.executeUpdate();
        }
      }
    }
  }

  @Override
  public int prune(Instant cutoff) throws SQLException {
    try (Connection connection = connections.open();
        PreparedStatement delete = connection.prepareStatement(PRUNE)) {
      delete.setString(1, AegisTables.utc(cutoff));
      return delete.executeUpdate();
    }
  }

  @Override
  public String describe() {
    return "table " + TABLE;
  }

  @Override
  public String toString() {
    return "JdbcAllowlistStore(" + TABLE + ")";
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private AegisConfigurationException unreadable(SQLException e) {
    // The server's message, never the URL: the connection source may hold a password in it.
    return new AegisConfigurationException(AegisSqlState.CONFIG_NOT_FOUND, "The allowlist " + describe()
        + " cannot be read (SQLState " + e.getSQLState() + ": " + e.getMessage() + ").", e);
  }
}
