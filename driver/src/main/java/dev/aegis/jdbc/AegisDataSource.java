package dev.aegis.jdbc;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.AegisUrl;
import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigLocator;
import dev.aegis.lockout.TimeSource;
import dev.aegis.events.SecurityEventListener;
import dev.aegis.pipeline.PipelineCache;
import dev.aegis.pipeline.StatementPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections go through Aegis.
 *
 * <p>Wrap the pool an application already has (HikariCP, Spring Boot's DataSource) without touching its URL:
 *
 * <pre>{@code
 * DataSource secured = AegisDataSource.wrap(hikari);
 * DataSource tuned = AegisDataSource.builder(hikari).config("classpath:aegis.yml").meterRegistry(registry)
 *     .listener(event -> alerts.send(event)).build();
 * }</pre>
 *
 * <p>or build one from a {@code jdbc:aegis:} URL: {@code AegisDataSource.fromUrl(url, user, password)}.
 *
 * <p>The configuration is read and validated at the first {@link #getConnection()}, like a driver reads it at
 * the first connect, and errors surface there as {@link SQLException}s.
 */
public final class AegisDataSource implements DataSource {
  private final DataSource wrapped;
  private final String url;
  private final Properties urlProperties;
  private final Optional<ConfigLocation> location;
  private final AegisConfig config;
  private final MeterRegistry registry;
  private final TimeSource time;
  private final PipelineCache pipelines;
  private final List<SecurityEventListener> listeners;
  private volatile StatementPipeline fixedPipeline;
  private volatile int loginTimeoutSeconds;
  private volatile PrintWriter logWriter;

  private AegisDataSource(Builder builder) {
    this.wrapped = builder.wrapped;
    this.url = builder.url;
    this.urlProperties = builder.urlProperties;
    this.location = Optional.ofNullable(builder.location);
    this.config = builder.config;
    this.registry = builder.registry;
    this.time = builder.time;
    this.listeners = List.copyOf(builder.listeners);
    this.pipelines = new PipelineCache(builder.registry, builder.time, listeners);
  }

  /**
   * Wraps {@code dataSource}. The configuration comes from the system property {@code aegis.config} or the
   * environment variable {@code AEGIS_CONFIG}; with neither, statements pass through unchanged.
   */
  public static AegisDataSource wrap(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /** A builder wrapping {@code dataSource}, to choose the configuration and the meter registry. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null, null);
  }

  /** A data source that opens {@code jdbc:aegis:} URLs through {@link AegisDriver}. */
  public static AegisDataSource fromUrl(String url, String user, String password) {
    Properties properties = new Properties();
    putOrRemove(properties, "user", user);
    putOrRemove(properties, "password", password);
    return fromUrl(url, properties);
  }

  /** A data source that opens {@code jdbc:aegis:} URLs through {@link AegisDriver} with these properties. */
  public static AegisDataSource fromUrl(String url, Properties properties) {
    if (!AegisUrl.isAegisUrl(url)) {
      throw new IllegalArgumentException("An Aegis URL starts with " + AegisUrl.PREFIX
          + ", for example jdbc:aegis:mysql://localhost:3306/app");
    }
    Properties copy = new Properties();
    if (properties != null) {
      properties.stringPropertyNames().forEach(name -> copy.setProperty(name, properties.getProperty(name)));
    }
    return new Builder(null, url, copy).build();
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (url != null) {
      return AegisDriver.instance().connect(url, urlProperties);
    }
    // The pipeline first: a broken configuration must fail before a pooled connection is taken.
    StatementPipeline pipeline = pipeline();
    // The pipeline's own work (allowlist, event table) borrows from the same pool, never this connection.
    Connection delegate = pipeline.logins().attempt(null, LocalHost.clientAddress(), wrapped::getConnection);
    return AegisConnection.open(delegate, pipeline, wrapped::getConnection);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    if (url != null) {
      Properties properties = new Properties();
      properties.putAll(urlProperties);
      putOrRemove(properties, "user", user);
      putOrRemove(properties, "password", password);
      return AegisDriver.instance().connect(url, properties);
    }
    StatementPipeline pipeline = pipeline();
    Connection delegate = pipeline.logins().attempt(user, LocalHost.clientAddress(),
        () -> wrapped.getConnection(user, password));
    return AegisConnection.open(delegate, pipeline, () -> wrapped.getConnection(user, password));
  }

  private static void putOrRemove(Properties properties, String name, String value) {
    if (value == null) {
      properties.remove(name);
    } else {
      properties.setProperty(name, value);
    }
  }

  private StatementPipeline pipeline() throws SQLException {
    StatementPipeline fixed = fixedPipeline;
    if (fixed != null) {
      return fixed;
    }
    if (config != null) {
      synchronized (this) {
        // One pipeline only: it holds this data source's failed logins and lockouts.
        fixed = fixedPipeline;
        if (fixed == null) {
          fixedPipeline = fixed = StatementPipeline.create(config, registry, Path.of(""), time, listeners);
        }
      }
      return fixed;
    }
    return pipelines.pipelineFor(location.isPresent() ? location : ConfigLocator.fromSystem().locate(null, null));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return wrapped != null ? wrapped.getLogWriter() : logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    if (wrapped != null) {
      wrapped.setLogWriter(out);
    } else {
      logWriter = out;
    }
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    if (wrapped != null) {
      wrapped.setLoginTimeout(seconds);
    } else {
      // Kept for the JDBC contract only: Connector/J takes its timeouts from the URL (connectTimeout).
      loginTimeoutSeconds = seconds;
    }
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return wrapped != null ? wrapped.getLoginTimeout() : loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    if (wrapped != null) {
      return wrapped.getParentLogger();
    }
    return AegisDriver.instance().getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    if (wrapped == null) {
      throw new SQLException("AegisDataSource built from a URL wraps no " + iface.getName());
    }
    return iface.isInstance(wrapped) ? iface.cast(wrapped) : wrapped.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this)
        || wrapped != null && (iface.isInstance(wrapped) || wrapped.isWrapperFor(iface));
  }

  @Override
  public String toString() {
    return "AegisDataSource(" + (wrapped != null ? wrapped : AegisUrl.redact(url)) + ")";
  }

  /** Chooses how a wrapped data source is configured. */
  public static final class Builder {
    private final DataSource wrapped;
    private final String url;
    private final Properties urlProperties;
    private ConfigLocation location;
    private AegisConfig config;
    private MeterRegistry registry = Metrics.globalRegistry;
    private TimeSource time = TimeSource.system();
    private final List<SecurityEventListener> listeners = new ArrayList<>();

    private Builder(DataSource wrapped, String url, Properties urlProperties) {
      this.wrapped = wrapped;
      this.url = url;
      this.urlProperties = urlProperties;
    }

    /** Reads the configuration from a file path or {@code classpath:NAME} at the first connection. */
    public Builder config(String pathOrClasspath) {
      if (config != null) {
        throw new IllegalStateException("config(String) and config(AegisConfig) are exclusive; choose one");
      }
      this.location = new ConfigLocation(pathOrClasspath, ConfigLocation.Origin.PROGRAMMATIC);
      return this;
    }

    /** Uses a configuration already in memory. */
    public Builder config(AegisConfig config) {
      if (location != null) {
        throw new IllegalStateException("config(String) and config(AegisConfig) are exclusive; choose one");
      }
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Where Aegis's meters go; Micrometer's global registry by default. */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Times lockouts by {@code time}, for tests that move it forward instead of sleeping. Package-private:
     * applications always run on the system's time.
     */
    Builder time(TimeSource time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /**
     * Also sends this data source's security events to {@code listener}, after the listeners found
     * through {@code META-INF/services}. Called on Aegis's event thread, never on the application's.
     */
    public Builder listener(SecurityEventListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    public AegisDataSource build() {
      return new AegisDataSource(this);
    }
  }
}
