package dev.aegis.benchmarks.stub;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A {@link Connection} every method of which throws {@link SQLFeatureNotSupportedException}: the base
 * of {@link StubConnection}, which overrides what it supports. Generated from the JDK's interface (every
 * abstract method, the super-interfaces' included), so that the stub itself holds only what it does.
 */
abstract class UnsupportedConnection implements Connection {

  @Override
  public Statement createStatement() throws SQLException {
    throw Unsupported.method("createStatement");
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    throw Unsupported.method("prepareStatement");
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw Unsupported.method("prepareCall");
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    throw Unsupported.method("nativeSQL");
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    throw Unsupported.method("setAutoCommit");
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    throw Unsupported.method("getAutoCommit");
  }

  @Override
  public void commit() throws SQLException {
    throw Unsupported.method("commit");
  }

  @Override
  public void rollback() throws SQLException {
    throw Unsupported.method("rollback");
  }

  @Override
  public void close() throws SQLException {
    throw Unsupported.method("close");
  }

  @Override
  public boolean isClosed() throws SQLException {
    throw Unsupported.method("isClosed");
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    throw Unsupported.method("getMetaData");
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    throw Unsupported.method("setReadOnly");
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    throw Unsupported.method("isReadOnly");
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    throw Unsupported.method("setCatalog");
  }

  @Override
  public String getCatalog() throws SQLException {
    throw Unsupported.method("getCatalog");
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    throw Unsupported.method("setTransactionIsolation");
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    throw Unsupported.method("getTransactionIsolation");
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    throw Unsupported.method("getWarnings");
  }

  @Override
  public void clearWarnings() throws SQLException {
    throw Unsupported.method("clearWarnings");
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    throw Unsupported.method("createStatement");
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency) throws SQLException {
    throw Unsupported.method("prepareStatement");
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType,
      int resultSetConcurrency) throws SQLException {
    throw Unsupported.method("prepareCall");
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    throw Unsupported.method("getTypeMap");
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    throw Unsupported.method("setTypeMap");
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    throw Unsupported.method("setHoldability");
  }

  @Override
  public int getHoldability() throws SQLException {
    throw Unsupported.method("getHoldability");
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    throw Unsupported.method("setSavepoint");
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    throw Unsupported.method("setSavepoint");
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    throw Unsupported.method("rollback");
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    throw Unsupported.method("releaseSavepoint");
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    throw Unsupported.method("createStatement");
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    throw Unsupported.method("prepareStatement");
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    throw Unsupported.method("prepareCall");
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    throw Unsupported.method("prepareStatement");
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    throw Unsupported.method("prepareStatement");
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    throw Unsupported.method("prepareStatement");
  }

  @Override
  public Clob createClob() throws SQLException {
    throw Unsupported.method("createClob");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw Unsupported.method("createBlob");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw Unsupported.method("createNClob");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw Unsupported.method("createSQLXML");
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    throw Unsupported.method("isValid");
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    throw new SQLClientInfoException("The stub driver does not support setClientInfo", Map.of());
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    throw new SQLClientInfoException("The stub driver does not support setClientInfo", Map.of());
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    throw Unsupported.method("getClientInfo");
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    throw Unsupported.method("getClientInfo");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw Unsupported.method("createArrayOf");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw Unsupported.method("createStruct");
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    throw Unsupported.method("setSchema");
  }

  @Override
  public String getSchema() throws SQLException {
    throw Unsupported.method("getSchema");
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    throw Unsupported.method("abort");
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    throw Unsupported.method("setNetworkTimeout");
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    throw Unsupported.method("getNetworkTimeout");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this);
  }
}
