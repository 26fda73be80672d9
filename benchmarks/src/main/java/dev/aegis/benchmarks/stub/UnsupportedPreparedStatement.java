package dev.aegis.benchmarks.stub;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A {@link PreparedStatement} (and so a {@link Statement}) every method of which throws
 * {@link SQLFeatureNotSupportedException}: the base of {@link StubStatement}, which overrides what it
 * supports. Generated from the JDK's interfaces, so that the stub itself holds only what it does.
 */
@SuppressWarnings("deprecation")
abstract class UnsupportedPreparedStatement implements PreparedStatement {

  @Override
  public ResultSet executeQuery() throws SQLException {
    throw Unsupported.method("executeQuery");
  }

  @Override
  public int executeUpdate() throws SQLException {
    throw Unsupported.method("executeUpdate");
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    throw Unsupported.method("setNull");
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    throw Unsupported.method("setBoolean");
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    throw Unsupported.method("setByte");
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    throw Unsupported.method("setShort");
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    throw Unsupported.method("setInt");
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    throw Unsupported.method("setLong");
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    throw Unsupported.method("setFloat");
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    throw Unsupported.method("setDouble");
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    throw Unsupported.method("setBigDecimal");
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    throw Unsupported.method("setString");
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    throw Unsupported.method("setBytes");
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    throw Unsupported.method("setDate");
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    throw Unsupported.method("setTime");
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    throw Unsupported.method("setTimestamp");
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw Unsupported.method("setAsciiStream");
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw Unsupported.method("setUnicodeStream");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw Unsupported.method("setBinaryStream");
  }

  @Override
  public void clearParameters() throws SQLException {
    throw Unsupported.method("clearParameters");
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    throw Unsupported.method("setObject");
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    throw Unsupported.method("setObject");
  }

  @Override
  public boolean execute() throws SQLException {
    throw Unsupported.method("execute");
  }

  @Override
  public void addBatch() throws SQLException {
    throw Unsupported.method("addBatch");
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
    throw Unsupported.method("setCharacterStream");
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    throw Unsupported.method("setRef");
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    throw Unsupported.method("setBlob");
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    throw Unsupported.method("setClob");
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    throw Unsupported.method("setArray");
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    throw Unsupported.method("getMetaData");
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    throw Unsupported.method("setDate");
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    throw Unsupported.method("setTime");
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    throw Unsupported.method("setTimestamp");
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    throw Unsupported.method("setNull");
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    throw Unsupported.method("setURL");
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    throw Unsupported.method("getParameterMetaData");
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw Unsupported.method("setRowId");
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    throw Unsupported.method("setNString");
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    throw Unsupported.method("setNCharacterStream");
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    throw Unsupported.method("setNClob");
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    throw Unsupported.method("setClob");
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    throw Unsupported.method("setBlob");
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    throw Unsupported.method("setNClob");
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    throw Unsupported.method("setSQLXML");
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    throw Unsupported.method("setObject");
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    throw Unsupported.method("setAsciiStream");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    throw Unsupported.method("setBinaryStream");
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    throw Unsupported.method("setCharacterStream");
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    throw Unsupported.method("setAsciiStream");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    throw Unsupported.method("setBinaryStream");
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    throw Unsupported.method("setCharacterStream");
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    throw Unsupported.method("setNCharacterStream");
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    throw Unsupported.method("setClob");
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    throw Unsupported.method("setBlob");
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    throw Unsupported.method("setNClob");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw Unsupported.method("executeQuery");
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw Unsupported.method("executeUpdate");
  }

  @Override
  public void close() throws SQLException {
    throw Unsupported.method("close");
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    throw Unsupported.method("getMaxFieldSize");
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    throw Unsupported.method("setMaxFieldSize");
  }

  @Override
  public int getMaxRows() throws SQLException {
    throw Unsupported.method("getMaxRows");
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    throw Unsupported.method("setMaxRows");
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    throw Unsupported.method("setEscapeProcessing");
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    throw Unsupported.method("getQueryTimeout");
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    throw Unsupported.method("setQueryTimeout");
  }

  @Override
  public void cancel() throws SQLException {
    throw Unsupported.method("cancel");
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
  public void setCursorName(String name) throws SQLException {
    throw Unsupported.method("setCursorName");
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw Unsupported.method("execute");
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    throw Unsupported.method("getResultSet");
  }

  @Override
  public int getUpdateCount() throws SQLException {
    throw Unsupported.method("getUpdateCount");
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    throw Unsupported.method("getMoreResults");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    throw Unsupported.method("setFetchDirection");
  }

  @Override
  public int getFetchDirection() throws SQLException {
    throw Unsupported.method("getFetchDirection");
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    throw Unsupported.method("setFetchSize");
  }

  @Override
  public int getFetchSize() throws SQLException {
    throw Unsupported.method("getFetchSize");
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    throw Unsupported.method("getResultSetConcurrency");
  }

  @Override
  public int getResultSetType() throws SQLException {
    throw Unsupported.method("getResultSetType");
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw Unsupported.method("addBatch");
  }

  @Override
  public void clearBatch() throws SQLException {
    throw Unsupported.method("clearBatch");
  }

  @Override
  public int[] executeBatch() throws SQLException {
    throw Unsupported.method("executeBatch");
  }

  @Override
  public Connection getConnection() throws SQLException {
    throw Unsupported.method("getConnection");
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    throw Unsupported.method("getMoreResults");
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    throw Unsupported.method("getGeneratedKeys");
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    throw Unsupported.method("executeUpdate");
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw Unsupported.method("executeUpdate");
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    throw Unsupported.method("executeUpdate");
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    throw Unsupported.method("execute");
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw Unsupported.method("execute");
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    throw Unsupported.method("execute");
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    throw Unsupported.method("getResultSetHoldability");
  }

  @Override
  public boolean isClosed() throws SQLException {
    throw Unsupported.method("isClosed");
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    throw Unsupported.method("setPoolable");
  }

  @Override
  public boolean isPoolable() throws SQLException {
    throw Unsupported.method("isPoolable");
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    throw Unsupported.method("closeOnCompletion");
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    throw Unsupported.method("isCloseOnCompletion");
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
