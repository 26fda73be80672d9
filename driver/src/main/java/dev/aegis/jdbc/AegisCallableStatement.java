package dev.aegis.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.*;
import java.util.Calendar;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.Map;

/**
 * A callable statement; its SQL went through the pipeline when the connection prepared it. Parameters
 * given by index go to the delegate's index (see {@link AegisPreparedStatement}); a parameter set or an OUT
 * parameter registered by name cannot be carried over when the statement must be prepared again under
 * reloaded keys, which then fails with ZA302 asking to prepare it again.
 */
final class AegisCallableStatement extends AegisPreparedStatement implements CallableStatement {
  private CallableStatement callable;

  AegisCallableStatement(AegisConnection connection, CallableStatement callable,
      dev.aegis.encrypt.PreparedSql plan, PrepareOptions options) {
    super(connection, callable, plan, options);
    this.callable = callable;
  }

  @Override
  void replaced(PreparedStatement next) {
    callable = (CallableStatement) next;
  }

  @Override
  public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(at(parameterIndex), sqlType);
  }

  @Override
  public void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(at(parameterIndex), sqlType, scale);
  }

  @Override
  public boolean wasNull() throws SQLException {
    return callable.wasNull();
  }

  @Override
  public String getString(int parameterIndex) throws SQLException {
    return callable.getString(at(parameterIndex));
  }

  @Override
  public boolean getBoolean(int parameterIndex) throws SQLException {
    return callable.getBoolean(at(parameterIndex));
  }

  @Override
  public byte getByte(int parameterIndex) throws SQLException {
    return callable.getByte(at(parameterIndex));
  }

  @Override
  public short getShort(int parameterIndex) throws SQLException {
    return callable.getShort(at(parameterIndex));
  }

  @Override
  public int getInt(int parameterIndex) throws SQLException {
    return callable.getInt(at(parameterIndex));
  }

  @Override
  public long getLong(int parameterIndex) throws SQLException {
    return callable.getLong(at(parameterIndex));
  }

  @Override
  public float getFloat(int parameterIndex) throws SQLException {
    return callable.getFloat(at(parameterIndex));
  }

  @Override
  public double getDouble(int parameterIndex) throws SQLException {
    return callable.getDouble(at(parameterIndex));
  }

  /** Deprecated in JDBC; delegated as it is. */
  @Deprecated
  @SuppressWarnings("deprecation")
  @Override
  public BigDecimal getBigDecimal(int parameterIndex, int scale) throws SQLException {
    return callable.getBigDecimal(at(parameterIndex), scale);
  }

  @Override
  public byte[] getBytes(int parameterIndex) throws SQLException {
    return callable.getBytes(at(parameterIndex));
  }

  @Override
  public java.sql.Date getDate(int parameterIndex) throws SQLException {
    return callable.getDate(at(parameterIndex));
  }

  @Override
  public java.sql.Time getTime(int parameterIndex) throws SQLException {
    return callable.getTime(at(parameterIndex));
  }

  @Override
  public java.sql.Timestamp getTimestamp(int parameterIndex) throws SQLException {
    return callable.getTimestamp(at(parameterIndex));
  }

  @Override
  public Object getObject(int parameterIndex) throws SQLException {
    return callable.getObject(at(parameterIndex));
  }

  @Override
  public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
    return callable.getBigDecimal(at(parameterIndex));
  }

  @Override
  public Object getObject(int parameterIndex, java.util.Map<String,Class<?>> map) throws SQLException {
    return callable.getObject(at(parameterIndex), map);
  }

  @Override
  public Ref getRef(int parameterIndex) throws SQLException {
    return callable.getRef(at(parameterIndex));
  }

  @Override
  public Blob getBlob(int parameterIndex) throws SQLException {
    return callable.getBlob(at(parameterIndex));
  }

  @Override
  public Clob getClob(int parameterIndex) throws SQLException {
    return callable.getClob(at(parameterIndex));
  }

  @Override
  public Array getArray(int parameterIndex) throws SQLException {
    return callable.getArray(at(parameterIndex));
  }

  @Override
  public java.sql.Date getDate(int parameterIndex, Calendar cal) throws SQLException {
    return callable.getDate(at(parameterIndex), cal);
  }

  @Override
  public java.sql.Time getTime(int parameterIndex, Calendar cal) throws SQLException {
    return callable.getTime(at(parameterIndex), cal);
  }

  @Override
  public java.sql.Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
    return callable.getTimestamp(at(parameterIndex), cal);
  }

  @Override
  public void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(at(parameterIndex), sqlType, typeName);
  }

  @Override
  public void registerOutParameter(String parameterName, int sqlType) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(parameterName, sqlType);
  }

  @Override
  public void registerOutParameter(String parameterName, int sqlType, int scale) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(parameterName, sqlType, scale);
  }

  @Override
  public void registerOutParameter(String parameterName, int sqlType, String typeName) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(parameterName, sqlType, typeName);
  }

  @Override
  public java.net.URL getURL(int parameterIndex) throws SQLException {
    return callable.getURL(at(parameterIndex));
  }

  @Override
  public void setURL(String parameterName, java.net.URL val) throws SQLException {
    unreplayable("setURL");
    callable.setURL(parameterName, val);
  }

  @Override
  public void setNull(String parameterName, int sqlType) throws SQLException {
    unreplayable("setNull");
    callable.setNull(parameterName, sqlType);
  }

  @Override
  public void setBoolean(String parameterName, boolean x) throws SQLException {
    unreplayable("setBoolean");
    callable.setBoolean(parameterName, x);
  }

  @Override
  public void setByte(String parameterName, byte x) throws SQLException {
    unreplayable("setByte");
    callable.setByte(parameterName, x);
  }

  @Override
  public void setShort(String parameterName, short x) throws SQLException {
    unreplayable("setShort");
    callable.setShort(parameterName, x);
  }

  @Override
  public void setInt(String parameterName, int x) throws SQLException {
    unreplayable("setInt");
    callable.setInt(parameterName, x);
  }

  @Override
  public void setLong(String parameterName, long x) throws SQLException {
    unreplayable("setLong");
    callable.setLong(parameterName, x);
  }

  @Override
  public void setFloat(String parameterName, float x) throws SQLException {
    unreplayable("setFloat");
    callable.setFloat(parameterName, x);
  }

  @Override
  public void setDouble(String parameterName, double x) throws SQLException {
    unreplayable("setDouble");
    callable.setDouble(parameterName, x);
  }

  @Override
  public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
    unreplayable("setBigDecimal");
    callable.setBigDecimal(parameterName, x);
  }

  @Override
  public void setString(String parameterName, String x) throws SQLException {
    unreplayable("setString");
    callable.setString(parameterName, x);
  }

  @Override
  public void setBytes(String parameterName, byte[] x) throws SQLException {
    unreplayable("setBytes");
    callable.setBytes(parameterName, x);
  }

  @Override
  public void setDate(String parameterName, java.sql.Date x) throws SQLException {
    unreplayable("setDate");
    callable.setDate(parameterName, x);
  }

  @Override
  public void setTime(String parameterName, java.sql.Time x) throws SQLException {
    unreplayable("setTime");
    callable.setTime(parameterName, x);
  }

  @Override
  public void setTimestamp(String parameterName, java.sql.Timestamp x) throws SQLException {
    unreplayable("setTimestamp");
    callable.setTimestamp(parameterName, x);
  }

  @Override
  public void setAsciiStream(String parameterName, java.io.InputStream x, int length) throws SQLException {
    unreplayable("setAsciiStream");
    callable.setAsciiStream(parameterName, x, length);
  }

  @Override
  public void setBinaryStream(String parameterName, java.io.InputStream x, int length) throws SQLException {
    unreplayable("setBinaryStream");
    callable.setBinaryStream(parameterName, x, length);
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType, int scale) throws SQLException {
    unreplayable("setObject");
    callable.setObject(parameterName, x, targetSqlType, scale);
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
    unreplayable("setObject");
    callable.setObject(parameterName, x, targetSqlType);
  }

  @Override
  public void setObject(String parameterName, Object x) throws SQLException {
    unreplayable("setObject");
    callable.setObject(parameterName, x);
  }

  @Override
  public void setCharacterStream(String parameterName, java.io.Reader reader, int length) throws SQLException {
    unreplayable("setCharacterStream");
    callable.setCharacterStream(parameterName, reader, length);
  }

  @Override
  public void setDate(String parameterName, java.sql.Date x, Calendar cal) throws SQLException {
    unreplayable("setDate");
    callable.setDate(parameterName, x, cal);
  }

  @Override
  public void setTime(String parameterName, java.sql.Time x, Calendar cal) throws SQLException {
    unreplayable("setTime");
    callable.setTime(parameterName, x, cal);
  }

  @Override
  public void setTimestamp(String parameterName, java.sql.Timestamp x, Calendar cal) throws SQLException {
    unreplayable("setTimestamp");
    callable.setTimestamp(parameterName, x, cal);
  }

  @Override
  public void setNull(String parameterName, int sqlType, String typeName) throws SQLException {
    unreplayable("setNull");
    callable.setNull(parameterName, sqlType, typeName);
  }

  @Override
  public String getString(String parameterName) throws SQLException {
    return callable.getString(parameterName);
  }

  @Override
  public boolean getBoolean(String parameterName) throws SQLException {
    return callable.getBoolean(parameterName);
  }

  @Override
  public byte getByte(String parameterName) throws SQLException {
    return callable.getByte(parameterName);
  }

  @Override
  public short getShort(String parameterName) throws SQLException {
    return callable.getShort(parameterName);
  }

  @Override
  public int getInt(String parameterName) throws SQLException {
    return callable.getInt(parameterName);
  }

  @Override
  public long getLong(String parameterName) throws SQLException {
    return callable.getLong(parameterName);
  }

  @Override
  public float getFloat(String parameterName) throws SQLException {
    return callable.getFloat(parameterName);
  }

  @Override
  public double getDouble(String parameterName) throws SQLException {
    return callable.getDouble(parameterName);
  }

  @Override
  public byte[] getBytes(String parameterName) throws SQLException {
    return callable.getBytes(parameterName);
  }

  @Override
  public java.sql.Date getDate(String parameterName) throws SQLException {
    return callable.getDate(parameterName);
  }

  @Override
  public java.sql.Time getTime(String parameterName) throws SQLException {
    return callable.getTime(parameterName);
  }

  @Override
  public java.sql.Timestamp getTimestamp(String parameterName) throws SQLException {
    return callable.getTimestamp(parameterName);
  }

  @Override
  public Object getObject(String parameterName) throws SQLException {
    return callable.getObject(parameterName);
  }

  @Override
  public BigDecimal getBigDecimal(String parameterName) throws SQLException {
    return callable.getBigDecimal(parameterName);
  }

  @Override
  public Object getObject(String parameterName, java.util.Map<String,Class<?>> map) throws SQLException {
    return callable.getObject(parameterName, map);
  }

  @Override
  public Ref getRef(String parameterName) throws SQLException {
    return callable.getRef(parameterName);
  }

  @Override
  public Blob getBlob(String parameterName) throws SQLException {
    return callable.getBlob(parameterName);
  }

  @Override
  public Clob getClob(String parameterName) throws SQLException {
    return callable.getClob(parameterName);
  }

  @Override
  public Array getArray(String parameterName) throws SQLException {
    return callable.getArray(parameterName);
  }

  @Override
  public java.sql.Date getDate(String parameterName, Calendar cal) throws SQLException {
    return callable.getDate(parameterName, cal);
  }

  @Override
  public java.sql.Time getTime(String parameterName, Calendar cal) throws SQLException {
    return callable.getTime(parameterName, cal);
  }

  @Override
  public java.sql.Timestamp getTimestamp(String parameterName, Calendar cal) throws SQLException {
    return callable.getTimestamp(parameterName, cal);
  }

  @Override
  public java.net.URL getURL(String parameterName) throws SQLException {
    return callable.getURL(parameterName);
  }

  @Override
  public RowId getRowId(int parameterIndex) throws SQLException {
    return callable.getRowId(at(parameterIndex));
  }

  @Override
  public RowId getRowId(String parameterName) throws SQLException {
    return callable.getRowId(parameterName);
  }

  @Override
  public void setRowId(String parameterName, RowId x) throws SQLException {
    unreplayable("setRowId");
    callable.setRowId(parameterName, x);
  }

  @Override
  public void setNString(String parameterName, String value) throws SQLException {
    unreplayable("setNString");
    callable.setNString(parameterName, value);
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader value, long length) throws SQLException {
    unreplayable("setNCharacterStream");
    callable.setNCharacterStream(parameterName, value, length);
  }

  @Override
  public void setNClob(String parameterName, NClob value) throws SQLException {
    unreplayable("setNClob");
    callable.setNClob(parameterName, value);
  }

  @Override
  public void setClob(String parameterName, Reader reader, long length) throws SQLException {
    unreplayable("setClob");
    callable.setClob(parameterName, reader, length);
  }

  @Override
  public void setBlob(String parameterName, InputStream inputStream, long length) throws SQLException {
    unreplayable("setBlob");
    callable.setBlob(parameterName, inputStream, length);
  }

  @Override
  public void setNClob(String parameterName, Reader reader, long length) throws SQLException {
    unreplayable("setNClob");
    callable.setNClob(parameterName, reader, length);
  }

  @Override
  public NClob getNClob(int parameterIndex) throws SQLException {
    return callable.getNClob(at(parameterIndex));
  }

  @Override
  public NClob getNClob(String parameterName) throws SQLException {
    return callable.getNClob(parameterName);
  }

  @Override
  public void setSQLXML(String parameterName, SQLXML xmlObject) throws SQLException {
    unreplayable("setSQLXML");
    callable.setSQLXML(parameterName, xmlObject);
  }

  @Override
  public SQLXML getSQLXML(int parameterIndex) throws SQLException {
    return callable.getSQLXML(at(parameterIndex));
  }

  @Override
  public SQLXML getSQLXML(String parameterName) throws SQLException {
    return callable.getSQLXML(parameterName);
  }

  @Override
  public String getNString(int parameterIndex) throws SQLException {
    return callable.getNString(at(parameterIndex));
  }

  @Override
  public String getNString(String parameterName) throws SQLException {
    return callable.getNString(parameterName);
  }

  @Override
  public java.io.Reader getNCharacterStream(int parameterIndex) throws SQLException {
    return callable.getNCharacterStream(at(parameterIndex));
  }

  @Override
  public java.io.Reader getNCharacterStream(String parameterName) throws SQLException {
    return callable.getNCharacterStream(parameterName);
  }

  @Override
  public java.io.Reader getCharacterStream(int parameterIndex) throws SQLException {
    return callable.getCharacterStream(at(parameterIndex));
  }

  @Override
  public java.io.Reader getCharacterStream(String parameterName) throws SQLException {
    return callable.getCharacterStream(parameterName);
  }

  @Override
  public void setBlob(String parameterName, Blob x) throws SQLException {
    unreplayable("setBlob");
    callable.setBlob(parameterName, x);
  }

  @Override
  public void setClob(String parameterName, Clob x) throws SQLException {
    unreplayable("setClob");
    callable.setClob(parameterName, x);
  }

  @Override
  public void setAsciiStream(String parameterName, java.io.InputStream x, long length) throws SQLException {
    unreplayable("setAsciiStream");
    callable.setAsciiStream(parameterName, x, length);
  }

  @Override
  public void setBinaryStream(String parameterName, java.io.InputStream x, long length) throws SQLException {
    unreplayable("setBinaryStream");
    callable.setBinaryStream(parameterName, x, length);
  }

  @Override
  public void setCharacterStream(String parameterName, java.io.Reader reader, long length) throws SQLException {
    unreplayable("setCharacterStream");
    callable.setCharacterStream(parameterName, reader, length);
  }

  @Override
  public void setAsciiStream(String parameterName, java.io.InputStream x) throws SQLException {
    unreplayable("setAsciiStream");
    callable.setAsciiStream(parameterName, x);
  }

  @Override
  public void setBinaryStream(String parameterName, java.io.InputStream x) throws SQLException {
    unreplayable("setBinaryStream");
    callable.setBinaryStream(parameterName, x);
  }

  @Override
  public void setCharacterStream(String parameterName, java.io.Reader reader) throws SQLException {
    unreplayable("setCharacterStream");
    callable.setCharacterStream(parameterName, reader);
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader value) throws SQLException {
    unreplayable("setNCharacterStream");
    callable.setNCharacterStream(parameterName, value);
  }

  @Override
  public void setClob(String parameterName, Reader reader) throws SQLException {
    unreplayable("setClob");
    callable.setClob(parameterName, reader);
  }

  @Override
  public void setBlob(String parameterName, InputStream inputStream) throws SQLException {
    unreplayable("setBlob");
    callable.setBlob(parameterName, inputStream);
  }

  @Override
  public void setNClob(String parameterName, Reader reader) throws SQLException {
    unreplayable("setNClob");
    callable.setNClob(parameterName, reader);
  }

  @Override
  public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
    return callable.getObject(at(parameterIndex), type);
  }

  @Override
  public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
    return callable.getObject(parameterName, type);
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    unreplayable("setObject");
    callable.setObject(parameterName, x, targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType) throws SQLException {
    unreplayable("setObject");
    callable.setObject(parameterName, x, targetSqlType);
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(at(parameterIndex), sqlType);
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sqlType, int scale) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(at(parameterIndex), sqlType, scale);
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sqlType, String typeName) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(at(parameterIndex), sqlType, typeName);
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sqlType) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(parameterName, sqlType);
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sqlType, int scale) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(parameterName, sqlType, scale);
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sqlType, String typeName) throws SQLException {
    unreplayable("registerOutParameter");
    callable.registerOutParameter(parameterName, sqlType, typeName);
  }
}
