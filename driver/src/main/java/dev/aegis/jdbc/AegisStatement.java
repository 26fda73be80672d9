package dev.aegis.jdbc;

import dev.aegis.pipeline.SqlEntry;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.*;
import java.util.Calendar;
import java.util.Properties;
import java.util.concurrent.Executor;

/** A statement whose SQL text goes through the connection's pipeline and whose results point back to it. */
class AegisStatement implements Statement {
  final AegisConnection connection;
  /** Replaced only by a prepared statement made again under reloaded keys (see AegisPreparedStatement). */
  Statement delegate;
  private ResultSet lastDelegateResults;
  private AegisResultSet lastResults;

  AegisStatement(AegisConnection connection, Statement delegate) {
    this.connection = connection;
    this.delegate = delegate;
  }

  /**
   * Wraps a result set of this statement, returning the same wrapper for the same delegate result set so
   * that {@code getResultSet()} called twice gives one object, as it does on the delegate.
   */
  /** The shape of the statement whose results are wrapped next: the last one this thread sent. */
  String digest() {
    return connection.lastDigest();
  }

  final ResultSet results(ResultSet results) throws SQLException {
    if (results == null) {
      return null;
    }
    if (results != lastDelegateResults) {
      lastResults = new AegisResultSet(this, results, connection.decryption(results),
          connection.watch(results, digest()));
      lastDelegateResults = results;
    }
    return lastResults;
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    try {
      return results(delegate.executeQuery(connection.intercept(SqlEntry.EXECUTE_QUERY, sql)));
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    try {
      return delegate.executeUpdate(connection.intercept(SqlEntry.EXECUTE_UPDATE, sql));
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public void close() throws SQLException {
    delegate.close();
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    return delegate.getMaxFieldSize();
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    delegate.setMaxFieldSize(max);
  }

  @Override
  public int getMaxRows() throws SQLException {
    return delegate.getMaxRows();
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    delegate.setMaxRows(max);
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    delegate.setEscapeProcessing(enable);
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    return delegate.getQueryTimeout();
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    delegate.setQueryTimeout(seconds);
  }

  @Override
  public void cancel() throws SQLException {
    delegate.cancel();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return delegate.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    delegate.clearWarnings();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    delegate.setCursorName(name);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    try {
      return delegate.execute(connection.intercept(SqlEntry.EXECUTE, sql));
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    return results(delegate.getResultSet());
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return delegate.getUpdateCount();
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return delegate.getMoreResults();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    delegate.setFetchDirection(direction);
  }

  @Override
  public int getFetchDirection() throws SQLException {
    return delegate.getFetchDirection();
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    delegate.setFetchSize(rows);
  }

  @Override
  public int getFetchSize() throws SQLException {
    return delegate.getFetchSize();
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    return delegate.getResultSetConcurrency();
  }

  @Override
  public int getResultSetType() throws SQLException {
    return delegate.getResultSetType();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    delegate.addBatch(connection.intercept(SqlEntry.ADD_BATCH, sql));
  }

  @Override
  public void clearBatch() throws SQLException {
    delegate.clearBatch();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    connection.admit();
    try {
      return delegate.executeBatch();
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection;
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    return delegate.getMoreResults(current);
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    return results(delegate.getGeneratedKeys());
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    try {
      return delegate.executeUpdate(connection.intercept(SqlEntry.EXECUTE_UPDATE, sql), autoGeneratedKeys);
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    try {
      return delegate.executeUpdate(connection.intercept(SqlEntry.EXECUTE_UPDATE, sql), columnIndexes);
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    try {
      return delegate.executeUpdate(connection.intercept(SqlEntry.EXECUTE_UPDATE, sql), columnNames);
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    try {
      return delegate.execute(connection.intercept(SqlEntry.EXECUTE, sql), autoGeneratedKeys);
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    try {
      return delegate.execute(connection.intercept(SqlEntry.EXECUTE, sql), columnIndexes);
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    try {
      return delegate.execute(connection.intercept(SqlEntry.EXECUTE, sql), columnNames);
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    return delegate.getResultSetHoldability();
  }

  @Override
  public boolean isClosed() throws SQLException {
    return delegate.isClosed();
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    delegate.setPoolable(poolable);
  }

  @Override
  public boolean isPoolable() throws SQLException {
    return delegate.isPoolable();
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    delegate.closeOnCompletion();
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    return delegate.isCloseOnCompletion();
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    return delegate.getLargeUpdateCount();
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    delegate.setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    return delegate.getLargeMaxRows();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    connection.admit();
    try {
      return delegate.executeLargeBatch();
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    try {
      return delegate.executeLargeUpdate(connection.intercept(SqlEntry.EXECUTE_UPDATE, sql));
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    try {
      return delegate.executeLargeUpdate(connection.intercept(SqlEntry.EXECUTE_UPDATE, sql),
          autoGeneratedKeys);
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    try {
      return delegate.executeLargeUpdate(connection.intercept(SqlEntry.EXECUTE_UPDATE, sql), columnIndexes);
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    try {
      return delegate.executeLargeUpdate(connection.intercept(SqlEntry.EXECUTE_UPDATE, sql), columnNames);
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public String enquoteLiteral(String val) throws SQLException {
    return delegate.enquoteLiteral(val);
  }

  @Override
  public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
    return delegate.enquoteIdentifier(identifier, alwaysQuote);
  }

  @Override
  public boolean isSimpleIdentifier(String identifier) throws SQLException {
    return delegate.isSimpleIdentifier(identifier);
  }

  @Override
  public String enquoteNCharLiteral(String val) throws SQLException {
    return delegate.enquoteNCharLiteral(val);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
  }

  @Override
  public String toString() {
    return "Aegis(" + delegate + ")";
  }
}
