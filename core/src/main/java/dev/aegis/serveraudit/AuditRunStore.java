package dev.aegis.serveraudit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The table {@code aegis_audit_runs} in the audited database: one row per audit, with its score, failed counts
 * by severity and the whole report as JSON, so reports can show the trend and auditors can see past runs.
 */
public final class AuditRunStore {
  public static final String TABLE = "aegis_audit_runs";
  /** Runs shown in a report's trend. */
  public static final int TREND_RUNS = 20;
  private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
      + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
      + "run_at_ms BIGINT NOT NULL, "
      + "endpoint VARCHAR(255) NOT NULL, "
      + "server_version VARCHAR(128) NOT NULL, "
      + "framework VARCHAR(16) NOT NULL, "
      + "score INT NOT NULL, "
      + "failed_critical INT NOT NULL, failed_high INT NOT NULL, failed_medium INT NOT NULL, failed_low INT NOT NULL, "
      + "report MEDIUMTEXT NOT NULL, "
      + "KEY aegis_audit_runs_trend (endpoint, framework, run_at_ms))";

  private AuditRunStore() {}

  /** The earlier runs against {@code endpoint} with the same scope, oldest first; none when there is no table. */
  public static List<AuditReport.TrendPoint> trend(Connection connection, String endpoint, Framework framework)
      throws SQLException {
    if (!exists(connection)) {
      return List.of();
    }
    List<AuditReport.TrendPoint> points = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT run_at_ms, score FROM " + TABLE
        + " WHERE endpoint = ? AND framework = ? AND score >= 0 ORDER BY run_at_ms DESC, id DESC LIMIT ?")) {
      select.setString(1, endpoint);
      select.setString(2, scope(framework));
      select.setInt(3, TREND_RUNS - 1);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          points.add(new AuditReport.TrendPoint(Instant.ofEpochMilli(rows.getLong(1)), rows.getInt(2)));
        }
      }
    }
    Collections.reverse(points);
    return points;
  }

  /** Records {@code report}, creating the table on first use. */
  public static void save(Connection connection, AuditReport report, String json) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
    }
    Map<Severity, Integer> failed = report.failedBySeverity();
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (run_at_ms, endpoint,"
        + " server_version, framework, score, failed_critical, failed_high, failed_medium, failed_low, report)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, report.startedAt().toEpochMilli());
      insert.setString(2, report.endpoint());
      insert.setString(3, report.serverVersion());
      insert.setString(4, scope(report.framework()));
      insert.setInt(5, report.overall().value());
      insert.setInt(6, failed.get(Severity.CRITICAL));
      insert.setInt(7, failed.get(Severity.HIGH));
      insert.setInt(8, failed.get(Severity.MEDIUM));
      insert.setInt(9, failed.get(Severity.LOW));
      insert.setString(10, json);
      insert.executeUpdate();
    }
  }

  private static String scope(Framework framework) {
    return framework == null ? "all" : framework.id();
  }

  private static boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM information_schema.TABLES"
        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
      select.setString(1, TABLE);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
