package dev.aegis.benchmarks.stub;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** The metadata of a {@link StubResult}: one shared, immutable object that answers every question. */
final class StubResultSetMetaData implements ResultSetMetaData {
  private final StubResult result;

  StubResultSetMetaData(StubResult result) {
    this.result = result;
  }

  private StubColumn column(int index) throws SQLException {
    if (index < 1 || index > result.columnCount()) {
      throw new SQLException("Column index out of range: " + index + " (1 to " + result.columnCount() + ")",
          "S1002");
    }
    return result.column(index);
  }

  @Override
  public int getColumnCount() {
    return result.columnCount();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    return column(column).autoIncrement();
  }

  /** MySQL's default collations ignore case. */
  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return column(column).nullable();
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return column(column).signed();
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return column(column).displaySize();
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return column(column).label();
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return column(column).name();
  }

  /** Connector/J reports MySQL databases as catalogs, and schemas as empty. */
  @Override
  public String getSchemaName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return column(column).precision();
  }

  @Override
  public int getScale(int column) throws SQLException {
    column(column);
    return 0;
  }

  @Override
  public String getTableName(int column) throws SQLException {
    column(column);
    return result.table();
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    column(column);
    return result.catalog();
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return column(column).type();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return column(column).typeName();
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return column(column).className();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
