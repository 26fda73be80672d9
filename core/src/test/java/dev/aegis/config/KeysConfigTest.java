package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.error.AegisConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code keys:} section's reload and rotation settings: defaults, values, and errors naming line and setting. */
class KeysConfigTest {
  private static final String SOURCE = "/etc/app/aegis.yml";

  @Test
  void withoutTheSettingsKeysAreReadEveryMinuteAndDueAfter90Days() throws Exception {
    KeysConfig keys = ConfigReader.parse("keys:\n  master: env:KEK\n  keysets: jdbc\n", SOURCE).keys();

    assertThat(keys.refresh()).isEqualTo(Duration.ofSeconds(60));
    assertThat(keys.reloads()).isTrue();
    assertThat(keys.rotationDays()).isEqualTo(90);
    assertThat(AegisConfig.defaults().keys().refresh()).isEqualTo(KeysConfig.DEFAULT_REFRESH);
    assertThat(AegisConfig.defaults().keys().rotationDays()).isEqualTo(KeysConfig.DEFAULT_ROTATION_DAYS);
    assertThat(AegisConfig.defaults().keys().master()).isNull();
  }

  @Test
  void everySettingIsRead() throws Exception {
    KeysConfig keys = ConfigReader.parse("""
        keys:
          master: file:master.json
          keysets: file:keysets.json
          refresh: 1s
          rotation-days: 30
        """, SOURCE).keys();

    assertThat(keys.refresh()).isEqualTo(Duration.ofSeconds(1));
    assertThat(keys.rotationDays()).isEqualTo(30);
    assertThat(keys.master()).isEqualTo(new Location(Location.Scheme.FILE, "master.json"));
  }

  @ParameterizedTest
  @CsvSource({"90s, PT1M30S", "5m, PT5M", "1h30m, PT1H30M", "24h, PT24H", "1d, PT24H"})
  void refreshIsADuration(String written, Duration expected) throws Exception {
    assertThat(ConfigReader.parse("keys:\n  refresh: " + written + "\n", SOURCE).keys().refresh())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"off", "OFF", "0", "'0'", "'off'"})
  void refreshCanBeTurnedOff(String written) throws Exception {
    KeysConfig keys = ConfigReader.parse("keys:\n  refresh: " + written + "\n", SOURCE).keys();

    assertThat(keys.refresh()).isZero();
    assertThat(keys.reloads()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "refresh: 500ms|keys.refresh|from 1s to 24h), or off, was '500ms'",
      "refresh: 25h|keys.refresh|from 1s to 24h), or off, was '25h'",
      "refresh: 60|keys.refresh|or off, was 60",
      "refresh: soon|keys.refresh|was 'soon'",
      "refresh: true|keys.refresh|or off, was true",
      "rotation-days: 0|keys.rotation-days|from 1 to 3650, was 0",
      "rotation-days: 3651|keys.rotation-days|from 1 to 3650, was 3651",
      "rotation-days: 90d|keys.rotation-days|expected a number here",
  })
  void invalidValuesNameTheirLineAndSetting(String line, String setting, String detail) {
    AegisConfigurationException e = invalid("keys:\n  master: env:KEK\n  " + line + "\n");

    assertThat(e.getMessage()).contains(", line 3, setting '" + setting + "'").contains(detail);
  }

  @Test
  void unknownSettingSuggestsTheNearestAndListsTheAllowedOnes() {
    AegisConfigurationException e = invalid("""
        keys:
          master: env:KEK
          rotation-day: 30
        """);

    assertThat(e.getMessage()).contains(", line 3, setting 'keys.rotation-day'")
        .contains("Did you mean 'rotation-days'?")
        .contains("Settings allowed here: keysets, master, refresh, rotation-days.");
  }

  private static AegisConfigurationException invalid(String yaml) {
    AegisConfigurationException e =
        catchThrowableOfType(AegisConfigurationException.class, () -> ConfigReader.parse(yaml, SOURCE));
    assertThat((Throwable) e).as("must be rejected:%n%s", yaml).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA011");
    return e;
  }
}
