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
import dev.aegis.behaviour.ResultWatch;
import dev.aegis.crypto.PlainConversions;
import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.encrypt.ResultDecryption;

/**
 * A result set that reports the Aegis statement that produced it and decrypts encrypted columns: every
 * getter of a column that may hold ciphertext reads the plaintext from {@link ResultDecryption} and
 * converts it as the getter asks; every updater of an encrypted column encrypts the value first. Getters by
 * label go through {@code findColumn}, so both paths meet in one place. Columns that hold no ciphertext
 * are delegated unchanged.
 */
final class AegisResultSet implements ResultSet {
  private final Statement statement;
  final ResultSet delegate;
  /** Null when no column of this result can hold ciphertext. */
  private final ResultDecryption decryption;

  /**
   * @param statement the Aegis statement that produced the rows, or null for metadata results (as JDBC
   *     specifies for result sets made by {@code DatabaseMetaData})
   */
  AegisResultSet(Statement statement, ResultSet delegate) {
    this(statement, delegate, null, null);
  }

  AegisResultSet(Statement statement, ResultSet delegate, ResultDecryption decryption, ResultWatch watch) {
    this.statement = statement;
    this.delegate = delegate;
    this.decryption = decryption;
    this.watch = watch;
  }

  /** Null when behaviour checks are off (metadata results, detection off). */
  private final ResultWatch watch;
  private boolean ended;

  /** Counts the row and looks for canary values in it; never fails the application's read. */
  private void watchRow() {
    watch.row();
    int[] canaries = watch.canaryColumns();
    for (int i = 0; i < canaries.length; i++) {
      try {
        if (watch.isCanary(i, getString(canaries[i]))) {
          watch.canaryRead(canaries[i]);
        }
      } catch (SQLException | RuntimeException e) {
        // An unreadable value is the application's getter's to report, not the watch's.
      }
    }
  }

  private void endWatch() {
    if (watch != null && !ended) {
      ended = true;
      watch.end();
    }
  }

  /** The plaintext of an encrypted value, null for NULL, or NOT_ENCRYPTED to read from the delegate. */
  private Object plain(int columnIndex) throws SQLException {
    return decryption != null && decryption.handles(columnIndex) ? decryption.open(delegate, columnIndex)
        : ResultDecryption.NOT_ENCRYPTED;
  }

  private String label(int columnIndex) {
    return decryption.label(columnIndex);
  }

  /** The encrypted column an updater writes, or null. */
  private ProtectedColumn protectedColumn(int columnIndex) {
    return decryption == null ? null : decryption.column(columnIndex);
  }

  @Override
  public boolean next() throws SQLException {
    boolean more = delegate.next();
    if (watch != null) {
      if (more) {
        watchRow();
      } else {
        endWatch();
      }
    }
    return more;
  }

  @Override
  public void close() throws SQLException {
    endWatch();
    delegate.close();
  }

