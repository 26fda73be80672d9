package dev.aegis.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MySQL-compatible server every integration test talks to, one per JVM.
 *
 * <p>Which server, in order: {@code AEGIS_TEST_JDBC_URL} (any MySQL 8 or MariaDB; user and password from
 * its parameters or {@code AEGIS_TEST_USER} / {@code AEGIS_TEST_PASSWORD}); the {@code mysql} Maven profile
 * (system property {@code aegis.test.server=testcontainers}: MySQL 8 in a container, skipped with a
 * message where no Docker engine answers); otherwise an embedded MariaDB started on a free port with its
 * data directory under {@code target/}.
 *
 * <p>Tests never share tables: each asks {@link #createDatabase} for a schema of its own.
 */
public final class TestDatabase {
  private static final Pattern MYSQL_URL =
      Pattern.compile("jdbc:mysql://([^:/?,]+)(?::(\\d+))?/?([^?]*)(?:\\?(.*))?");
  private static TestDatabase shared;
  private static String unavailable;

  private final String description;
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String baseParameters;
  private final List<String> createdDatabases = new ArrayList<>();

  TestDatabase(String description, String host, int port, String user, String password, String baseParameters) {
    this.description = description;
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.baseParameters = baseParameters;
  }

  /**
   * The server for this JVM, started on first use. Aborts the calling test (a skip, not a failure) when the
   * chosen server cannot exist here, such as the {@code mysql} profile on a machine without Docker.
   */
  public static synchronized TestDatabase shared() {
    Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    if (shared == null) {
      try {
        shared = start();
      } catch (ServerUnavailable e) {
        unavailable = e.getMessage();
        System.err.println("[aegis-test] " + unavailable);
        Assumptions.abort(unavailable);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::dropCreatedDatabases, "aegis-test-cleanup"));
      System.err.println("[aegis-test] using " + shared.description);
    }
    return shared;
  }

  private static TestDatabase start() throws ServerUnavailable {
    String external = System.getenv("AEGIS_TEST_JDBC_URL");
    if (external != null && !external.isBlank()) {
      return external(external.strip());
    }
    String server = System.getProperty("aegis.test.server", "embedded");
    return switch (server.toLowerCase(Locale.ROOT)) {
      case "testcontainers" -> ContainerServer.start();
      case "embedded" -> EmbeddedServer.start();
      default -> throw new IllegalStateException("aegis.test.server must be embedded or testcontainers, was "
          + server);
    };
  }

  private static TestDatabase external(String url) {
    Matcher m = MYSQL_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalStateException("AEGIS_TEST_JDBC_URL must look like jdbc:mysql://host:port/?user=u&password=p,"
          + " was " + url.replaceAll("password=[^&]*", "password=…"));
    }
    String user = System.getenv().getOrDefault("AEGIS_TEST_USER", "root");
    String password = System.getenv().getOrDefault("AEGIS_TEST_PASSWORD", "");
    List<String> kept = new ArrayList<>();
    if (m.group(4) != null) {
      for (String parameter : m.group(4).split("&")) {
        if (parameter.startsWith("user=")) {
          user = parameter.substring(5);
        } else if (parameter.startsWith("password=")) {
          password = parameter.substring(9);
        } else if (!parameter.isEmpty()) {
          kept.add(parameter);
        }
      }
    }
    int port = m.group(2) == null ? 3306 : Integer.parseInt(m.group(2));
    return new TestDatabase("external server " + m.group(1) + ":" + port + " (AEGIS_TEST_JDBC_URL)",
        m.group(1), port, user, password, String.join("&", kept));
  }

  /** A server that cannot be had on this machine; the tests that need it are skipped. */
  static final class ServerUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    ServerUnavailable(String message) {
      super(message);
    }
  }

  public String description() {
    return description;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** User and password, to pass to {@code DriverManager.getConnection(url, properties)}. */
  public Properties credentials() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return properties;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** {@code jdbc:mysql://host:port/database?…}, with the server's own base parameters and {@code extra}. */
  public String plainUrl(String database, String... extra) {
    return "jdbc:mysql://" + host + ":" + port + "/" + database + query(extra);
  }

  /** The same URL through Aegis: {@code jdbc:aegis:mysql://host:port/database?…}. */
  public String aegisUrl(String database, String... extra) {
    return "jdbc:aegis:mysql://" + host + ":" + port + "/" + database + query(extra);
  }

  private String query(String... extra) {
    List<String> parameters = new ArrayList<>();
    if (!baseParameters.isEmpty()) {
      parameters.add(baseParameters);
    }
    parameters.addAll(List.of(extra));
    return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
  }

  /** A connection straight to the server (no Aegis), for set-up and for checking what the server holds. */
  public Connection connectPlain(String database) throws SQLException {
    return DriverManager.getConnection(plainUrl(database), credentials());
  }

  /** Creates an empty schema with a unique name starting with {@code hint}; dropped when the JVM exits. */
  public String createDatabase(String hint) throws SQLException {
    String name = ("aegis_" + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)));
    name = name.length() > 60 ? name.substring(0, 60) : name;
    try (Connection c = connectPlain(""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "`");
    }
    synchronized (createdDatabases) {
      createdDatabases.add(name);
    }
    return name;
  }

  private void dropCreatedDatabases() {
    synchronized (createdDatabases) {
      try (Connection c = connectPlain(""); Statement s = c.createStatement()) {
        for (String name : createdDatabases) {
          s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
      } catch (SQLException e) {
        // The server may already be gone at JVM exit (an embedded one stops in its own hook).
      }
    }
  }
}
