package dev.aegis.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.*;
import java.util.Calendar;
import java.util.Properties;
import java.util.concurrent.Executor;
import dev.aegis.encrypt.PreparedSql;
import dev.aegis.encrypt.ProtectedColumn;

/**
 * A prepared statement; its SQL went through the pipeline when the connection prepared it, which also
 * said which parameters carry values of encrypted columns. Every setter of such a parameter encrypts the
 * value before the delegate sees it (so batches, rewritten or not, hold only ciphertext); {@code setNull}
 * stays NULL.
 */
class AegisPreparedStatement extends AegisStatement implements PreparedStatement {
  private final PreparedStatement prepared;
  private final PreparedSql plan;

  AegisPreparedStatement(AegisConnection connection, PreparedStatement prepared, PreparedSql plan) {
    super(connection, prepared);
    this.prepared = prepared;
    this.plan = plan;
    this.digest = connection.lastDigest();
  }

  /** The shape captured when the statement was prepared: its results are this statement's. */
  private final String digest;

  @Override
  String digest() {
    return digest;
  }

  /** The encrypted column parameter {@code index} carries a value of, or null. */
  final ProtectedColumn encrypted(int index) {
    return plan.parameter(index);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    // The text was screened when it was prepared, maybe before its caller was blocked.
    connection.admit();
    try {
      return results(prepared.executeQuery());
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public int executeUpdate() throws SQLException {
    connection.admit();
    try {
      return prepared.executeUpdate();
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    prepared.setNull(parameterIndex, sqlType);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setBoolean(parameterIndex, x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setByte(parameterIndex, x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setShort(parameterIndex, x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setInt(parameterIndex, x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setLong(parameterIndex, x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setFloat(parameterIndex, x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setDouble(parameterIndex, x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setBigDecimal(parameterIndex, x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setString(parameterIndex, x);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setBytes(parameterIndex, x);
  }

  @Override
  public void setDate(int parameterIndex, java.sql.Date x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setDate(parameterIndex, x);
  }

  @Override
  public void setTime(int parameterIndex, java.sql.Time x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setTime(parameterIndex, x);
  }

  @Override
  public void setTimestamp(int parameterIndex, java.sql.Timestamp x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setTimestamp(parameterIndex, x);
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.ascii(x, length));
      return;
    }
    prepared.setAsciiStream(parameterIndex, x, length);
  }

  /** Deprecated in JDBC; delegated as it is. */
  @Deprecated
  @SuppressWarnings("deprecation")
  @Override
  public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setUnicodeStream", encrypted(parameterIndex));
    }
    prepared.setUnicodeStream(parameterIndex, x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.bytes(x, length));
      return;
    }
    prepared.setBinaryStream(parameterIndex, x, length);
  }

  @Override
  public void clearParameters() throws SQLException {
    prepared.clearParameters();
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setObject(parameterIndex, x, targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setObject(parameterIndex, x);
  }

  @Override
  public boolean execute() throws SQLException {
    connection.admit();
    try {
      return prepared.execute();
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }

  @Override
  public void addBatch() throws SQLException {
    prepared.addBatch();
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(reader, length));
      return;
    }
    prepared.setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setRef", encrypted(parameterIndex));
    }
    prepared.setRef(parameterIndex, x);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.bytes(x));
      return;
    }
    prepared.setBlob(parameterIndex, x);
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(x));
      return;
    }
    prepared.setClob(parameterIndex, x);
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setArray", encrypted(parameterIndex));
    }
    prepared.setArray(parameterIndex, x);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return prepared.getMetaData();
  }

  @Override
  public void setDate(int parameterIndex, java.sql.Date x, Calendar cal) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.inCalendar(x, cal));
      return;
    }
    prepared.setDate(parameterIndex, x, cal);
  }

  @Override
  public void setTime(int parameterIndex, java.sql.Time x, Calendar cal) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.inCalendar(x, cal));
      return;
    }
    prepared.setTime(parameterIndex, x, cal);
  }

  @Override
  public void setTimestamp(int parameterIndex, java.sql.Timestamp x, Calendar cal) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.inCalendar(x, cal));
      return;
    }
    prepared.setTimestamp(parameterIndex, x, cal);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    prepared.setNull(parameterIndex, sqlType, typeName);
  }

  @Override
  public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x == null ? null : x.toString());
      return;
    }
    prepared.setURL(parameterIndex, x);
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return prepared.getParameterMetaData();
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setRowId", encrypted(parameterIndex));
    }
    prepared.setRowId(parameterIndex, x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, value);
      return;
    }
    prepared.setNString(parameterIndex, value);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(value, length));
      return;
    }
    prepared.setNCharacterStream(parameterIndex, value, length);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(value));
      return;
    }
    prepared.setNClob(parameterIndex, value);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(reader, length));
      return;
    }
    prepared.setClob(parameterIndex, reader, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.bytes(inputStream, length));
      return;
    }
    prepared.setBlob(parameterIndex, inputStream, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(reader, length));
      return;
    }
    prepared.setNClob(parameterIndex, reader, length);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    if (encrypted(parameterIndex) != null) {
      throw ProtectedValues.unsupportedWrite("setSQLXML", encrypted(parameterIndex));
    }
    prepared.setSQLXML(parameterIndex, xmlObject);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.ascii(x, length));
      return;
    }
    prepared.setAsciiStream(parameterIndex, x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.bytes(x, length));
      return;
    }
    prepared.setBinaryStream(parameterIndex, x, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(reader, length));
      return;
    }
    prepared.setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.ascii(x, -1));
      return;
    }
    prepared.setAsciiStream(parameterIndex, x);
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.bytes(x, -1));
      return;
    }
    prepared.setBinaryStream(parameterIndex, x);
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(reader, -1));
      return;
    }
    prepared.setCharacterStream(parameterIndex, reader);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(value, -1));
      return;
    }
    prepared.setNCharacterStream(parameterIndex, value);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(reader, -1));
      return;
    }
    prepared.setClob(parameterIndex, reader);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.bytes(inputStream, -1));
      return;
    }
    prepared.setBlob(parameterIndex, inputStream);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, ProtectedValues.text(reader, -1));
      return;
    }
    prepared.setNClob(parameterIndex, reader);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    ProtectedColumn column = encrypted(parameterIndex);
    if (column != null) {
      ProtectedValues.set(prepared, parameterIndex, column, x);
      return;
    }
    prepared.setObject(parameterIndex, x, targetSqlType);
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    connection.admit();
    try {
      return prepared.executeLargeUpdate();
    } catch (SQLException e) {
      throw connection.failed(e, digest());
    }
  }
}
