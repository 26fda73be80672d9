package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.error.AegisConfigurationException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

  @Test
  void aegisSettingsAreTakenOutOfUrlAndProperties() throws Exception {
    Properties info = properties("user", "app", "password", "secret", "aegis.config", "/etc/prop.yml");

    ConnectionSettings settings = ConnectionSettings.of(
        "jdbc:aegis:mysql://h:3306/db?useSSL=true&aegis.config=/etc/url.yml", info);

    assertThat(settings.delegateUrl()).isEqualTo("jdbc:mysql://h:3306/db?useSSL=true");
    assertThat(settings.urlConfig()).isEqualTo("/etc/url.yml");
    assertThat(settings.propertyConfig()).isEqualTo("/etc/prop.yml");
    assertThat(settings.delegateProperties())
        .containsExactlyInAnyOrderEntriesOf(Map.of("user", "app", "password", "secret"));
  }

  @Test
  void callersPropertiesAreNotModified() throws Exception {
    Properties info = properties("user", "app", "aegis.config", "/etc/prop.yml");

    ConnectionSettings settings = ConnectionSettings.of("jdbc:aegis:mysql://h/db", info);

    assertThat(settings.delegateProperties()).isNotSameAs(info).doesNotContainKey("aegis.config");
    assertThat(info).containsExactlyInAnyOrderEntriesOf(Map.of("user", "app", "aegis.config", "/etc/prop.yml"));
  }

  @Test
  void changingTheDelegateCopyLeavesTheCallersPropertiesAlone() throws Exception {
    Properties info = properties("user", "app");

    ConnectionSettings.of("jdbc:aegis:mysql://h/db", info).delegateProperties().setProperty("user", "other");

    assertThat(info.getProperty("user")).isEqualTo("app");
  }

  @Test
  void nullPropertiesGiveAnEmptyCopy() throws Exception {
    ConnectionSettings settings = ConnectionSettings.of("jdbc:aegis:mysql://h/db?aegis.config=a.yml", null);

    assertThat(settings.delegateUrl()).isEqualTo("jdbc:mysql://h/db");
    assertThat(settings.delegateProperties()).isNotNull().isEmpty();
    assertThat(settings.urlConfig()).isEqualTo("a.yml");
    assertThat(settings.propertyConfig()).isNull();
  }

  @Test
  void noAegisSettingsAnywhereGivesNulls() throws Exception {
    ConnectionSettings settings = ConnectionSettings.of("jdbc:aegis:mysql://h/db", properties("user", "app"));

    assertThat(settings.urlConfig()).isNull();
    assertThat(settings.propertyConfig()).isNull();
    assertThat(settings.delegateProperties()).containsExactly(Map.entry("user", "app"));
  }

  @Test
  void defaultsOfThePropertiesAreSeen() throws Exception {
    Properties defaults = properties("user", "app", "aegis.config", "/etc/default.yml");
    Properties info = new Properties(defaults);
    info.setProperty("password", "secret");

    ConnectionSettings settings = ConnectionSettings.of("jdbc:aegis:mysql://h/db", info);

    assertThat(settings.propertyConfig()).isEqualTo("/etc/default.yml");
    assertThat(settings.delegateProperties().getProperty("user")).isEqualTo("app");
    assertThat(settings.delegateProperties().getProperty("password")).isEqualTo("secret");
    assertThat(settings.delegateProperties().getProperty("aegis.config")).isNull();
  }

  @Test
  void unknownAegisPropertyIsRejected() {
    AegisConfigurationException e = catchThrowableOfType(AegisConfigurationException.class,
        () -> ConnectionSettings.of("jdbc:aegis:mysql://h/db", properties("aegis.confg", "a.yml")));

    assertThat((Throwable) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA001");
    assertThat(e.getMessage()).contains("'aegis.confg'")
        .contains("connection properties")
        .contains("Known settings: aegis.config");
  }

  @Test
  void emptyAegisConfigPropertyIsRejected() {
    AegisConfigurationException e = catchThrowableOfType(AegisConfigurationException.class,
        () -> ConnectionSettings.of("jdbc:aegis:mysql://h/db", properties("aegis.config", " ")));

    assertThat((Throwable) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA001");
    assertThat(e.getMessage()).contains("has no value");
  }

  @Test
  void malformedUrlIsRejectedBeforePropertiesAreRead() {
    AegisConfigurationException e = catchThrowableOfType(AegisConfigurationException.class,
        () -> ConnectionSettings.of("jdbc:aegis:mysql", properties("aegis.config", "a.yml")));

    assertThat((Throwable) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA001");
    assertThat(e.getMessage()).contains("Invalid Aegis URL");
  }

  @Test
  void aegisConfigGivenAsANonStringIsRefusedNotDropped() {
    Properties properties = new Properties();
    properties.put("aegis.config", java.nio.file.Path.of("aegis.yml"));
    AegisConfigurationException e = catchThrowableOfType(AegisConfigurationException.class,
        () -> ConnectionSettings.of("jdbc:aegis:mysql://h/db", properties));

    assertThat((Throwable) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA001");
    assertThat(e.getMessage()).contains("give it as a String");
  }

  @Test
  void aegisPropertyInAnotherCaseIsRefusedNotPassedToTheDelegate() {
    AegisConfigurationException e = catchThrowableOfType(AegisConfigurationException.class,
        () -> ConnectionSettings.of("jdbc:aegis:mysql://h/db", properties("Aegis.Config", "a.yml")));

    assertThat((Throwable) e).isNotNull();
    assertThat(e.getMessage()).contains("'Aegis.Config'");
  }

  @Test
  void delegatePropertiesCannotBeChangedThroughTheSettings() throws Exception {
    ConnectionSettings settings = ConnectionSettings.of("jdbc:aegis:mysql://h/db", properties("user", "ada"));
    settings.delegateProperties().setProperty("user", "mallory");

    assertThat(settings.delegateProperties().getProperty("user")).isEqualTo("ada");
  }

  private static Properties properties(String... namesAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
    }
    return properties;
  }
}
