package dev.aegis.benchmarks.stub;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
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
import java.util.Map;

/**
 * A {@link ResultSet} every method of which throws {@link SQLFeatureNotSupportedException}: the base of
 * {@link StubResultSet}, which overrides what it supports. Generated from the JDK's interface, so that the
 * stub itself holds only what it does.
 */
@SuppressWarnings("deprecation")
abstract class UnsupportedResultSet implements ResultSet {

  @Override
  public boolean next() throws SQLException {
    throw Unsupported.method("next");
  }

  @Override
  public void close() throws SQLException {
    throw Unsupported.method("close");
  }

  @Override
  public boolean wasNull() throws SQLException {
    throw Unsupported.method("wasNull");
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    throw Unsupported.method("getString");
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    throw Unsupported.method("getBoolean");
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    throw Unsupported.method("getByte");
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    throw Unsupported.method("getShort");
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    throw Unsupported.method("getInt");
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    throw Unsupported.method("getLong");
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    throw Unsupported.method("getFloat");
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    throw Unsupported.method("getDouble");
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    throw Unsupported.method("getBigDecimal");
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    throw Unsupported.method("getBytes");
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    throw Unsupported.method("getDate");
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    throw Unsupported.method("getTime");
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    throw Unsupported.method("getTimestamp");
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    throw Unsupported.method("getAsciiStream");
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    throw Unsupported.method("getUnicodeStream");
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    throw Unsupported.method("getBinaryStream");
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    throw Unsupported.method("getString");
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    throw Unsupported.method("getBoolean");
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    throw Unsupported.method("getByte");
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    throw Unsupported.method("getShort");
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    throw Unsupported.method("getInt");
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    throw Unsupported.method("getLong");
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    throw Unsupported.method("getFloat");
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    throw Unsupported.method("getDouble");
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    throw Unsupported.method("getBigDecimal");
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    throw Unsupported.method("getBytes");
  }

  @Override
  public Date getDate(String columnLabel) throws SQLException {
    throw Unsupported.method("getDate");
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    throw Unsupported.method("getTime");
  }

  @Override
  public Timestamp getTimestamp(String columnLabel) throws SQLException {
    throw Unsupported.method("getTimestamp");
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    throw Unsupported.method("getAsciiStream");
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    throw Unsupported.method("getUnicodeStream");
  }

