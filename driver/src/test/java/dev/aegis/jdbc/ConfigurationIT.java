package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.MysqlDataSource;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.DetectionMode;
import dev.aegis.pipeline.SqlEntry;
import dev.aegis.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the configuration comes from, and what a connection does with it, against the real server. */
class ConfigurationIT {
  private static final String VALID = """
      keys:
        master: file:keys/master.json
        keysets: file:keys/keysets.json
      columns:
        customers.email: { mode: deterministic, key: pii }
      detection:
        mode: enforce
        block-threshold: 0.9
      """;
  private static TestDatabase db;
  private static String schema;

  @BeforeAll
  static void start() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("config");
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(400))");
    }
  }

  /** Writes {@link #VALID} in {@code dir} with the keys it names, as 'aegis keys init' would. */
  private static Path valid(Path dir) throws Exception {
    dev.aegis.keys.MasterKey.writeFile(dir.resolve("keys/master.json"), dev.aegis.keys.MasterKey.generate());
    dev.aegis.keys.MasterKey master = dev.aegis.keys.MasterKey.load(dev.aegis.config.Location.parse(
        "file:keys/master.json", java.util.EnumSet.allOf(dev.aegis.config.Location.Scheme.class)), dir,
        System::getenv);
    dev.aegis.keys.KeysetFile.write(dir.resolve("keys/keysets.json"), java.util.Map.of("pii",
        dev.aegis.crypto.ColumnCipher.newKeyset(dev.aegis.config.EncryptionMode.DETERMINISTIC)), master);
    return Files.writeString(dir.resolve("aegis.yml"), VALID);
  }

  private static AegisConfig configOf(Connection connection) throws SQLException {
    return ((AegisConnection) connection).pipelineConfig();
  }

  @Test
  void urlParameterWinsOverConnectionPropertyAndNeitherReachesTheDelegate(@TempDir Path dir) throws Exception {
    Path valid = valid(dir);
    Properties properties = db.credentials();
    properties.setProperty("aegis.config", dir.resolve("ignored-because-url-wins.yml").toString());
    try (Connection c = DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=" + valid), properties)) {
      assertThat(configOf(c).detection().mode()).isEqualTo(DetectionMode.ENFORCE);
      assertThat(configOf(c).columns()).hasSize(1);
      assertThat(c.getMetaData().getURL()).startsWith("jdbc:mysql:").doesNotContain("aegis.config");
      assertThat(c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getProperties().stringPropertyNames())
          .noneMatch(name -> name.startsWith("aegis."));
    }
  }

  @Test
  void connectionPropertyThenSystemPropertyThenNothing(@TempDir Path dir) throws Exception {
    Path valid = valid(dir);
    Properties properties = db.credentials();
    properties.setProperty("aegis.config", valid.toString());
    try (Connection c = DriverManager.getConnection(db.aegisUrl(schema), properties)) {
      assertThat(configOf(c).detection().blockThreshold()).isEqualTo(0.9);
    }
    String previous = System.getProperty("aegis.config");
    System.setProperty("aegis.config", valid.toString());
    try (Connection c = DriverManager.getConnection(db.aegisUrl(schema), db.credentials())) {
      assertThat(configOf(c).detection().mode()).isEqualTo(DetectionMode.ENFORCE);
    } finally {
      restore(previous);
    }
    System.clearProperty("aegis.config");
    try (Connection c = DriverManager.getConnection(db.aegisUrl(schema), db.credentials())) {
      assertThat(configOf(c)).as("no configuration: pass-through, detection monitor")
          .isEqualTo(AegisConfig.defaults());
      assertThat(configOf(c).detection().mode()).isEqualTo(DetectionMode.MONITOR);
    } finally {
      restore(previous);
    }
  }

  @Test
  void configurationFromTheClassPath() throws Exception {
    try (Connection c = DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=classpath:aegis-test.yml"),
        db.credentials())) {
      assertThat(configOf(c).detection().mode()).isEqualTo(DetectionMode.LEARN);
    }
  }

  @Test
  void anEditedFileIsReadAgainAtTheNextConnectAndABrokenOneFailsIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("aegis.yml"), "detection:\n  mode: learn\n");
    String url = db.aegisUrl(schema, "aegis.config=" + file);
    try (Connection c = DriverManager.getConnection(url, db.credentials())) {
      assertThat(configOf(c).detection().mode()).isEqualTo(DetectionMode.LEARN);
    }
    Files.writeString(file, "detection:\n  mode: enforce\n  block-threshold: 0.5\n");
    try (Connection c = DriverManager.getConnection(url, db.credentials())) {
      assertThat(configOf(c).detection().mode()).isEqualTo(DetectionMode.ENFORCE);
    }
    Files.writeString(file, "detection:\n  mode: enforce\n  block-threshold: high\n");
    assertThatThrownBy(() -> DriverManager.getConnection(url, db.credentials()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("line 3").hasMessageContaining("detection.block-threshold")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("ZA011");
  }

  @Test
  void aegisDataSourceWrapsAnyDataSourceAndMeasuresIntoItsRegistry(@TempDir Path dir) throws Exception {
    MysqlDataSource mysql = new MysqlDataSource();
    mysql.setUrl(db.plainUrl(schema));
    mysql.setUser(db.user());
    mysql.setPassword(db.password());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AegisDataSource secured = AegisDataSource.builder(mysql)
        .config(valid(dir).toString())
        .meterRegistry(registry)
        .build();
    try (Connection c = secured.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
      assertThat(c).isInstanceOf(AegisConnection.class);
      assertThat(configOf(c).detection().mode()).isEqualTo(DetectionMode.ENFORCE);
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
    assertThat(registry.get("aegis.statements").tag("entry", SqlEntry.EXECUTE_QUERY.tag()).counter().count())
        .isEqualTo(1);
    assertThat(secured.isWrapperFor(MysqlDataSource.class)).isTrue();
    assertThat(secured.unwrap(MysqlDataSource.class)).isSameAs(mysql);
  }

  @Test
  void aBrokenConfigurationFailsBeforeAPooledConnectionIsTaken(@TempDir Path dir) throws Exception {
    MysqlDataSource mysql = new MysqlDataSource();
    mysql.setUrl(db.plainUrl(schema));
    mysql.setUser(db.user());
    mysql.setPassword(db.password());
    AtomicInteger taken = new AtomicInteger();
    DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (self, method, args) -> {
          if (method.getName().equals("getConnection")) {
            taken.incrementAndGet();
          }
          return method.invoke(mysql, args);
        });
    AegisDataSource secured = AegisDataSource.builder(counting)
        .config(Files.writeString(dir.resolve("aegis.yml"), "colums:\n  a.b: { key: k }\n").toString())
        .build();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(secured::getConnection)
          .hasMessageContaining("unknown setting 'colums'").hasMessageContaining("Did you mean 'columns'?")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("ZA011");
    }
    assertThatThrownBy(() -> secured.getConnection(db.user(), db.password())).isInstanceOf(SQLException.class);
    assertThat(taken).as("connections taken from the wrapped data source").hasValue(0);
  }

  @Test
  void aegisDataSourceFromUrl() throws Exception {
    AegisDataSource source = AegisDataSource.fromUrl(db.aegisUrl(schema), db.user(), db.password());
    try (Connection c = source.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
      assertThat(c).isInstanceOf(AegisConnection.class);
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(schema);
    }
    try (Connection c = source.getConnection(db.user(), db.password())) {
      assertThat(c.isValid(2)).isTrue();
    }
    assertThatThrownBy(() -> AegisDataSource.fromUrl(db.plainUrl(schema), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:aegis:");
  }

  private static void restore(String previous) {
    if (previous == null) {
      System.clearProperty("aegis.config");
    } else {
      System.setProperty("aegis.config", previous);
    }
  }
}
