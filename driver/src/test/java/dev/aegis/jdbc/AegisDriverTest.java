package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.error.AegisSqlState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's contract with DriverManager and its errors. None of these reach a server: a bad URL or
 * configuration is refused before the delegate is asked to connect (port 9 is the discard port, never MySQL).
 */
class AegisDriverTest {
  private final AegisDriver driver = AegisDriver.instance();

  @Test
  void registeredThroughServiceLoaderAndDriverManager() throws SQLException {
    assertThat(DriverManager.getDriver("jdbc:aegis:mysql://localhost:3306/app")).isSameAs(driver);
    assertThat(DriverManager.getDriver("jdbc:mysql://localhost:3306/app")).isNotInstanceOf(AegisDriver.class);
  }

  @Test
  void acceptsExactlyAegisUrls() throws SQLException {
    assertThat(driver.acceptsURL("jdbc:aegis:mysql://h/db")).isTrue();
    assertThat(driver.acceptsURL("jdbc:aegis:mysql:replication://a,b/db")).isTrue();
    assertThat(driver.acceptsURL("jdbc:mysql://h/db")).isFalse();
    assertThat(driver.acceptsURL("JDBC:AEGIS:mysql://h/db")).isFalse();
    assertThatThrownBy(() -> driver.acceptsURL(null)).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("ZA001");
    assertThatThrownBy(() -> driver.connect(null, new Properties())).isInstanceOf(SQLException.class);
    assertThat(driver.connect("jdbc:mysql://127.0.0.1:9/db", new Properties()))
        .as("JDBC: null for a URL of another driver").isNull();
  }

  @Test
  void malformedUrlIsRefusedWithItsOwnSqlState() {
    assertThatThrownBy(() -> driver.connect("jdbc:aegis:", new Properties()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("jdbc:aegis:mysql://localhost:3306/app")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(AegisSqlState.INVALID_URL.code());
    assertThatThrownBy(() -> driver.connect("jdbc:aegis:mysql://127.0.0.1:9/db?aegis.confg=x.yml", null))
        .hasMessageContaining("aegis.confg").hasMessageContaining("aegis.config")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("ZA001");
  }

  @Test
  void missingConfigurationFileIsRefusedBeforeConnecting(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yml");
    assertThatThrownBy(() -> driver.connect("jdbc:aegis:mysql://127.0.0.1:9/db?aegis.config=" + missing, null))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("URL parameter aegis.config")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(AegisSqlState.CONFIG_NOT_FOUND.code());
  }

  @Test
  void unknownSettingInConfigurationNamesFileLineAndSetting(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("aegis.yml");
    Files.writeString(config, "detection:\n  mode: enforce\n  blok-threshold: 0.9\n");
    Properties properties = new Properties();
    properties.setProperty("aegis.config", config.toString());
    assertThatThrownBy(() -> driver.connect("jdbc:aegis:mysql://127.0.0.1:9/db", properties))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(config.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("detection.blok-threshold")
        .hasMessageContaining("Did you mean 'block-threshold'?")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(AegisSqlState.CONFIG_INVALID.code());
  }

  @Test
  void urlForWhichNoDriverExistsSaysWhatToAdd() {
    assertThatThrownBy(() -> driver.connect("jdbc:aegis:postgresql://127.0.0.1:9/db", null))
        .hasMessageContaining("mysql-connector-j")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(AegisSqlState.NO_DELEGATE_DRIVER.code());
  }

  @Test
  void propertyInfoIsTheDelegatesPlusAegisConfig() throws SQLException {
    DriverPropertyInfo[] info = driver.getPropertyInfo(
        "jdbc:aegis:mysql://127.0.0.1:9/db?aegis.config=classpath:x.yml", new Properties());
    assertThat(Arrays.stream(info).map(p -> p.name)).contains("aegis.config", "user", "password");
    DriverPropertyInfo config = Arrays.stream(info).filter(p -> p.name.equals("aegis.config")).findFirst().orElseThrow();
    assertThat(config.value).isEqualTo("classpath:x.yml");
    assertThat(config.description).contains("AEGIS_CONFIG");
    assertThat(driver.getPropertyInfo("jdbc:mysql://h/db", null)).isEmpty();
  }

  @Test
  void versionsComplianceAndLogger() {
    assertThat(AegisDriver.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    String[] parts = AegisDriver.version().split("[.-]");
    assertThat(driver.getMajorVersion()).isEqualTo(Integer.parseInt(parts[0]));
    assertThat(driver.getMinorVersion()).isEqualTo(Integer.parseInt(parts[1]));
    assertThat(driver.jdbcCompliant()).isFalse();
    assertThatThrownBy(driver::getParentLogger).isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessageContaining("SLF4J");
  }
}
