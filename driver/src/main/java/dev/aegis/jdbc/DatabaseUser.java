package dev.aegis.jdbc;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The user a delegate connection logged in as, which statements are attributed to when the application set
 * no caller. Asked of Connector/J directly where the delegate is Connector/J: its
 * {@code DatabaseMetaData.getUserName()} runs {@code SELECT USER()} on the server, a round trip on every
 * connection a pool hands out. Any other driver is asked through its metadata.
 */
final class DatabaseUser {
  /** Connector/J's connection interface and its {@code getUser()}, or null when Connector/J is absent. */
  private static final Class<?> CONNECTOR_J = connectorJ();
  private static final MethodHandle GET_USER = getUser(CONNECTOR_J);

  private DatabaseUser() {}

  /** The user of {@code delegate}, without the {@code @host} part; null when the driver cannot say. */
  static String of(Connection delegate) {
    try {
      if (GET_USER != null && delegate.isWrapperFor(CONNECTOR_J)) {
        return connectorJUser(delegate.unwrap(CONNECTOR_J));
      }
      String user = delegate.getMetaData().getUserName();
      int at = user == null ? -1 : user.indexOf('@');
      return at < 0 ? user : user.substring(0, at);
    } catch (SQLException | RuntimeException e) {
      // Attribution falls back to "unknown"; it must never fail the connect.
      return null;
    }
  }

  private static String connectorJUser(Object connection) {
    try {
      return (String) GET_USER.invoke(connection);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      // getUser() declares no checked exception.
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> connectorJ() {
    try {
      return Class.forName("com.mysql.cj.jdbc.JdbcConnection", false, DatabaseUser.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static MethodHandle getUser(Class<?> connection) {
    if (connection == null) {
      return null;
    }
    try {
      return MethodHandles.publicLookup().findVirtual(connection, "getUser", MethodType.methodType(String.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
