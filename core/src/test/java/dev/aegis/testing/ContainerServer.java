package dev.aegis.testing;

import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/** MySQL 8 in a Testcontainers container, for the {@code mysql} Maven profile. */
final class ContainerServer {
  static final String IMAGE = "mysql:8.4";

  private ContainerServer() {}

  static TestDatabase start() throws TestDatabase.ServerUnavailable {
    return start(List.of()).database();
  }

  /** A container of its own, with extra {@code mysqld} arguments; stopped by the caller (or by Ryuk). */
  static Started start(List<String> serverArgs) throws TestDatabase.ServerUnavailable {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      docker = false;
    }
    if (!docker) {
      throw new TestDatabase.ServerUnavailable("The 'mysql' profile runs the suite against " + IMAGE
          + " in a container, but no Docker engine answers on this machine: its integration tests are"
          + " skipped. Run without -Pmysql (embedded MariaDB) or set AEGIS_TEST_JDBC_URL.");
    }
    @SuppressWarnings("resource") // stopped by the caller, or by Testcontainers' Ryuk when the JVM exits
    MySQLContainer<?> mysql = new MySQLContainer<>(IMAGE).withUsername("root").withPassword("aegis-test");
    if (!serverArgs.isEmpty()) {
      mysql.withCommand(serverArgs.toArray(String[]::new));
    }
    mysql.start();
    return new Started(new TestDatabase("Testcontainers " + IMAGE + " on port " + mysql.getFirstMappedPort(),
        mysql.getHost(), mysql.getMappedPort(3306), "root", "aegis-test",
        "allowPublicKeyRetrieval=true&sslMode=DISABLED"), mysql::stop);
  }

  /** A running container and how to stop it. */
  record Started(TestDatabase database, Runnable stop) {}
}
