package dev.aegis.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens one connection in a fresh JVM and prints the outcome, so tests can set environment variables,
 * which a running JVM cannot change for itself.
 */
public final class ConnectProbe {
  private ConnectProbe() {}

  public static void main(String[] args) {
    // The password comes through the environment, never the command line that any local user can list.
    try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("AEGIS_PROBE_PASSWORD"))) {
      System.out.println("CONNECTED " + ((AegisConnection) c).pipelineConfig().detection().mode());
    } catch (SQLException e) {
      System.out.println("SQLSTATE " + e.getSQLState() + " " + e.getMessage());
    }
  }
}