  @Override
  public InputStream getBinaryStream(String columnLabel) throws SQLException {
    throw Unsupported.method("getBinaryStream");
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
  public String getCursorName() throws SQLException {
    throw Unsupported.method("getCursorName");
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    throw Unsupported.method("getMetaData");
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    throw Unsupported.method("getObject");
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    throw Unsupported.method("getObject");
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    throw Unsupported.method("findColumn");
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    throw Unsupported.method("getCharacterStream");
  }

  @Override
  public Reader getCharacterStream(String columnLabel) throws SQLException {
    throw Unsupported.method("getCharacterStream");
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    throw Unsupported.method("getBigDecimal");
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    throw Unsupported.method("getBigDecimal");
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    throw Unsupported.method("isBeforeFirst");
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    throw Unsupported.method("isAfterLast");
  }

  @Override
  public boolean isFirst() throws SQLException {
    throw Unsupported.method("isFirst");
  }

  @Override
  public boolean isLast() throws SQLException {
    throw Unsupported.method("isLast");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw Unsupported.method("beforeFirst");
  }

  @Override
  public void afterLast() throws SQLException {
    throw Unsupported.method("afterLast");
  }

  @Override
  public boolean first() throws SQLException {
    throw Unsupported.method("first");
  }

  @Override
  public boolean last() throws SQLException {
    throw Unsupported.method("last");
  }

  @Override
  public int getRow() throws SQLException {
    throw Unsupported.method("getRow");
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    throw Unsupported.method("absolute");
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    throw Unsupported.method("relative");
  }

  @Override
  public boolean previous() throws SQLException {
    throw Unsupported.method("previous");
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
  public int getType() throws SQLException {
    throw Unsupported.method("getType");
  }

  @Override
  public int getConcurrency() throws SQLException {
    throw Unsupported.method("getConcurrency");
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    throw Unsupported.method("rowUpdated");
  }

  @Override
  public boolean rowInserted() throws SQLException {
    throw Unsupported.method("rowInserted");
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    throw Unsupported.method("rowDeleted");
  }

  @Override
  public void updateNull(int columnIndex) throws SQLException {
    throw Unsupported.method("updateNull");
  }

  @Override
  public void updateBoolean(int columnIndex, boolean x) throws SQLException {
    throw Unsupported.method("updateBoolean");
  }

  @Override
  public void updateByte(int columnIndex, byte x) throws SQLException {
    throw Unsupported.method("updateByte");
  }

  @Override
  public void updateShort(int columnIndex, short x) throws SQLException {
    throw Unsupported.method("updateShort");
  }

  @Override
  public void updateInt(int columnIndex, int x) throws SQLException {
    throw Unsupported.method("updateInt");
  }

  @Override
  public void updateLong(int columnIndex, long x) throws SQLException {
    throw Unsupported.method("updateLong");
  }

  @Override
  public void updateFloat(int columnIndex, float x) throws SQLException {
    throw Unsupported.method("updateFloat");
  }

  @Override
  public void updateDouble(int columnIndex, double x) throws SQLException {
    throw Unsupported.method("updateDouble");
  }

  @Override
  public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    throw Unsupported.method("updateBigDecimal");
  }

  @Override
  public void updateString(int columnIndex, String x) throws SQLException {
    throw Unsupported.method("updateString");
  }

  @Override
  public void updateBytes(int columnIndex, byte[] x) throws SQLException {
    throw Unsupported.method("updateBytes");
  }

  @Override
  public void updateDate(int columnIndex, Date x) throws SQLException {
    throw Unsupported.method("updateDate");
  }

  @Override
  public void updateTime(int columnIndex, Time x) throws SQLException {
    throw Unsupported.method("updateTime");
  }

  @Override
  public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
    throw Unsupported.method("updateTimestamp");
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException {
    throw Unsupported.method("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException {
    throw Unsupported.method("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException {
    throw Unsupported.method("updateCharacterStream");
  }

  @Override
  public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
    throw Unsupported.method("updateObject");
  }

  @Override
  public void updateObject(int columnIndex, Object x) throws SQLException {
    throw Unsupported.method("updateObject");
  }

  @Override
  public void updateNull(String columnLabel) throws SQLException {
    throw Unsupported.method("updateNull");
  }

  @Override
  public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    throw Unsupported.method("updateBoolean");
  }

  @Override
  public void updateByte(String columnLabel, byte x) throws SQLException {
    throw Unsupported.method("updateByte");
  }

  @Override
  public void updateShort(String columnLabel, short x) throws SQLException {
    throw Unsupported.method("updateShort");
  }

  @Override
  public void updateInt(String columnLabel, int x) throws SQLException {
    throw Unsupported.method("updateInt");
  }

  @Override
  public void updateLong(String columnLabel, long x) throws SQLException {
    throw Unsupported.method("updateLong");
  }

  @Override
  public void updateFloat(String columnLabel, float x) throws SQLException {
    throw Unsupported.method("updateFloat");
  }

  @Override
  public void updateDouble(String columnLabel, double x) throws SQLException {
    throw Unsupported.method("updateDouble");
  }

  @Override
  public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    throw Unsupported.method("updateBigDecimal");
  }

  @Override
  public void updateString(String columnLabel, String x) throws SQLException {
    throw Unsupported.method("updateString");
  }

