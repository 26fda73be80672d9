package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.error.AegisLockedException;
import dev.aegis.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database account of its own for one lockout test, so locking it out never touches the account other
 * tests log in with, and the server's connection counters, read through a plain connection opened
 * beforehand, to tell whether a login reached the server at all.
 */
final class LoginAccount implements AutoCloseable {
  final TestDatabase db;
  final String schema;
  final String user;
  final String password;
  private final Connection admin;

  private LoginAccount(TestDatabase db, String schema, String user, String password, Connection admin) {
    this.db = db;
    this.schema = schema;
    this.user = user;
    this.password = password;
    this.admin = admin;
  }

  static LoginAccount create(String hint) throws SQLException {
    TestDatabase db = TestDatabase.shared();
    String schema = db.createDatabase(hint);
    String user = ("lk_" + hint + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff)))
        .toLowerCase(Locale.ROOT);
    String password = "Lockout-" + UUID.randomUUID();
    Connection admin = db.connectPlain(schema);
    try (Statement s = admin.createStatement()) {
      // The host-specific accounts win over MariaDB's anonymous ''@'localhost', as for the test user.
      for (String host : new String[] {"127.0.0.1", "localhost", "%"}) {
        s.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
        s.execute("GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + user + "'@'" + host + "'");
      }
    }
    return new LoginAccount(db, schema, user, password, admin);
  }

  /** A wrong password; it contains the right one, so a message without the right one has neither. */
  String wrongPassword() {
    return "Nope-" + password;
  }

  String url(String... extra) {
    return db.aegisUrl(schema, extra);
  }

  Properties credentials(String password) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return properties;
  }

  /**
   * The server's {@code Connections} status: every connection attempt that reaches the server counts, and
   * it is counted when the server accepts it, before the handshake, so it is up to date as soon as the
   * client has its answer. ({@code Aborted_connects} is not: the server's thread adds to it after it sent
   * the refusal, so it can move after the client has returned.)
   */
  long connections() throws SQLException {
    try (Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Connections'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  /** A login that must fail at the server for its password (28000), and that reached it. */
  void refusedByServer(Login login) throws SQLException {
    long before = connections();
    SQLException e = catchThrowableOfType(SQLException.class, login::open);
    assertThat((Throwable) e).as("the server must refuse the login").isNotNull();
    assertThat((Throwable) e).isNotInstanceOf(AegisLockedException.class);
    assertThat(e.getSQLState()).isEqualTo("28000");
    assertThat(connections()).as("the attempt reached the server").isGreaterThan(before);
  }

  /** A login that Aegis must refuse with ZA120 without the server seeing it. */
  AegisLockedException refusedByAegis(Login login) throws SQLException {
    long before = connections();
    AegisLockedException e = catchThrowableOfType(AegisLockedException.class, login::open);
    assertThat((Throwable) e).as("Aegis must refuse the login").isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA120");
    assertThat(e.getMessage()).as("no password, right or wrong (wrong ones contain the right one)")
        .doesNotContain(password);
    assertThat(connections()).as("the server never saw the attempt").isEqualTo(before);
    return e;
  }

  /** A login that must succeed, as this account. */
  void connects(Login login) throws SQLException {
    try (Connection c = login.open(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith(user + "@");
    }
  }

  /** Opens a connection. */
  @FunctionalInterface
  interface Login {
    Connection open() throws SQLException;
  }

  @Override
  public void close() throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (String host : new String[] {"127.0.0.1", "localhost", "%"}) {
        s.execute("DROP USER IF EXISTS '" + user + "'@'" + host + "'");
      }
    } finally {
      admin.close();
    }
  }
}
