package dev.aegis.events;

import dev.aegis.keys.ConnectionSource;
import dev.aegis.store.AegisTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events to the {@code aegis_events} table of the application's database, so that every instance
 * of a fleet reports to one place, and deletes rows older than the retention at most once an hour.
 *
 * <p>It works through connections of its own, opened from the {@link ConnectionSource} the first Aegis
 * connection handed over (a plain delegate connection, or one borrowed from the application's pool), one
 * per batch and closed after it: the application's connections are never touched, and a pool lends one
 * only while a batch is written. A failure (server down, no privilege) loses that batch for the table
 * only; it is counted, logged once until the sink works again, and never reaches the application.
 */
final class TableSink implements EventSink {
  static final String TABLE = "aegis_events";
  static final Duration PURGE_INTERVAL = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(TableSink.class);
  /** A server that hangs must hold the event thread for bounded time only; the queue absorbs the wait. */
  private static final int TIMEOUT_SECONDS = 30;

  static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
      + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
      + " event_time DATETIME(3) NOT NULL,"
      + " rule VARCHAR(64) NOT NULL,"
      + " category VARCHAR(32) NOT NULL,"
      + " severity VARCHAR(16) NOT NULL,"
      + " score DOUBLE NOT NULL,"
      + " action VARCHAR(16) NOT NULL,"
      + " principal VARCHAR(255) NULL,"
      + " address VARCHAR(255) NULL,"
      + " digest TEXT NULL,"
      + " detail VARCHAR(1000) NULL,"
      + " KEY aegis_events_time (event_time)"
      + ") DEFAULT CHARSET=utf8mb4";
  private static final String INSERT = "INSERT INTO " + TABLE + " (event_time, rule, category, severity,"
      + " score, action, principal, address, digest, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String PURGE = "DELETE FROM " + TABLE + " WHERE event_time < ?";
  /** TEXT holds 65,535 bytes; utf8mb4 takes up to 4 per character. */
  private static final int DIGEST_CHARS = 16_000;

  private final Duration retention;
  private final Clock clock;
  private final SinkFailures failures;
  private volatile ConnectionSource connections;
  private boolean created;
  private Instant lastPurge;

  TableSink(int retentionDays, Clock clock, SinkFailures failures) {
    this.retention = Duration.ofDays(retentionDays);
    this.clock = clock;
    this.failures = failures;
  }

  @Override
  public String name() {
    return "table";
  }

  /** Where connections come from; the first source given is kept (any one reaches the same database). */
  synchronized void connectWith(ConnectionSource source) {
    if (connections == null) {
      connections = source;
    }
  }

  @Override
  public void deliver(List<SecurityEvent> batch) {
    ConnectionSource source = connections;
    if (source == null) {
      failures.failed("unconnected", "the aegis_events table sink (no Aegis connection has been opened yet,"
          + " so it has no database to write to)", null);
      return;
    }
    try (Connection connection = source.open()) {
      createOnce(connection);
      insert(connection, batch);
      purgeIfDue(connection);
      working();
    } catch (SQLException | RuntimeException e) {
      // The table may have been dropped, or the failure was the creation itself: check again next time.
      created = false;
      failures.failed("failing", "writing to the aegis_events table", e);
    }
  }

  @Override
  public void idle() {
    if (connections == null || !purgeDue()) {
      return;
    }
    try (Connection connection = connections.open()) {
      createOnce(connection);
      purgeIfDue(connection);
      working();
    } catch (SQLException | RuntimeException e) {
      created = false;
      failures.failed("failing", "deleting expired rows of the aegis_events table", e);
    }
  }

  private void working() {
    failures.recovered("failing");
  }

  private void createOnce(Connection connection) throws SQLException {
    if (created) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      statement.execute(CREATE);
    }
    commit(connection);
    created = true;
  }

  private static void insert(Connection connection, List<SecurityEvent> batch) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setQueryTimeout(TIMEOUT_SECONDS);
      for (SecurityEvent event : batch) {
        insert.setString(1, AegisTables.utc(event.time()));
        insert.setString(2, clip(event.rule(), 64));
        insert.setString(3, clip(event.category(), 32));
        insert.setString(4, clip(event.severity(), 16));
        insert.setDouble(5, event.score());
        insert.setString(6, clip(event.action(), 16));
        setText(insert, 7, clip(event.principal(), 255));
        setText(insert, 8, clip(event.address(), 255));
        setText(insert, 9, clip(event.digest(), DIGEST_CHARS));
        setText(insert, 10, clip(event.detail(), 1000));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    commit(connection);
  }

  private boolean purgeDue() {
    return lastPurge == null || !clock.instant().isBefore(lastPurge.plus(PURGE_INTERVAL));
  }

  /** Runs the retention pass when the last one is an hour old or more; returns rows deleted, or -1. */
  int purgeIfDue(Connection connection) throws SQLException {
    return purgeDue() ? purge(connection) : -1;
  }

  /** The retention pass, now, whenever the last one ran (for tests and the first pass). */
  int purge(Connection connection) throws SQLException {
    Instant now = clock.instant();
    int deleted;
    try (PreparedStatement delete = connection.prepareStatement(PURGE)) {
      delete.setQueryTimeout(TIMEOUT_SECONDS);
      delete.setString(1, AegisTables.utc(now.minus(retention)));
      deleted = delete.executeUpdate();
    }
    commit(connection);
    lastPurge = now;
    if (deleted > 0) {
      LOG.debug("Deleted {} security event(s) older than {} day(s) from {}", deleted, retention.toDays(), TABLE);
    }
    return deleted;
  }

  /** The connection may come from a pool configured without auto-commit. */
  private static void commit(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  private static String clip(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    // Never cut a surrogate pair in half: the server would refuse the lone half.
    return value.substring(0, Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max);
  }
}
