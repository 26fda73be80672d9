package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.error.AegisConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code events:} section: defaults, values, and the errors that name line and setting. */
class EventsConfigTest {
  private static final String SOURCE = "/etc/app/aegis.yml";

  @Test
  void withoutTheSectionEventsGoToTheLogAndListenersOnly() throws Exception {
    EventsConfig events = ConfigReader.parse("detection:\n  mode: enforce\n", SOURCE).events();

    assertThat(events.queueSize()).isEqualTo(10_000);
    assertThat(events.table()).isFalse();
    assertThat(events.retentionDays()).isEqualTo(30);
    assertThat(AegisConfig.defaults().events()).isEqualTo(events);
  }

  @Test
  void everySettingIsRead() throws Exception {
    EventsConfig events = ConfigReader.parse("""
        events:
          queue-size: 500
          table: true
          retention-days: 90
        """, SOURCE).events();

    assertThat(events).isEqualTo(new EventsConfig(500, true, 90));
  }

  @Test
  void anEmptySectionTakesTheDefaults() throws Exception {
    assertThat(ConfigReader.parse("events:\n", SOURCE).events()).isEqualTo(new EventsConfig(null, null, null));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "queue-size: 0|events.queue-size|must be a whole number from 1",
      "queue-size: -5|events.queue-size|must be a whole number from 1",
      "queue-size: 3000000000|events.queue-size|must be a whole number from 1",
      "queue-size: lots|events.queue-size|expected a number here",
      "table: yes|events.table|expected true or false here",
      "table: 1|events.table|expected true or false here",
      "retention-days: 0|events.retention-days|from 1 to 36500, was 0",
      "retention-days: 36501|events.retention-days|from 1 to 36500, was 36501",
      "retention-days: 7.5|events.retention-days|expected a number here",
  })
  void invalidValuesNameTheirLineAndSetting(String line, String setting, String detail) {
    AegisConfigurationException e = invalid("keys:\n  master: env:KEK\nevents:\n  " + line + "\n");

    assertThat(e.getMessage()).contains(", line 4, setting '" + setting + "'").contains(detail);
  }

  @Test
  void unknownSettingSuggestsTheNearestAndListsTheAllowedOnes() {
    AegisConfigurationException e = invalid("""
        events:
          queue-size: 100
          retention-day: 7
        """);

    assertThat(e.getMessage()).contains(", line 3, setting 'events.retention-day'")
        .contains("Did you mean 'retention-days'?")
        .contains("Settings allowed here: queue-size, retention-days, table.");
  }

  private static AegisConfigurationException invalid(String yaml) {
    AegisConfigurationException e =
        catchThrowableOfType(AegisConfigurationException.class, () -> ConfigReader.parse(yaml, SOURCE));
    assertThat((Throwable) e).as("must be rejected:%n%s", yaml).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA011");
    return e;
  }
}
