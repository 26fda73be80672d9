package dev.aegis.jdbc;

import dev.aegis.config.ValueType;
import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.encrypt.ResultDecryption;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Result metadata that describes an encrypted column by its logical type (the {@code type:} it is
 * configured with), not by the VARCHAR or VARBINARY that stores its ciphertext, so tools and mappers that
 * read the metadata pick the getter that fits the plaintext. Everything else is the delegate's.
 */
final class AegisResultSetMetaData implements ResultSetMetaData {
  private final ResultSetMetaData delegate;
  private final ResultDecryption decryption;

  AegisResultSetMetaData(ResultSetMetaData delegate, ResultDecryption decryption) {
    this.delegate = delegate;
    this.decryption = decryption;
  }

  private ValueType logical(int column) {
    ProtectedColumn c = decryption.column(column);
    return c == null ? null : c.config().type();
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    ValueType type = logical(column);
    if (type == null) {
      return delegate.getColumnType(column);
    }
    return switch (type) {
      case STRING -> Types.VARCHAR;
      case BYTES -> Types.VARBINARY;
      case INTEGER -> Types.BIGINT;
      case DECIMAL -> Types.DECIMAL;
      case DOUBLE -> Types.DOUBLE;
      case BOOLEAN -> Types.BOOLEAN;
      case DATE -> Types.DATE;
      case TIME -> Types.TIME;
      case TIMESTAMP -> Types.TIMESTAMP;
    };
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    ValueType type = logical(column);
    if (type == null) {
      return delegate.getColumnTypeName(column);
    }
    return switch (type) {
      case STRING -> "VARCHAR";
      case BYTES -> "VARBINARY";
      case INTEGER -> "BIGINT";
      case DECIMAL -> "DECIMAL";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "DATETIME";
    };
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    ValueType type = logical(column);
    if (type == null) {
      return delegate.getColumnClassName(column);
    }
    return switch (type) {
      case STRING -> String.class.getName();
      case BYTES -> byte[].class.getName();
      case INTEGER -> Long.class.getName();
      case DECIMAL -> java.math.BigDecimal.class.getName();
      case DOUBLE -> Double.class.getName();
      case BOOLEAN -> Boolean.class.getName();
      case DATE -> java.sql.Date.class.getName();
      case TIME -> java.sql.Time.class.getName();
      case TIMESTAMP -> java.sql.Timestamp.class.getName();
    };
  }

  /** Ciphertext cannot be searched with LIKE or compared by order, whatever its storage type allows. */
  @Override
  public boolean isSearchable(int column) throws SQLException {
    return decryption.column(column) == null && delegate.isSearchable(column);
  }

  @Override
  public int getColumnCount() throws SQLException {
    return delegate.getColumnCount();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    return delegate.isAutoIncrement(column);
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return delegate.isCaseSensitive(column);
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    return delegate.isCurrency(column);
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return delegate.isNullable(column);
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return delegate.isSigned(column);
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return delegate.getColumnDisplaySize(column);
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return delegate.getColumnLabel(column);
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return delegate.getColumnName(column);
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    return delegate.getSchemaName(column);
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return delegate.getPrecision(column);
  }

  @Override
  public int getScale(int column) throws SQLException {
    return delegate.getScale(column);
  }

  @Override
  public String getTableName(int column) throws SQLException {
    return delegate.getTableName(column);
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    return delegate.getCatalogName(column);
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    return delegate.isReadOnly(column);
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    return delegate.isWritable(column);
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    return delegate.isDefinitelyWritable(column);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }
}
