package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.error.AegisConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code lockout:} section and the durations it is written in. */
class LockoutConfigTest {
  private static final String SOURCE = "/etc/app/aegis.yml";

  @Test
  void defaultsAreFiveAttemptsInFifteenMinutesLockedFifteenMinutesUpToAnHourAndThreeHours() throws Exception {
    LockoutConfig lockout = ConfigReader.parse("detection:\n  mode: monitor\n", SOURCE).lockout();

    assertThat(lockout).isEqualTo(AegisConfig.defaults().lockout());
    assertThat(lockout.enabled()).isTrue();
    assertThat(lockout.maxFailedAttempts()).isEqualTo(5);
    assertThat(lockout.window()).isEqualTo(Duration.ofMinutes(15));
    assertThat(lockout.duration()).isEqualTo(Duration.ofMinutes(15));
    assertThat(lockout.maxAddressDuration()).isEqualTo(Duration.ofMinutes(60));
    assertThat(lockout.maxUserDuration()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void everySettingIsRead() throws Exception {
    LockoutConfig lockout = ConfigReader.parse("""
        lockout:
          enabled: true
          max-failed-attempts: 3
          window: 10m
          duration: 90s
          max-address-duration: 1h30m
          max-user-duration: 1d
        """, SOURCE).lockout();

    assertThat(lockout).isEqualTo(new LockoutConfig(true, 3, Duration.ofMinutes(10), Duration.ofSeconds(90),
        Duration.ofMinutes(90), Duration.ofDays(1)));
  }

  @Test
  void lockoutCanBeTurnedOff() throws Exception {
    assertThat(ConfigReader.parse("lockout:\n  enabled: false\n", SOURCE).lockout().enabled()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"90s,PT1M30S", "15m,PT15M", "3h,PT3H", "1d,PT24H", "1h30m,PT1H30M", "2d3h4m5s,PT51H4M5S",
      "0h15m,PT15M", "365d,PT8760H"})
  void durationsAreWrittenWithTheirUnits(String written, Duration expected) {
    assertThat(DurationSetting.parse(written)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"PT1M30S,1m30s", "PT15M,15m", "PT3H,3h", "PT24H,1d", "PT0S,0s", "PT2H0M1S,2h1s"})
  void durationsAreFormattedAsTheyAreWritten(Duration duration, String expected) {
    assertThat(DurationSetting.format(duration)).isEqualTo(expected);
    if (!duration.isZero()) {
      assertThat(DurationSetting.parse(expected)).isEqualTo(duration);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "15", "15 m", " 15m", "15min", "15M", "m", "30m1h", "1h1h", "-5m", "1.5h", "PT15M",
      "0s", "0h0m", "366d", "9999999d"})
  void otherWaysOfWritingADurationAreRefused(String written) {
    assertThatThrownBy(() -> DurationSetting.parse(written)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was '" + written + "'");
  }

  @Test
  void aBareNumberNeedsAUnitAndNamesLineAndSetting() {
    assertThat(invalid("lockout:\n  enabled: true\n  window: 900\n"))
        .contains(", line 3, setting 'lockout.window': needs a unit: write a duration such as 90s, 15m, 3h or"
            + " 1h30m (units d, h, m, s), was 900.");
  }

  @Test
  void aMisspeltDurationNamesLineAndSetting() {
    assertThat(invalid("lockout:\n  duration: 15 minutes\n"))
        .contains(", line 2, setting 'lockout.duration': must be a duration such as 90s, 15m, 3h or 1h30m"
            + " (units d, h, m, s), was '15 minutes'.");
  }

  @Test
  void aZeroDurationIsRefused() {
    assertThat(invalid("lockout:\n  window: 0s\n")).contains("setting 'lockout.window': must be more than 0s"
        + " and at most 365d, was '0s'.");
  }

  @Test
  void aSectionWhereADurationIsExpected() {
    assertThat(invalid("lockout:\n  window:\n    minutes: 15\n")).contains("setting 'lockout.window'")
        .contains("expected a duration such as 90s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-1"})
  void attemptsMustBeFromOneToAThousand(String written) {
    assertThat(invalid("lockout:\n  max-failed-attempts: " + written + "\n"))
        .contains(", line 2, setting 'lockout.max-failed-attempts': must be a whole number from 1 to 1000, was "
            + written);
  }

  @Test
  void attemptsMustBeANumber() {
    assertThat(invalid("lockout:\n  max-failed-attempts: five\n"))
        .contains("setting 'lockout.max-failed-attempts'").contains("expected a number here.");
  }

  @Test
  void enabledMustBeABoolean() {
    assertThat(invalid("lockout:\n  enabled: yes\n")).contains("setting 'lockout.enabled'")
        .contains("expected true or false here.");
  }

  @Test
  void aFirstLockoutLongerThanItsCapIsRefusedAtTheSection() {
    assertThat(invalid("""
        detection:
          mode: monitor
        lockout:
          duration: 2h
        """)).contains(", line 3, setting 'lockout': max-address-duration (1h) is shorter than duration (2h),"
            + " the first lockout; raise max-address-duration or shorten duration.");
  }

  @Test
  void unknownSettingListsTheAllowedOnes() {
    assertThat(invalid("lockout:\n  max-failed-attempt: 3\n"))
        .contains(", line 2, setting 'lockout.max-failed-attempt'")
        .contains("Did you mean 'max-failed-attempts'?")
        .contains("Settings allowed here: duration, enabled, max-address-duration, max-failed-attempts,"
            + " max-user-duration, window.");
  }

  private static String invalid(String yaml) {
    AegisConfigurationException e =
        catchThrowableOfType(AegisConfigurationException.class, () -> ConfigReader.parse(yaml, SOURCE));
    assertThat((Throwable) e).as("must be rejected:%n%s", yaml).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA011");
    return e.getMessage();
  }
}
