package dev.aegis.benchmarks.stub;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * The rows of a {@link StubResult}, forward only and read only. Getters convert as a driver would
 * between the stored value and the type asked for; reading a value of the type it is stored as allocates
 * nothing.
 */
final class StubResultSet extends UnsupportedResultSet {
  private final StubStatement statement;
  private final StubResult result;
  /** The current row, from 1; 0 before the first, {@code rowCount() + 1} after the last. */
  private int row;
  private boolean closed;
  private boolean wasNull;
  private int fetchSize;

  StubResultSet(StubStatement statement, StubResult result) {
    this.statement = statement;
    this.result = result;
  }

  /** Back before the first row, for the next execution of its statement. */
  void reopen() {
    row = 0;
    closed = false;
    wasNull = false;
    fetchSize = 0;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("Operation not allowed after ResultSet closed", "S1000");
    }
  }

  private Object value(int column) throws SQLException {
    checkOpen();
    if (row < 1 || row > result.rowCount()) {
      throw new SQLException("Illegal operation on empty result set.", "S1000");
    }
    if (column < 1 || column > result.columnCount()) {
      throw new SQLException("Column Index out of range, " + column + " > " + result.columnCount() + ".",
          "S1009");
    }
    Object value = result.value(row, column);
    wasNull = value == null;
    return value;
  }

  private static SQLException conversion(Object value, String type) {
    return new SQLException("Cannot convert a " + value.getClass().getSimpleName() + " to " + type, "S1009");
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (row < result.rowCount()) {
      row++;
      return true;
    }
    row = result.rowCount() + 1;
    return false;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    Object value = value(columnIndex);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    Object value = value(columnIndex);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.longValue() != 0;
    }
    return "1".equals(value) || "true".equalsIgnoreCase(value.toString());
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    Object value = value(columnIndex);
    if (value == null) {
      return 0;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(value.toString());
    } catch (NumberFormatException e) {
      throw conversion(value, "int");
    }
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    Object value = value(columnIndex);
    if (value == null) {
      return 0;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      throw conversion(value, "long");
    }
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    Object value = value(columnIndex);
    if (value == null) {
      return 0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      throw conversion(value, "double");
    }
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    Object value = value(columnIndex);
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    return value.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    return value(columnIndex);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    if (type == String.class) {
      return type.cast(getString(columnIndex));
    }
    Object value = value(columnIndex);
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    if (type == Integer.class) {
      return type.cast(getInt(columnIndex));
    }
    if (type == Long.class) {
      return type.cast(getLong(columnIndex));
    }
    if (type == byte[].class) {
      return type.cast(getBytes(columnIndex));
    }
    throw conversion(value, type.getName());
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    int index = result.indexOf(columnLabel);
    if (index == 0) {
      throw new SQLException("Column '" + columnLabel + "' not found.", "S0022");
    }
    return index;
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    return getBoolean(findColumn(columnLabel));
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    return getInt(findColumn(columnLabel));
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    return getLong(findColumn(columnLabel));
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    return getDouble(findColumn(columnLabel));
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    return getBytes(findColumn(columnLabel));
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return result.metadata();
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return row <= result.rowCount() ? row : 0;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return row == 0 && result.rowCount() > 0;
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return row > result.rowCount() && result.rowCount() > 0;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return row == 1 && result.rowCount() > 0;
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return row == result.rowCount() && row > 0;
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }
}
