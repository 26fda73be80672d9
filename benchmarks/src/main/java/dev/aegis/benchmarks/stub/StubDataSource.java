package dev.aegis.benchmarks.stub;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source of stub connections: each {@link #getConnection()} opens a new {@link StubConnection}
 * whose queries all return {@code result}. What wrappers under test (Aegis, P6Spy, datasource-proxy) wrap,
 * as they would wrap an application's pool. Thread-safe; its connections are not (as JDBC connections).
 */
public final class StubDataSource implements DataSource {
  /** The user a connection logs in as when none is given. */
  public static final String DEFAULT_USER = "app";

  private final String url;
  private final StubResult result;
  private volatile PrintWriter logWriter;
  private volatile int loginTimeout;

  /** A source named {@code name} (its connections' URL is {@code jdbc:stub:name}) serving {@code result}. */
  public StubDataSource(String name, StubResult result) {
    this.url = StubDriver.PREFIX + Objects.requireNonNull(name, "name");
    this.result = Objects.requireNonNull(result, "result");
  }

  public String url() {
    return url;
  }

  public StubResult result() {
    return result;
  }

  @Override
  public StubConnection getConnection() {
    return new StubConnection(url, DEFAULT_USER, result);
  }

  @Override
  public StubConnection getConnection(String user, String password) {
    return new StubConnection(url, user != null ? user : DEFAULT_USER, result);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw Unsupported.method("getParentLogger");
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

  @Override
  public String toString() {
    return "StubDataSource(" + url + ")";
  }
}
