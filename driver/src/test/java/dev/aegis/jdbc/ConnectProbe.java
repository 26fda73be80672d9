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
    try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
      System.out.println("CONNECTED " + ((AegisConnection) c).pipelineConfig().detection().mode());
    } catch (SQLException e) {
      System.out.println("SQLSTATE " + e.getSQLState() + " " + e.getMessage());
    }
  }
}