  @Override
  public boolean wasNull() throws SQLException {
    return delegate.wasNull();
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toString(plain, label(columnIndex));
    }
    return delegate.getString(columnIndex);
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? false : PlainConversions.toBoolean(plain, label(columnIndex));
    }
    return delegate.getBoolean(columnIndex);
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? 0 : PlainConversions.toByte(plain, label(columnIndex));
    }
    return delegate.getByte(columnIndex);
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? 0 : PlainConversions.toShort(plain, label(columnIndex));
    }
    return delegate.getShort(columnIndex);
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? 0 : PlainConversions.toInt(plain, label(columnIndex));
    }
    return delegate.getInt(columnIndex);
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? 0 : PlainConversions.toLong(plain, label(columnIndex));
    }
    return delegate.getLong(columnIndex);
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? 0 : PlainConversions.toFloat(plain, label(columnIndex));
    }
    return delegate.getFloat(columnIndex);
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? 0 : PlainConversions.toDouble(plain, label(columnIndex));
    }
    return delegate.getDouble(columnIndex);
  }

  /** Deprecated in JDBC; delegated as it is. */
  @Deprecated
  @SuppressWarnings("deprecation")
  @Override
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null
          : PlainConversions.toBigDecimal(plain, label(columnIndex)).setScale(scale, java.math.RoundingMode.HALF_UP);
    }
    return delegate.getBigDecimal(columnIndex, scale);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toBytes(plain, label(columnIndex));
    }
    return delegate.getBytes(columnIndex);
  }

  @Override
  public java.sql.Date getDate(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toDate(plain, null, label(columnIndex));
    }
    return delegate.getDate(columnIndex);
  }

  @Override
  public java.sql.Time getTime(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toTime(plain, null, label(columnIndex));
    }
    return delegate.getTime(columnIndex);
  }

  @Override
  public java.sql.Timestamp getTimestamp(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toTimestamp(plain, null, label(columnIndex));
    }
    return delegate.getTimestamp(columnIndex);
  }

  @Override
  public java.io.InputStream getAsciiStream(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toAsciiStream(plain, label(columnIndex));
    }
    return delegate.getAsciiStream(columnIndex);
  }

  /** Deprecated in JDBC; delegated as it is. */
  @Deprecated
  @SuppressWarnings("deprecation")
  @Override
  public java.io.InputStream getUnicodeStream(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toAsciiStream(plain, label(columnIndex));
    }
    return delegate.getUnicodeStream(columnIndex);
  }

  @Override
  public java.io.InputStream getBinaryStream(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toBinaryStream(plain, label(columnIndex));
    }
    return delegate.getBinaryStream(columnIndex);
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getString(delegate.findColumn(columnLabel));
    }
    return delegate.getString(columnLabel);
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getBoolean(delegate.findColumn(columnLabel));
    }
    return delegate.getBoolean(columnLabel);
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getByte(delegate.findColumn(columnLabel));
    }
    return delegate.getByte(columnLabel);
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getShort(delegate.findColumn(columnLabel));
    }
    return delegate.getShort(columnLabel);
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getInt(delegate.findColumn(columnLabel));
    }
    return delegate.getInt(columnLabel);
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getLong(delegate.findColumn(columnLabel));
    }
    return delegate.getLong(columnLabel);
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getFloat(delegate.findColumn(columnLabel));
    }
    return delegate.getFloat(columnLabel);
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getDouble(delegate.findColumn(columnLabel));
    }
    return delegate.getDouble(columnLabel);
  }

  /** Deprecated in JDBC; delegated as it is. */
  @Deprecated
  @SuppressWarnings("deprecation")
  @Override
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    if (decryption != null) {
      return getBigDecimal(delegate.findColumn(columnLabel), scale);
    }
    return delegate.getBigDecimal(columnLabel, scale);
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getBytes(delegate.findColumn(columnLabel));
    }
    return delegate.getBytes(columnLabel);
  }

  @Override
  public java.sql.Date getDate(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getDate(delegate.findColumn(columnLabel));
    }
    return delegate.getDate(columnLabel);
  }

  @Override
  public java.sql.Time getTime(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getTime(delegate.findColumn(columnLabel));
    }
    return delegate.getTime(columnLabel);
  }

  @Override
  public java.sql.Timestamp getTimestamp(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getTimestamp(delegate.findColumn(columnLabel));
    }
    return delegate.getTimestamp(columnLabel);
  }

  @Override
  public java.io.InputStream getAsciiStream(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getAsciiStream(delegate.findColumn(columnLabel));
    }
    return delegate.getAsciiStream(columnLabel);
  }

  /** Deprecated in JDBC; delegated as it is. */
  @Deprecated
  @SuppressWarnings("deprecation")
  @Override
  public java.io.InputStream getUnicodeStream(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getUnicodeStream(delegate.findColumn(columnLabel));
    }
    return delegate.getUnicodeStream(columnLabel);
  }

  @Override
  public java.io.InputStream getBinaryStream(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getBinaryStream(delegate.findColumn(columnLabel));
    }
    return delegate.getBinaryStream(columnLabel);
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
  public String getCursorName() throws SQLException {
    return delegate.getCursorName();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    ResultSetMetaData metadata = delegate.getMetaData();
    return decryption == null ? metadata : new AegisResultSetMetaData(metadata, decryption);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toObject(plain);
    }
    return delegate.getObject(columnIndex);
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getObject(delegate.findColumn(columnLabel));
    }
    return delegate.getObject(columnLabel);
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    return delegate.findColumn(columnLabel);
  }

  @Override
  public java.io.Reader getCharacterStream(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toReader(plain, label(columnIndex));
    }
    return delegate.getCharacterStream(columnIndex);
  }

  @Override
  public java.io.Reader getCharacterStream(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getCharacterStream(delegate.findColumn(columnLabel));
    }
    return delegate.getCharacterStream(columnLabel);
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toBigDecimal(plain, label(columnIndex));
    }
    return delegate.getBigDecimal(columnIndex);
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getBigDecimal(delegate.findColumn(columnLabel));
    }
    return delegate.getBigDecimal(columnLabel);
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    return delegate.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    return delegate.isAfterLast();
  }

  @Override
  public boolean isFirst() throws SQLException {
    return delegate.isFirst();
  }

  @Override
  public boolean isLast() throws SQLException {
    return delegate.isLast();
  }

  @Override
  public void beforeFirst() throws SQLException {
    delegate.beforeFirst();
  }

  @Override
  public void afterLast() throws SQLException {
    delegate.afterLast();
  }

  @Override
  public boolean first() throws SQLException {
    return delegate.first();
  }

  @Override
  public boolean last() throws SQLException {
    return delegate.last();
  }

  @Override
  public int getRow() throws SQLException {
    return delegate.getRow();
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    return delegate.absolute(row);
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    return delegate.relative(rows);
  }

  @Override
  public boolean previous() throws SQLException {
    return delegate.previous();
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
  public int getType() throws SQLException {
    return delegate.getType();
  }

  @Override
  public int getConcurrency() throws SQLException {
    return delegate.getConcurrency();
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    return delegate.rowUpdated();
  }

  @Override
  public boolean rowInserted() throws SQLException {
    return delegate.rowInserted();
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    return delegate.rowDeleted();
  }

  @Override
  public void updateNull(int columnIndex) throws SQLException {
    delegate.updateNull(columnIndex);
  }

  @Override
  public void updateBoolean(int columnIndex, boolean x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateBoolean(columnIndex, x);
  }

  @Override
  public void updateByte(int columnIndex, byte x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateByte(columnIndex, x);
  }

  @Override
  public void updateShort(int columnIndex, short x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateShort(columnIndex, x);
  }

  @Override
  public void updateInt(int columnIndex, int x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateInt(columnIndex, x);
  }

  @Override
  public void updateLong(int columnIndex, long x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateLong(columnIndex, x);
  }

  @Override
  public void updateFloat(int columnIndex, float x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateFloat(columnIndex, x);
  }

  @Override
  public void updateDouble(int columnIndex, double x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateDouble(columnIndex, x);
  }

  @Override
  public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateBigDecimal(columnIndex, x);
  }

  @Override
  public void updateString(int columnIndex, String x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateString(columnIndex, x);
  }

  @Override
  public void updateBytes(int columnIndex, byte[] x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateBytes(columnIndex, x);
  }

  @Override
  public void updateDate(int columnIndex, java.sql.Date x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateDate(columnIndex, x);
  }

  @Override
  public void updateTime(int columnIndex, java.sql.Time x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateTime(columnIndex, x);
  }

  @Override
  public void updateTimestamp(int columnIndex, java.sql.Timestamp x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateTimestamp(columnIndex, x);
  }

  @Override
  public void updateAsciiStream(int columnIndex, java.io.InputStream x, int length) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.ascii(x, length));
      return;
    }
    delegate.updateAsciiStream(columnIndex, x, length);
  }

  @Override
  public void updateBinaryStream(int columnIndex, java.io.InputStream x, int length) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.bytes(x, length));
      return;
    }
    delegate.updateBinaryStream(columnIndex, x, length);
  }

  @Override
  public void updateCharacterStream(int columnIndex, java.io.Reader x, int length) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.text(x, length));
      return;
    }
    delegate.updateCharacterStream(columnIndex, x, length);
  }

  @Override
  public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateObject(columnIndex, x, scaleOrLength);
  }

  @Override
  public void updateObject(int columnIndex, Object x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateObject(columnIndex, x);
  }

  @Override
  public void updateNull(String columnLabel) throws SQLException {
    if (decryption != null) {
      updateNull(delegate.findColumn(columnLabel));
      return;
    }
    delegate.updateNull(columnLabel);
  }

  @Override
  public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    if (decryption != null) {
      updateBoolean(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateBoolean(columnLabel, x);
  }

  @Override
  public void updateByte(String columnLabel, byte x) throws SQLException {
    if (decryption != null) {
      updateByte(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateByte(columnLabel, x);
  }

  @Override
  public void updateShort(String columnLabel, short x) throws SQLException {
    if (decryption != null) {
      updateShort(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateShort(columnLabel, x);
  }

  @Override
  public void updateInt(String columnLabel, int x) throws SQLException {
    if (decryption != null) {
      updateInt(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateInt(columnLabel, x);
  }

  @Override
  public void updateLong(String columnLabel, long x) throws SQLException {
    if (decryption != null) {
      updateLong(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateLong(columnLabel, x);
  }

  @Override
  public void updateFloat(String columnLabel, float x) throws SQLException {
    if (decryption != null) {
      updateFloat(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateFloat(columnLabel, x);
  }

  @Override
  public void updateDouble(String columnLabel, double x) throws SQLException {
    if (decryption != null) {
      updateDouble(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateDouble(columnLabel, x);
  }

  @Override
  public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    if (decryption != null) {
      updateBigDecimal(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateBigDecimal(columnLabel, x);
  }

  @Override
  public void updateString(String columnLabel, String x) throws SQLException {
    if (decryption != null) {
      updateString(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateString(columnLabel, x);
  }

  @Override
  public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    if (decryption != null) {
      updateBytes(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateBytes(columnLabel, x);
  }

  @Override
  public void updateDate(String columnLabel, java.sql.Date x) throws SQLException {
    if (decryption != null) {
      updateDate(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateDate(columnLabel, x);
  }

  @Override
  public void updateTime(String columnLabel, java.sql.Time x) throws SQLException {
    if (decryption != null) {
      updateTime(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateTime(columnLabel, x);
  }

  @Override
  public void updateTimestamp(String columnLabel, java.sql.Timestamp x) throws SQLException {
    if (decryption != null) {
      updateTimestamp(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateTimestamp(columnLabel, x);
  }

  @Override
  public void updateAsciiStream(String columnLabel, java.io.InputStream x, int length) throws SQLException {
    if (decryption != null) {
      updateAsciiStream(delegate.findColumn(columnLabel), x, length);
      return;
    }
    delegate.updateAsciiStream(columnLabel, x, length);
  }

  @Override
  public void updateBinaryStream(String columnLabel, java.io.InputStream x, int length) throws SQLException {
    if (decryption != null) {
      updateBinaryStream(delegate.findColumn(columnLabel), x, length);
      return;
    }
    delegate.updateBinaryStream(columnLabel, x, length);
  }

  @Override
  public void updateCharacterStream(String columnLabel, java.io.Reader reader, int length) throws SQLException {
    if (decryption != null) {
      updateCharacterStream(delegate.findColumn(columnLabel), reader, length);
      return;
    }
    delegate.updateCharacterStream(columnLabel, reader, length);
  }

  @Override
  public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
    if (decryption != null) {
      updateObject(delegate.findColumn(columnLabel), x, scaleOrLength);
      return;
    }
    delegate.updateObject(columnLabel, x, scaleOrLength);
  }

  @Override
  public void updateObject(String columnLabel, Object x) throws SQLException {
    if (decryption != null) {
      updateObject(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateObject(columnLabel, x);
  }

  @Override
  public void insertRow() throws SQLException {
    delegate.insertRow();
  }

  @Override
  public void updateRow() throws SQLException {
    delegate.updateRow();
  }

  @Override
  public void deleteRow() throws SQLException {
    delegate.deleteRow();
  }

  @Override
  public void refreshRow() throws SQLException {
    delegate.refreshRow();
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    delegate.cancelRowUpdates();
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    delegate.moveToInsertRow();
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    delegate.moveToCurrentRow();
  }

  @Override
  public Statement getStatement() throws SQLException {
    return statement;
  }

  @Override
  public Object getObject(int columnIndex, java.util.Map<String,Class<?>> map) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toObject(plain);
    }
    return delegate.getObject(columnIndex, map);
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      throw ProtectedValues.unsupportedRead("getRef", label(columnIndex));
    }
    return delegate.getRef(columnIndex);
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      throw ProtectedValues.unsupportedRead("getBlob", label(columnIndex));
    }
    return delegate.getBlob(columnIndex);
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      throw ProtectedValues.unsupportedRead("getClob", label(columnIndex));
    }
    return delegate.getClob(columnIndex);
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      throw ProtectedValues.unsupportedRead("getArray", label(columnIndex));
    }
    return delegate.getArray(columnIndex);
  }

  @Override
  public Object getObject(String columnLabel, java.util.Map<String,Class<?>> map) throws SQLException {
    if (decryption != null) {
      return getObject(delegate.findColumn(columnLabel), map);
    }
    return delegate.getObject(columnLabel, map);
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getRef(delegate.findColumn(columnLabel));
    }
    return delegate.getRef(columnLabel);
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getBlob(delegate.findColumn(columnLabel));
    }
    return delegate.getBlob(columnLabel);
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getClob(delegate.findColumn(columnLabel));
    }
    return delegate.getClob(columnLabel);
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getArray(delegate.findColumn(columnLabel));
    }
    return delegate.getArray(columnLabel);
  }

  @Override
  public java.sql.Date getDate(int columnIndex, Calendar cal) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toDate(plain, cal, label(columnIndex));
    }
    return delegate.getDate(columnIndex, cal);
  }

  @Override
  public java.sql.Date getDate(String columnLabel, Calendar cal) throws SQLException {
    if (decryption != null) {
      return getDate(delegate.findColumn(columnLabel), cal);
    }
    return delegate.getDate(columnLabel, cal);
  }

  @Override
  public java.sql.Time getTime(int columnIndex, Calendar cal) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toTime(plain, cal, label(columnIndex));
    }
    return delegate.getTime(columnIndex, cal);
  }

  @Override
  public java.sql.Time getTime(String columnLabel, Calendar cal) throws SQLException {
    if (decryption != null) {
      return getTime(delegate.findColumn(columnLabel), cal);
    }
    return delegate.getTime(columnLabel, cal);
  }

  @Override
  public java.sql.Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toTimestamp(plain, cal, label(columnIndex));
    }
    return delegate.getTimestamp(columnIndex, cal);
  }

  @Override
  public java.sql.Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    if (decryption != null) {
      return getTimestamp(delegate.findColumn(columnLabel), cal);
    }
    return delegate.getTimestamp(columnLabel, cal);
  }

  @Override
  public java.net.URL getURL(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      throw ProtectedValues.unsupportedRead("getURL", label(columnIndex));
    }
    return delegate.getURL(columnIndex);
  }

  @Override
  public java.net.URL getURL(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getURL(delegate.findColumn(columnLabel));
    }
    return delegate.getURL(columnLabel);
  }

  @Override
  public void updateRef(int columnIndex, java.sql.Ref x) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateRef", protectedColumn(columnIndex));
    }
    delegate.updateRef(columnIndex, x);
  }

  @Override
  public void updateRef(String columnLabel, java.sql.Ref x) throws SQLException {
    if (decryption != null) {
      updateRef(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateRef(columnLabel, x);
  }

  @Override
  public void updateBlob(int columnIndex, java.sql.Blob x) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateBlob", protectedColumn(columnIndex));
    }
    delegate.updateBlob(columnIndex, x);
  }

  @Override
  public void updateBlob(String columnLabel, java.sql.Blob x) throws SQLException {
    if (decryption != null) {
      updateBlob(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateBlob(columnLabel, x);
  }

  @Override
  public void updateClob(int columnIndex, java.sql.Clob x) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateClob", protectedColumn(columnIndex));
    }
    delegate.updateClob(columnIndex, x);
  }

  @Override
  public void updateClob(String columnLabel, java.sql.Clob x) throws SQLException {
    if (decryption != null) {
      updateClob(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateClob(columnLabel, x);
  }

  @Override
  public void updateArray(int columnIndex, java.sql.Array x) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateArray", protectedColumn(columnIndex));
    }
    delegate.updateArray(columnIndex, x);
  }

  @Override
  public void updateArray(String columnLabel, java.sql.Array x) throws SQLException {
    if (decryption != null) {
      updateArray(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateArray(columnLabel, x);
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      throw ProtectedValues.unsupportedRead("getRowId", label(columnIndex));
    }
    return delegate.getRowId(columnIndex);
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getRowId(delegate.findColumn(columnLabel));
    }
    return delegate.getRowId(columnLabel);
  }

  @Override
  public void updateRowId(int columnIndex, RowId x) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateRowId", protectedColumn(columnIndex));
    }
    delegate.updateRowId(columnIndex, x);
  }

  @Override
  public void updateRowId(String columnLabel, RowId x) throws SQLException {
    if (decryption != null) {
      updateRowId(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateRowId(columnLabel, x);
  }

  @Override
  public int getHoldability() throws SQLException {
    return delegate.getHoldability();
  }

  @Override
  public boolean isClosed() throws SQLException {
    return delegate.isClosed();
  }

  @Override
  public void updateNString(int columnIndex, String nString) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, nString);
      return;
    }
    delegate.updateNString(columnIndex, nString);
  }

  @Override
  public void updateNString(String columnLabel, String nString) throws SQLException {
    if (decryption != null) {
      updateNString(delegate.findColumn(columnLabel), nString);
      return;
    }
    delegate.updateNString(columnLabel, nString);
  }

  @Override
  public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateNClob", protectedColumn(columnIndex));
    }
    delegate.updateNClob(columnIndex, nClob);
  }

  @Override
  public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
    if (decryption != null) {
      updateNClob(delegate.findColumn(columnLabel), nClob);
      return;
    }
    delegate.updateNClob(columnLabel, nClob);
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      throw ProtectedValues.unsupportedRead("getNClob", label(columnIndex));
    }
    return delegate.getNClob(columnIndex);
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getNClob(delegate.findColumn(columnLabel));
    }
    return delegate.getNClob(columnLabel);
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      throw ProtectedValues.unsupportedRead("getSQLXML", label(columnIndex));
    }
    return delegate.getSQLXML(columnIndex);
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getSQLXML(delegate.findColumn(columnLabel));
    }
    return delegate.getSQLXML(columnLabel);
  }

  @Override
  public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateSQLXML", protectedColumn(columnIndex));
    }
    delegate.updateSQLXML(columnIndex, xmlObject);
  }

  @Override
  public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
    if (decryption != null) {
      updateSQLXML(delegate.findColumn(columnLabel), xmlObject);
      return;
    }
    delegate.updateSQLXML(columnLabel, xmlObject);
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toString(plain, label(columnIndex));
    }
    return delegate.getNString(columnIndex);
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getNString(delegate.findColumn(columnLabel));
    }
    return delegate.getNString(columnLabel);
  }

  @Override
  public java.io.Reader getNCharacterStream(int columnIndex) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toReader(plain, label(columnIndex));
    }
    return delegate.getNCharacterStream(columnIndex);
  }

  @Override
  public java.io.Reader getNCharacterStream(String columnLabel) throws SQLException {
    if (decryption != null) {
      return getNCharacterStream(delegate.findColumn(columnLabel));
    }
    return delegate.getNCharacterStream(columnLabel);
  }

  @Override
  public void updateNCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.text(x, length));
      return;
    }
    delegate.updateNCharacterStream(columnIndex, x, length);
  }

  @Override
  public void updateNCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
    if (decryption != null) {
      updateNCharacterStream(delegate.findColumn(columnLabel), reader, length);
      return;
    }
    delegate.updateNCharacterStream(columnLabel, reader, length);
  }

  @Override
  public void updateAsciiStream(int columnIndex, java.io.InputStream x, long length) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.ascii(x, length));
      return;
    }
    delegate.updateAsciiStream(columnIndex, x, length);
  }

  @Override
  public void updateBinaryStream(int columnIndex, java.io.InputStream x, long length) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.bytes(x, length));
      return;
    }
    delegate.updateBinaryStream(columnIndex, x, length);
  }

  @Override
  public void updateCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.text(x, length));
      return;
    }
    delegate.updateCharacterStream(columnIndex, x, length);
  }

  @Override
  public void updateAsciiStream(String columnLabel, java.io.InputStream x, long length) throws SQLException {
    if (decryption != null) {
      updateAsciiStream(delegate.findColumn(columnLabel), x, length);
      return;
    }
    delegate.updateAsciiStream(columnLabel, x, length);
  }

  @Override
  public void updateBinaryStream(String columnLabel, java.io.InputStream x, long length) throws SQLException {
    if (decryption != null) {
      updateBinaryStream(delegate.findColumn(columnLabel), x, length);
      return;
    }
    delegate.updateBinaryStream(columnLabel, x, length);
  }

  @Override
  public void updateCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
    if (decryption != null) {
      updateCharacterStream(delegate.findColumn(columnLabel), reader, length);
      return;
    }
    delegate.updateCharacterStream(columnLabel, reader, length);
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateBlob", protectedColumn(columnIndex));
    }
    delegate.updateBlob(columnIndex, inputStream, length);
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
    if (decryption != null) {
      updateBlob(delegate.findColumn(columnLabel), inputStream, length);
      return;
    }
    delegate.updateBlob(columnLabel, inputStream, length);
  }

  @Override
  public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateClob", protectedColumn(columnIndex));
    }
    delegate.updateClob(columnIndex, reader, length);
  }

  @Override
  public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
    if (decryption != null) {
      updateClob(delegate.findColumn(columnLabel), reader, length);
      return;
    }
    delegate.updateClob(columnLabel, reader, length);
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateNClob", protectedColumn(columnIndex));
    }
    delegate.updateNClob(columnIndex, reader, length);
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
    if (decryption != null) {
      updateNClob(delegate.findColumn(columnLabel), reader, length);
      return;
    }
    delegate.updateNClob(columnLabel, reader, length);
  }

  @Override
  public void updateNCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.text(x, -1));
      return;
    }
    delegate.updateNCharacterStream(columnIndex, x);
  }

  @Override
  public void updateNCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
    if (decryption != null) {
      updateNCharacterStream(delegate.findColumn(columnLabel), reader);
      return;
    }
    delegate.updateNCharacterStream(columnLabel, reader);
  }

  @Override
  public void updateAsciiStream(int columnIndex, java.io.InputStream x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.ascii(x, -1));
      return;
    }
    delegate.updateAsciiStream(columnIndex, x);
  }

  @Override
  public void updateBinaryStream(int columnIndex, java.io.InputStream x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.bytes(x, -1));
      return;
    }
    delegate.updateBinaryStream(columnIndex, x);
  }

  @Override
  public void updateCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, ProtectedValues.text(x, -1));
      return;
    }
    delegate.updateCharacterStream(columnIndex, x);
  }

  @Override
  public void updateAsciiStream(String columnLabel, java.io.InputStream x) throws SQLException {
    if (decryption != null) {
      updateAsciiStream(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateAsciiStream(columnLabel, x);
  }

  @Override
  public void updateBinaryStream(String columnLabel, java.io.InputStream x) throws SQLException {
    if (decryption != null) {
      updateBinaryStream(delegate.findColumn(columnLabel), x);
      return;
    }
    delegate.updateBinaryStream(columnLabel, x);
  }

  @Override
  public void updateCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
    if (decryption != null) {
      updateCharacterStream(delegate.findColumn(columnLabel), reader);
      return;
    }
    delegate.updateCharacterStream(columnLabel, reader);
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateBlob", protectedColumn(columnIndex));
    }
    delegate.updateBlob(columnIndex, inputStream);
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
    if (decryption != null) {
      updateBlob(delegate.findColumn(columnLabel), inputStream);
      return;
    }
    delegate.updateBlob(columnLabel, inputStream);
  }

  @Override
  public void updateClob(int columnIndex, Reader reader) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateClob", protectedColumn(columnIndex));
    }
    delegate.updateClob(columnIndex, reader);
  }

  @Override
  public void updateClob(String columnLabel, Reader reader) throws SQLException {
    if (decryption != null) {
      updateClob(delegate.findColumn(columnLabel), reader);
      return;
    }
    delegate.updateClob(columnLabel, reader);
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader) throws SQLException {
    if (protectedColumn(columnIndex) != null) {
      throw ProtectedValues.unsupportedWrite("updateNClob", protectedColumn(columnIndex));
    }
    delegate.updateNClob(columnIndex, reader);
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader) throws SQLException {
    if (decryption != null) {
      updateNClob(delegate.findColumn(columnLabel), reader);
      return;
    }
    delegate.updateNClob(columnLabel, reader);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    Object plain = plain(columnIndex);
    if (plain != ResultDecryption.NOT_ENCRYPTED) {
      return plain == null ? null : PlainConversions.toObject(plain, type, label(columnIndex));
    }
    return delegate.getObject(columnIndex, type);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    if (decryption != null) {
      return getObject(delegate.findColumn(columnLabel), type);
    }
    return delegate.getObject(columnLabel, type);
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateObject(columnIndex, x, targetSqlType, scaleOrLength);
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    if (decryption != null) {
      updateObject(delegate.findColumn(columnLabel), x, targetSqlType, scaleOrLength);
      return;
    }
    delegate.updateObject(columnLabel, x, targetSqlType, scaleOrLength);
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
    ProtectedColumn column = protectedColumn(columnIndex);
    if (column != null) {
      ProtectedValues.update(delegate, columnIndex, column, x);
      return;
    }
    delegate.updateObject(columnIndex, x, targetSqlType);
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
    if (decryption != null) {
      updateObject(delegate.findColumn(columnLabel), x, targetSqlType);
      return;
    }
    delegate.updateObject(columnLabel, x, targetSqlType);
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
