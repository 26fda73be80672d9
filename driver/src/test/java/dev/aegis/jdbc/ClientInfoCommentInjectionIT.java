package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.error.AegisSqlState;
import dev.aegis.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connector/J sends client info as a {@code /* … *}{@code /} comment in front of every statement, unescaped.
 * A value with {@code *}{@code /} would end the comment and run SQL that never passed the pipeline.
 */
class ClientInfoCommentInjectionIT {
  private static final String INJECTION = "*/ SELECT 'injected' AS v -- ";
  private static TestDatabase db;
  private static String schema;

  @BeforeAll
  static void start() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("clientinfo");
  }

  @Test
  void plainConnectorJRunsTheInjectedText() throws SQLException {
    // The threat, shown on the delegate alone: this is why Aegis must check client info.
    try (Connection c = DriverManager.getConnection(db.plainUrl(schema), db.credentials())) {
      c.setClientInfo("ApplicationName", INJECTION);
      assertThat(valueOf(c)).isEqualTo("injected");
    }
  }

  @Test
  void aegisRefusesClientInfoThatWouldEndTheComment() throws SQLException {
    try (Connection c = DriverManager.getConnection(db.aegisUrl(schema), db.credentials())) {
      assertThatThrownBy(() -> c.setClientInfo("ApplicationName", INJECTION))
          .isInstanceOf(SQLClientInfoException.class)
          .hasMessageContaining("'ApplicationName'").hasMessageContaining("Remove '*/'")
          .satisfies(e -> assertThat(((SQLClientInfoException) e).getFailedProperties()).containsKey("ApplicationName"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(AegisSqlState.CLIENT_INFO_REFUSED.code());
      Properties properties = new Properties();
      properties.setProperty("ClientUser", "ada");
      properties.setProperty("ApplicationName", INJECTION);
      assertThatThrownBy(() -> c.setClientInfo(properties)).isInstanceOf(SQLClientInfoException.class);
      assertThat(valueOf(c)).isEqualTo("intended");
    }
  }

  @Test
  void ordinaryClientInfoStillReachesTheServerAsAComment() throws SQLException {
    try (Connection c = DriverManager.getConnection(db.aegisUrl(schema), db.credentials())) {
      c.setClientInfo("ApplicationName", "billing/v2 (eu-west)");
      assertThat(c.getClientInfo("ApplicationName")).isEqualTo("billing/v2 (eu-west)");
      assertThat(valueOf(c)).isEqualTo("intended");
    }
  }

  private static String valueOf(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 'intended' AS v")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
