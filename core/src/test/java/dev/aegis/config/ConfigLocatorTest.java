package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.config.ConfigLocation.Origin;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLocatorTest {
  private final Map<String, String> system = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();
  private final ConfigLocator locator = new ConfigLocator(system::get, environment::get);

  @Test
  void urlParameterWinsOverEverythingElse() throws Exception {
    system.put("aegis.config", "/sys.yml");
    environment.put("AEGIS_CONFIG", "/env.yml");

    assertThat(locator.locate("/url.yml", "/prop.yml"))
        .contains(new ConfigLocation("/url.yml", Origin.URL_PARAMETER));
  }

  @Test
  void connectionPropertyWinsOverSystemAndEnvironment() throws Exception {
    system.put("aegis.config", "/sys.yml");
    environment.put("AEGIS_CONFIG", "/env.yml");

    assertThat(locator.locate(null, "/prop.yml"))
        .contains(new ConfigLocation("/prop.yml", Origin.CONNECTION_PROPERTY));
  }

  @Test
  void systemPropertyWinsOverEnvironment() throws Exception {
    system.put("aegis.config", "/sys.yml");
    environment.put("AEGIS_CONFIG", "/env.yml");

    assertThat(locator.locate(null, null)).contains(new ConfigLocation("/sys.yml", Origin.SYSTEM_PROPERTY));
  }

  @Test
  void environmentVariableIsTheLastResort() throws Exception {
    environment.put("AEGIS_CONFIG", "classpath:aegis.yml");

    Optional<ConfigLocation> found = locator.locate(null, null);

    assertThat(found).contains(new ConfigLocation("classpath:aegis.yml", Origin.ENVIRONMENT_VARIABLE));
    assertThat(found.get().isClasspath()).isTrue();
  }

  @Test
  void otherNamesAreNotLookedUp() throws Exception {
    system.put("AEGIS_CONFIG", "/sys.yml");
    environment.put("aegis.config", "/env.yml");

    assertThat(locator.locate(null, null)).isEmpty();
  }

  @Test
  void nothingFoundMeansNoConfiguration() throws Exception {
    assertThat(locator.locate(null, null)).isEmpty();
  }

  @Test
  void surroundingWhitespaceIsRemoved() throws Exception {
    assertThat(locator.locate("  /url.yml\n", null)).map(ConfigLocation::value).contains("/url.yml");
  }

  @Test
  void blankUrlParameterIsAnErrorNotAFallThrough() {
    system.put("aegis.config", "/sys.yml");

    assertBlankRejected(() -> locator.locate(" ", null), "URL parameter aegis.config");
  }

  @Test
  void blankConnectionPropertyIsAnError() {
    assertBlankRejected(() -> locator.locate(null, ""), "connection property aegis.config");
  }

  @Test
  void blankSystemPropertyIsAnError() {
    system.put("aegis.config", "");
    environment.put("AEGIS_CONFIG", "/env.yml");

    assertBlankRejected(() -> locator.locate(null, null), "system property aegis.config");
  }

  @Test
  void blankEnvironmentVariableIsAnError() {
    environment.put("AEGIS_CONFIG", "  ");

    assertBlankRejected(() -> locator.locate(null, null), "environment variable AEGIS_CONFIG");
  }

  @Test
  void describeNamesTheOrigin() {
    assertThat(new ConfigLocation("aegis.yml", Origin.SYSTEM_PROPERTY).describe())
        .isEqualTo("aegis.yml (from system property aegis.config)");
    assertThat(new ConfigLocation("/a.yml", Origin.URL_PARAMETER).describe())
        .isEqualTo("/a.yml (from URL parameter aegis.config)");
    assertThat(new ConfigLocation("/a.yml", Origin.CONNECTION_PROPERTY).describe())
        .isEqualTo("/a.yml (from connection property aegis.config)");
    assertThat(new ConfigLocation("/a.yml", Origin.ENVIRONMENT_VARIABLE).describe())
        .isEqualTo("/a.yml (from environment variable AEGIS_CONFIG)");
  }

  @Test
  void fromSystemReadsTheSystemProperty() throws Exception {
    String before = System.getProperty("aegis.config");
    System.setProperty("aegis.config", "/from-system-property.yml");
    try {
      assertThat(ConfigLocator.fromSystem().locate(null, null))
          .contains(new ConfigLocation("/from-system-property.yml", Origin.SYSTEM_PROPERTY));
    } finally {
      if (before == null) {
        System.clearProperty("aegis.config");
      } else {
        System.setProperty("aegis.config", before);
      }
    }
  }

  private interface Locate {
    Optional<ConfigLocation> call() throws Exception;
  }

  private static void assertBlankRejected(Locate locate, String origin) {
    AegisConfigurationException e = catchThrowableOfType(AegisConfigurationException.class, locate::call);

    assertThat((Throwable) e).as("a blank value must be rejected").isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA010");
    assertThat(e.state()).isEqualTo(AegisSqlState.CONFIG_NOT_FOUND);
    assertThat(e.getMessage()).contains("The " + origin + " is set but empty")
        .contains("file path or classpath:NAME");
  }
}
