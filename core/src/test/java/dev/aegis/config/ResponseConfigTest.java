package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.error.AegisConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code response:} section: its defaults, every setting, and what is refused with line and setting. */
class ResponseConfigTest {
  private static final String SOURCE = "/etc/app/aegis.yml";

  @Test
  void defaultsBlockBothForHalfAnHourAfterThreeBlockedStatementsInTenMinutes() throws Exception {
    ResponseConfig response = ConfigReader.parse("detection:\n  mode: enforce\n", SOURCE).response();

    assertThat(response).isEqualTo(AegisConfig.defaults().response());
    assertThat(response.isDefault()).isTrue();
    assertThat(response.enabled()).isTrue();
    assertThat(response.blockAfter()).isEqualTo(3);
    assertThat(response.within()).isEqualTo(Duration.ofMinutes(10));
    assertThat(response.blockFor()).isEqualTo(Duration.ofMinutes(30));
    assertThat(response.scope()).isEqualTo(ResponseScope.BOTH);
    assertThat(response.blockOnCanary()).isTrue();
    assertThat(response.refresh()).isEqualTo(Duration.ofSeconds(5));
    assertThat(response.store()).as("chosen at connect: jdbc where Aegis has connections").isNull();
    assertThat(response.blockDatabaseUser()).isFalse();
  }

  @Test
  void everySettingIsRead() throws Exception {
    ResponseConfig response = ConfigReader.parse("""
        response:
          enabled: true
          block-after: 5
          within: 1h
          block-for: 1d
          scope: principal
          block-on-canary: false
          refresh: 500ms
          store: memory
          block-database-user: true
        """, SOURCE).response();

    assertThat(response).isEqualTo(new ResponseConfig(true, 5, Duration.ofHours(1), Duration.ofDays(1),
        ResponseScope.PRINCIPAL, false, Duration.ofMillis(500), ResponseStore.MEMORY, true));
    assertThat(response.isDefault()).isFalse();
    assertThat(ConfigReader.parse("response:\n  store: jdbc\n  scope: address\n", SOURCE).response())
        .extracting(ResponseConfig::store, ResponseConfig::scope)
        .containsExactly(ResponseStore.JDBC, ResponseScope.ADDRESS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-3"})
  void blockAfterMustBeFromOneToAThousand(String written) {
    assertThat(invalid("response:\n  block-after: " + written + "\n"))
        .contains(", line 2, setting 'response.block-after': must be a whole number from 1 to 1000, was " + written);
  }

  @Test
  void durationsNeedTheirUnit() {
    assertThat(invalid("response:\n  enabled: true\n  block-for: 1800\n"))
        .contains(", line 3, setting 'response.block-for': needs a unit");
    assertThat(invalid("response:\n  within: 10 minutes\n"))
        .contains(", line 2, setting 'response.within': must be a duration");
  }

  @Test
  void refreshIsAnIntervalFromATenthOfASecondToADay() {
    assertThat(invalid("response:\n  refresh: 10ms\n"))
        .contains(", line 2, setting 'response.refresh': must be an interval from 100ms to 24h");
  }

  @Test
  void scopeAndStoreAreOneOfTheirWords() {
    assertThat(invalid("response:\n  scope: user\n"))
        .contains(", line 2, setting 'response.scope': 'user' is not allowed; use one of principal, address, both.");
    assertThat(invalid("response:\n  store: file:blocks.txt\n"))
        .contains("setting 'response.store': 'file:blocks.txt' is not allowed; use one of jdbc, memory.");
  }

  @Test
  void unknownSettingListsTheAllowedOnes() {
    assertThat(invalid("response:\n  block-afer: 3\n"))
        .contains("Did you mean 'block-after'?")
        .contains("Settings allowed here: block-after, block-database-user, block-for, block-on-canary, enabled,"
            + " refresh, scope, store, within.");
  }

  private static String invalid(String yaml) {
    AegisConfigurationException e =
        catchThrowableOfType(AegisConfigurationException.class, () -> ConfigReader.parse(yaml, SOURCE));
    assertThat((Throwable) e).as("must be rejected:%n%s", yaml).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA011");
    return e.getMessage();
  }
}
