package dev.aegis.benchmarks.stub;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The stub as a JDBC driver, for code that connects by URL: {@code jdbc:stub:NAME} opens a connection to
 * the result {@link #serve} registered under {@code NAME}. Found by {@link DriverManager} through
 * {@code META-INF/services/java.sql.Driver}. Everything after {@code ?} in a URL is ignored.
 */
public final class StubDriver implements Driver {
  public static final String PREFIX = "jdbc:stub:";

  private static final Map<String, StubDataSource> DATABASES = new ConcurrentHashMap<>();

  static {
    try {
      DriverManager.registerDriver(new StubDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Serves {@code result} at {@code jdbc:stub:name} from now on, replacing what was served there. */
  public static StubDataSource serve(String name, StubResult result) {
    StubDataSource source = new StubDataSource(name, result);
    DATABASES.put(name, source);
    return source;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // the JDBC contract: another driver's URL
    }
    int end = url.indexOf('?');
    String name = url.substring(PREFIX.length(), end < 0 ? url.length() : end);
    StubDataSource source = DATABASES.get(name);
    if (source == null) {
      throw new SQLException("No stub database is served at " + url + "; call StubDriver.serve(\"" + name
          + "\", result) first", "08001");
    }
    return source.getConnection(info == null ? null : info.getProperty("user"), null);
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw Unsupported.method("getParentLogger");
  }
}
