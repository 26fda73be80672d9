package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** User and password reach the server exactly as given, and a refusal is the server's own. */
class CredentialsIT {
  private static TestDatabase db;
  private static String schema;

  @BeforeAll
  static void start() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("credentials");
  }

  @Test
  void wrongPasswordIsRefusedByTheServerAsWithoutAegis() {
    SQLException plain = catchThrowableOfType(SQLException.class,
        () -> DriverManager.getConnection(db.plainUrl(schema), db.user(), db.password() + "-wrong"));
    SQLException aegis = catchThrowableOfType(SQLException.class,
        () -> DriverManager.getConnection(db.aegisUrl(schema), db.user(), db.password() + "-wrong"));
    assertThat((Throwable) plain).as("plain Connector/J refuses").isNotNull();
    assertThat((Throwable) aegis).as("Aegis refuses").isNotNull();
    assertThat(aegis.getSQLState()).isEqualTo(plain.getSQLState()).isEqualTo("28000");
    assertThat(aegis.getErrorCode()).isEqualTo(plain.getErrorCode()).isEqualTo(1045);
  }

  @Test
  void rightCredentialsGiveASessionAsThatUser() throws SQLException {
    try (Connection c = DriverManager.getConnection(db.aegisUrl(schema), db.user(), db.password());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith(db.user() + "@");
    }
  }
}
