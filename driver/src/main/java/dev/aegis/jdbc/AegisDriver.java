package dev.aegis.jdbc;

import dev.aegis.config.AegisUrl;
import dev.aegis.config.ConfigLocator;
import dev.aegis.config.ConnectionSettings;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.lockout.LoginUser;
import dev.aegis.lockout.TimeSource;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.pipeline.PipelineCache;
import dev.aegis.pipeline.StatementPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:aegis:} driver. It accepts exactly the URLs that start with {@code jdbc:aegis:}, reads the
 * Aegis configuration, opens the real connection through the delegate driver (Connector/J) with the Aegis
 * settings removed, and returns it wrapped so that every statement goes through the Aegis pipeline.
 *
 * <p>Registered with {@link DriverManager} when the class loads and through {@code META-INF/services}.
 * Meters go to Micrometer's global registry; use {@link AegisDataSource} to choose another. Logins are
 * guarded against brute force per configuration (docs/lockout.md): a locked-out user or client address is
 * refused with {@link dev.aegis.error.AegisLockedException} before the server is contacted.
 */
public final class AegisDriver implements Driver {
  /** The configurations and lockouts of every driver made without arguments: one set of meters, too. */
  private static final PipelineCache SHARED = new PipelineCache(Metrics.globalRegistry, TimeSource.system(),
      java.util.List.of());
  private static final AegisDriver INSTANCE = new AegisDriver(SHARED);
  private static final String VERSION = readVersion();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final PipelineCache pipelines;
  private final ConfigLocator locator = ConfigLocator.fromSystem();
  private final DelegateDrivers delegates = new DelegateDrivers();

  /**
   * For frameworks and the service loader, which instantiate the driver class by name: it shares the
   * registered instance's configurations and lockouts (a login refused through one is refused through all).
   */
  public AegisDriver() {
    this(SHARED);
  }

  /**
   * An unregistered driver whose lockouts run on {@code time}, for tests that move time forward instead of
   * sleeping. Package-private on purpose: applications use the registered instance.
   */
  AegisDriver(MeterRegistry registry, TimeSource time) {
    this(new PipelineCache(registry, time, java.util.List.of()));
  }

  private AegisDriver(PipelineCache pipelines) {
    this.pipelines = pipelines;
  }

  /** The registered instance. DriverManager users never need it; frameworks that want a Driver object do. */
  public static AegisDriver instance() {
    return INSTANCE;
  }

  /**
   * Opens a connection, or returns null when the URL is not an Aegis URL (as JDBC requires, so that
   * DriverManager asks the next driver).
   *
   * @throws AegisConfigurationException for a malformed Aegis URL or a missing or invalid configuration,
   *     before any connection to the server is attempted
   * @throws dev.aegis.error.AegisLockedException when the user or the client address is locked out after
   *     repeated failed logins, before any connection to the server is attempted
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionSettings settings = ConnectionSettings.of(url, info);
    StatementPipeline pipeline =
        pipelines.pipelineFor(locator.locate(settings.urlConfig(), settings.propertyConfig()));
    String delegateUrl = settings.delegateUrl();
    Properties delegateProperties = settings.delegateProperties();
    Driver driver = delegates.driverFor(delegateUrl);
    // The same way again for every further connection the pipeline's background work needs (the allowlist):
    // the application's connection is never used from another thread.
    ConnectionSource connections = () -> {
      Connection opened = driver.connect(delegateUrl, delegateProperties);
      if (opened == null) {
        throw new AegisConfigurationException(AegisSqlState.NO_DELEGATE_DRIVER, "The delegate driver declined "
            + AegisUrl.redact(delegateUrl) + " although it accepts such URLs; check the URL.");
      }
      return opened;
    };
    // A locked-out user or address is refused here, before the delegate contacts the server.
    Connection delegate = pipeline.logins().attempt(LoginUser.of(delegateUrl, delegateProperties),
        LocalHost.clientAddress(), connections::open);
    return AegisConnection.open(delegate, pipeline, connections);
  }

  /** True for every URL that starts with {@code jdbc:aegis:}, even a malformed one, so connect can explain it. */
  @Override
  public boolean acceptsURL(String url) throws SQLException {
    if (url == null) {
      // As JDBC specifies, and as Connector/J does: a null URL is an error, not "someone else's URL".
      throw new AegisConfigurationException(AegisSqlState.INVALID_URL, "The JDBC URL is null; give a"
          + " jdbc:aegis:mysql://host:port/database URL.");
    }
    return AegisUrl.isAegisUrl(url);
  }

  /** The delegate's properties for the URL, plus Aegis's own {@code aegis.config}. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return new DriverPropertyInfo[0];
    }
    ConnectionSettings settings = ConnectionSettings.of(url, info);
    DriverPropertyInfo[] delegate = delegates.driverFor(settings.delegateUrl())
        .getPropertyInfo(settings.delegateUrl(), settings.delegateProperties());
    DriverPropertyInfo config = new DriverPropertyInfo(AegisUrl.CONFIG_SETTING,
        settings.urlConfig() != null ? settings.urlConfig() : settings.propertyConfig());
    config.description = "Aegis configuration: a YAML file path or classpath:NAME. Falls back to the system"
        + " property aegis.config, then the environment variable AEGIS_CONFIG; none means pass-through.";
    config.required = false;
    DriverPropertyInfo[] all = Arrays.copyOf(delegate, delegate.length + 1);
    all[delegate.length] = config;
    return all;
  }

  @Override
  public int getMajorVersion() {
    return versionPart(0);
  }

  @Override
  public int getMinorVersion() {
    return versionPart(1);
  }

  /** The Aegis version, such as {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  /**
   * False, as Connector/J reports: MySQL does not implement all of SQL-92 Entry Level, and Aegis adds
   * restrictions (on encrypted columns) rather than removing them.
   */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  /** Aegis logs through SLF4J, not java.util.logging: configure the {@code dev.aegis} logger there. */
  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Aegis logs through SLF4J, not java.util.logging; configure the"
        + " 'dev.aegis' logger in your SLF4J backend.");
  }

  private static int versionPart(int index) {
    String[] parts = VERSION.split("[.-]");
    try {
      return parts.length > index ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in = AegisDriver.class.getResourceAsStream("aegis-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Falls through to "unknown": a missing version must not stop the driver from loading.
    }
    return properties.getProperty("version", "0.0.0-unknown");
  }
}
