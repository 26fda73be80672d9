package dev.aegis.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;

/**
 * A canned connection over a {@code customers} table, for benchmarks that need more than {@link CannedJdbc}'s
 * anonymous one-row result: its result has metadata (every column a VARCHAR of table {@code customers}, as
 * Connector/J reports a plain {@code SELECT}), so Aegis can trace the columns to its configuration, and the
 * row it serves is set by the benchmark (plaintext, or ciphertext captured from Aegis). Its statements
 * remember the last value bound to each parameter, so a benchmark can check what would have reached the
 * server. Still no I/O; the proxies cost the same whatever the values are. Not thread-safe (one benchmark
 * thread).
 */
final class CannedCustomers {
  static final String TABLE = "customers";

  private final String[] columns;
  private final Object[] row;
  private final Object[] bound = new Object[16];
  private final Connection connection;

  /** A connection whose queries return one row of {@code columns}, each null until {@link #row} sets it. */
  CannedCustomers(String... columns) {
    this.columns = columns.clone();
    this.row = new Object[columns.length];
    ResultSetMetaData metadata = CannedJdbc.proxy(ResultSetMetaData.class, (self, method, args) ->
        switch (method.getName()) {
          case "getColumnCount" -> this.columns.length;
          case "getColumnType" -> Types.VARCHAR;
          case "getTableName" -> TABLE;
          case "getColumnName", "getColumnLabel" -> this.columns[(Integer) args[0] - 1];
          case "getCatalogName", "getSchemaName" -> "";
          default -> CannedJdbc.defaultValue(method.getReturnType());
        });
    ResultSet results = CannedJdbc.proxy(ResultSet.class, (self, method, args) -> switch (method.getName()) {
      case "next" -> Boolean.TRUE;
      case "getMetaData" -> metadata;
      case "getString", "getObject" -> args[0] instanceof Integer i ? row[i - 1] : null;
      default -> CannedJdbc.defaultValue(method.getReturnType());
    });
    PreparedStatement statement = CannedJdbc.proxy(PreparedStatement.class, (self, method, args) -> {
      // setString(i, x), setBytes(i, x), setObject(i, x…): what the server would receive for parameter i.
      if (args != null && args.length >= 2 && args[0] instanceof Integer i && method.getName().startsWith("set")) {
        bound[i] = args[1];
        return null;
      }
      return method.getReturnType() == ResultSet.class ? results : CannedJdbc.defaultValue(method.getReturnType());
    });
    this.connection = CannedJdbc.proxy(Connection.class, (self, method, args) -> {
      Class<?> type = method.getReturnType();
      if (type == Statement.class || type == PreparedStatement.class) {
        return statement;
      }
      return CannedJdbc.defaultValue(type);
    });
  }

  Connection connection() {
    return connection;
  }

  /** Sets the values of the one row every query returns, in column order. */
  void row(Object... values) {
    if (values.length != row.length) {
      throw new IllegalArgumentException("expected " + row.length + " values, got " + values.length);
    }
    System.arraycopy(values, 0, row, 0, values.length);
  }

  /** The last value bound to parameter {@code index} (from 1) of any statement, as the delegate saw it. */
  Object bound(int index) {
    return bound[index];
  }

  void clearBound() {
    Arrays.fill(bound, null);
  }
}