  @Override
  public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    throw Unsupported.method("updateBytes");
  }

  @Override
  public void updateDate(String columnLabel, Date x) throws SQLException {
    throw Unsupported.method("updateDate");
  }

  @Override
  public void updateTime(String columnLabel, Time x) throws SQLException {
    throw Unsupported.method("updateTime");
  }

  @Override
  public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
    throw Unsupported.method("updateTimestamp");
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException {
    throw Unsupported.method("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException {
    throw Unsupported.method("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader reader, int length) throws SQLException {
    throw Unsupported.method("updateCharacterStream");
  }

  @Override
  public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
    throw Unsupported.method("updateObject");
  }

  @Override
  public void updateObject(String columnLabel, Object x) throws SQLException {
    throw Unsupported.method("updateObject");
  }

  @Override
  public void insertRow() throws SQLException {
    throw Unsupported.method("insertRow");
  }

  @Override
  public void updateRow() throws SQLException {
    throw Unsupported.method("updateRow");
  }

  @Override
  public void deleteRow() throws SQLException {
    throw Unsupported.method("deleteRow");
  }

  @Override
  public void refreshRow() throws SQLException {
    throw Unsupported.method("refreshRow");
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    throw Unsupported.method("cancelRowUpdates");
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    throw Unsupported.method("moveToInsertRow");
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    throw Unsupported.method("moveToCurrentRow");
  }

  @Override
  public Statement getStatement() throws SQLException {
    throw Unsupported.method("getStatement");
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    throw Unsupported.method("getObject");
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    throw Unsupported.method("getRef");
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    throw Unsupported.method("getBlob");
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    throw Unsupported.method("getClob");
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    throw Unsupported.method("getArray");
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    throw Unsupported.method("getObject");
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    throw Unsupported.method("getRef");
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    throw Unsupported.method("getBlob");
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    throw Unsupported.method("getClob");
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    throw Unsupported.method("getArray");
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    throw Unsupported.method("getDate");
  }

  @Override
  public Date getDate(String columnLabel, Calendar cal) throws SQLException {
    throw Unsupported.method("getDate");
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    throw Unsupported.method("getTime");
  }

  @Override
  public Time getTime(String columnLabel, Calendar cal) throws SQLException {
    throw Unsupported.method("getTime");
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    throw Unsupported.method("getTimestamp");
  }

  @Override
  public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    throw Unsupported.method("getTimestamp");
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    throw Unsupported.method("getURL");
  }

  @Override
  public URL getURL(String columnLabel) throws SQLException {
    throw Unsupported.method("getURL");
  }

  @Override
  public void updateRef(int columnIndex, Ref x) throws SQLException {
    throw Unsupported.method("updateRef");
  }

  @Override
  public void updateRef(String columnLabel, Ref x) throws SQLException {
    throw Unsupported.method("updateRef");
  }

  @Override
  public void updateBlob(int columnIndex, Blob x) throws SQLException {
    throw Unsupported.method("updateBlob");
  }

  @Override
  public void updateBlob(String columnLabel, Blob x) throws SQLException {
    throw Unsupported.method("updateBlob");
  }

  @Override
  public void updateClob(int columnIndex, Clob x) throws SQLException {
    throw Unsupported.method("updateClob");
  }

  @Override
  public void updateClob(String columnLabel, Clob x) throws SQLException {
    throw Unsupported.method("updateClob");
  }

  @Override
  public void updateArray(int columnIndex, Array x) throws SQLException {
    throw Unsupported.method("updateArray");
  }

  @Override
  public void updateArray(String columnLabel, Array x) throws SQLException {
    throw Unsupported.method("updateArray");
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    throw Unsupported.method("getRowId");
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    throw Unsupported.method("getRowId");
  }

  @Override
  public void updateRowId(int columnIndex, RowId x) throws SQLException {
    throw Unsupported.method("updateRowId");
  }

  @Override
  public void updateRowId(String columnLabel, RowId x) throws SQLException {
    throw Unsupported.method("updateRowId");
  }

  @Override
  public int getHoldability() throws SQLException {
    throw Unsupported.method("getHoldability");
  }

  @Override
  public boolean isClosed() throws SQLException {
    throw Unsupported.method("isClosed");
  }

  @Override
  public void updateNString(int columnIndex, String nString) throws SQLException {
    throw Unsupported.method("updateNString");
  }

  @Override
  public void updateNString(String columnLabel, String nString) throws SQLException {
    throw Unsupported.method("updateNString");
  }

  @Override
  public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
    throw Unsupported.method("updateNClob");
  }

  @Override
  public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
    throw Unsupported.method("updateNClob");
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    throw Unsupported.method("getNClob");
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    throw Unsupported.method("getNClob");
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    throw Unsupported.method("getSQLXML");
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    throw Unsupported.method("getSQLXML");
  }

  @Override
  public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
    throw Unsupported.method("updateSQLXML");
  }

  @Override
  public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
    throw Unsupported.method("updateSQLXML");
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    throw Unsupported.method("getNString");
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    throw Unsupported.method("getNString");
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    throw Unsupported.method("getNCharacterStream");
  }

  @Override
  public Reader getNCharacterStream(String columnLabel) throws SQLException {
    throw Unsupported.method("getNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    throw Unsupported.method("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
    throw Unsupported.method("updateNCharacterStream");
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
    throw Unsupported.method("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
    throw Unsupported.method("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    throw Unsupported.method("updateCharacterStream");
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
    throw Unsupported.method("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
    throw Unsupported.method("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
    throw Unsupported.method("updateCharacterStream");
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
    throw Unsupported.method("updateBlob");
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
    throw Unsupported.method("updateBlob");
  }

  @Override
  public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
    throw Unsupported.method("updateClob");
  }

  @Override
  public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
    throw Unsupported.method("updateClob");
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
    throw Unsupported.method("updateNClob");
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
    throw Unsupported.method("updateNClob");
  }

  @Override
  public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
    throw Unsupported.method("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException {
    throw Unsupported.method("updateNCharacterStream");
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
    throw Unsupported.method("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
    throw Unsupported.method("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
    throw Unsupported.method("updateCharacterStream");
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
    throw Unsupported.method("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
    throw Unsupported.method("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException {
    throw Unsupported.method("updateCharacterStream");
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
    throw Unsupported.method("updateBlob");
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
    throw Unsupported.method("updateBlob");
  }

  @Override
  public void updateClob(int columnIndex, Reader reader) throws SQLException {
    throw Unsupported.method("updateClob");
  }

  @Override
  public void updateClob(String columnLabel, Reader reader) throws SQLException {
    throw Unsupported.method("updateClob");
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader) throws SQLException {
    throw Unsupported.method("updateNClob");
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader) throws SQLException {
    throw Unsupported.method("updateNClob");
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    throw Unsupported.method("getObject");
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    throw Unsupported.method("getObject");
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
