package dev.aegis.benchmarks.stub;

import java.sql.Connection;
import java.sql.ResultSet;

/**
 * What a stub connection says about itself: the few answers wrappers ask for when a connection opens
 * (Aegis attributes statements to {@link #getUserName()}, which Connector/J reports as {@code user@host}).
 */
final class StubDatabaseMetaData extends UnsupportedDatabaseMetaData {
  private final StubConnection connection;

  StubDatabaseMetaData(StubConnection connection) {
    this.connection = connection;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public String getURL() {
    return connection.url();
  }

  @Override
  public String getUserName() {
    return connection.user() + "@localhost";
  }

  @Override
  public String getDatabaseProductName() {
    return "MySQL";
  }

  @Override
  public String getDatabaseProductVersion() {
    return "8.4.0";
  }

  @Override
  public int getDatabaseMajorVersion() {
    return 8;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return 4;
  }

  @Override
  public String getDriverName() {
    return "Aegis benchmark stub";
  }

  @Override
  public String getDriverVersion() {
    return "1.0";
  }

  @Override
  public int getDriverMajorVersion() {
    return 1;
  }

  @Override
  public int getDriverMinorVersion() {
    return 0;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 2;
  }

  @Override
  public String getIdentifierQuoteString() {
    return "`";
  }

  @Override
  public boolean supportsTransactions() {
    return true;
  }

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_REPEATABLE_READ;
  }

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsGetGeneratedKeys() {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return false;
  }
}
