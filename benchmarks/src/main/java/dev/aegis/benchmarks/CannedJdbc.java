package dev.aegis.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A JDBC "server" in memory: connections whose statements return a one-row result without any I/O, so a
 * benchmark over it measures only what a driver wrapper adds. Built from dynamic proxies, which cost the
 * same for the raw and the wrapped arm.
 */
final class CannedJdbc {
  private CannedJdbc() {}

  static DataSource dataSource() {
    return dataSource(connection());
  }

  /** A data source that hands out {@code connection} (another canned connection, e.g. {@link CannedCustomers}). */
  static DataSource dataSource(Connection connection) {
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return connection;
      }

      @Override
      public Connection getConnection(String user, String password) {
        return connection;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) {
        return null;
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }

  static Connection connection() {
    ResultSet results = proxy(ResultSet.class, (self, method, args) -> switch (method.getName()) {
      case "next" -> Boolean.TRUE;
      case "getInt" -> 42;
      case "getString" -> "canned";
      default -> defaultValue(method.getReturnType());
    });
    PreparedStatement statement = proxy(PreparedStatement.class, (self, method, args) ->
        method.getReturnType() == ResultSet.class ? results : defaultValue(method.getReturnType()));
    return proxy(Connection.class, (self, method, args) -> {
      Class<?> type = method.getReturnType();
      if (type == Statement.class || type == PreparedStatement.class) {
        return statement;
      }
      return defaultValue(type);
    });
  }

  static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return Boolean.FALSE;
    }
    if (type == int.class) {
      return 1;
    }
    if (type == long.class) {
      return 1L;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(CannedJdbc.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
