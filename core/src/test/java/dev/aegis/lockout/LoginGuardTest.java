package dev.aegis.lockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.config.LockoutConfig;
import dev.aegis.error.AegisLockedException;
import dev.aegis.events.SecurityEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows, lockouts, their growth and caps, and what a success forgives, on a ticker the test moves. */
class LoginGuardTest {
  private static final String USER = "app";
  private static final String HOST = "10.0.0.1";

  private final ManualTime time = new ManualTime();
  private final List<SecurityEvent> events = new ArrayList<>();
  private final LoginGuard guard = guard(new LockoutConfig(null, null, null, null, null, null));

  private LoginGuard guard(LockoutConfig config) {
    return new LoginGuard(config, new SimpleMeterRegistry(), time, events::add, LoginGuard.MAX_TRACKED);
  }

  private void fail(int times, String user, String address) {
    for (int i = 0; i < times; i++) {
      guard.failed(user, address);
    }
  }

  private AegisLockedException refused(String user, String address) {
    AegisLockedException e = catchThrowableOfType(AegisLockedException.class, () -> guard.check(user, address));
    assertThat((Throwable) e).as("%s from %s must be refused", user, address).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA120");
    return e;
  }

  private void allowed(String user, String address) {
    assertThatCode(() -> guard.check(user, address)).as("%s from %s must be let through", user, address)
        .doesNotThrowAnyException();
  }

  @Test
  void fiveFailuresFromOneAddressLockThatAddressForFifteenMinutes() {
    fail(4, USER, HOST);
    allowed(USER, HOST);

    guard.failed(USER, HOST);

    AegisLockedException e = refused(USER, HOST);
    assertThat(e.until()).isEqualTo(ManualTime.START.plus(Duration.ofMinutes(15)));
    assertThat(e.lockedAddress()).isEqualTo(HOST);
    assertThat(e.lockedUser()).as("one address alone does not lock the user out for everyone").isNull();
    assertThat(e.getMessage()).contains("address 10.0.0.1 is locked out until 2026-11-23T10:15:00Z")
        .contains("5 failed logins within 15m").contains("without contacting the server")
        .contains("restarting the application or saving its Aegis configuration file again");
    allowed(USER, "10.0.0.2");
    refused("someone-else", HOST);
  }

  @Test
  void theLockoutEndsAfterItsDurationToTheNanosecond() {
    fail(5, USER, HOST);
    time.advance(Duration.ofMinutes(15).minusNanos(1));
    refused(USER, HOST);
    time.advance(Duration.ofNanos(1));
    allowed(USER, HOST);
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    // Failures at minutes 0, 5, 10 and 14; at minute 16 the first has left the 15-minute window.
    int at = 0;
    for (int minute : new int[] {0, 5, 10, 14}) {
      time.advance(Duration.ofMinutes(minute - at));
      at = minute;
      guard.failed(USER, HOST);
    }
    time.advance(Duration.ofMinutes(2));
    guard.failed(USER, HOST);
    allowed(USER, HOST);
    time.advance(Duration.ofMinutes(1));
    guard.failed(USER, HOST);
    refused(USER, HOST);
  }

  @Test
  void repeatedLockoutsOfAnAddressDoubleUpToSixtyMinutes() {
    long[] expected = {15, 30, 60, 60};
    for (long minutes : expected) {
      fail(5, USER, HOST);
      AegisLockedException e = refused(USER, HOST);
      assertThat(Duration.between(time.now(), e.until())).isEqualTo(Duration.ofMinutes(minutes));
      time.advance(Duration.ofMinutes(minutes));
      allowed(USER, HOST);
    }
  }

  @Test
  void repeatOffencesAreForgivenADayAfterTheLastLockoutEnded() {
    fail(5, USER, HOST);
    time.advance(Duration.ofMinutes(15));
    fail(5, USER, HOST);
    assertThat(Duration.between(time.now(), refused(USER, HOST).until())).isEqualTo(Duration.ofMinutes(30));

    time.advance(Duration.ofMinutes(30).plus(Duration.ofHours(24)));
    fail(5, USER, HOST);
    assertThat(Duration.between(time.now(), refused(USER, HOST).until())).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aUserIsLockedOutByFailuresFromFiveDifferentAddresses() {
    for (int i = 1; i <= 4; i++) {
      guard.failed(USER, "192.0.2." + i);
    }
    allowed(USER, "192.0.2.99");
    guard.failed(USER, "192.0.2.5");

    AegisLockedException e = refused(USER, "192.0.2.99");
    assertThat(e.lockedUser()).isEqualTo(USER);
    assertThat(e.lockedAddress()).isNull();
    assertThat(e.getMessage()).contains("database user 'app' is locked out until 2026-11-23T10:15:00Z")
        .contains("failed logins from 5 addresses within 15m");
    allowed("other", "192.0.2.1");
  }

  @Test
  void repeatsFromOneAddressCountOnceTowardsTheUser() {
    fail(4, USER, "192.0.2.1");
    guard.failed(USER, "192.0.2.2");
    guard.failed(USER, "192.0.2.3");
    guard.failed(USER, "192.0.2.4");
    allowed(USER, "192.0.2.99");
  }

  @Test
  void repeatedLockoutsOfAUserDoubleUpToThreeHours() {
    long[] expected = {15, 30, 60, 120, 180, 180};
    int address = 0;
    for (long minutes : expected) {
      for (int i = 0; i < 5; i++) {
        guard.failed(USER, "198.51.100." + (++address % 250));
      }
      AegisLockedException e = refused(USER, "203.0.113.1");
      assertThat(Duration.between(time.now(), e.until())).isEqualTo(Duration.ofMinutes(minutes));
      time.advance(Duration.ofMinutes(minutes));
      allowed(USER, "203.0.113.1");
    }
  }

  @Test
  void lockingTheAddressAndTheUserTogetherNamesBothAndTheLaterEnd() {
    for (int i = 1; i <= 4; i++) {
      guard.failed(USER, "192.0.2." + i);
    }
    fail(4, "other", HOST);
    guard.failed(USER, HOST); // the user's 5th address and the host's 5th failure

    AegisLockedException e = refused(USER, HOST);
    assertThat(e.lockedUser()).isEqualTo(USER);
    assertThat(e.lockedAddress()).isEqualTo(HOST);
    assertThat(e.getMessage()).contains("database user 'app' is locked out").contains(" and address 10.0.0.1");
  }

  @Test
  void aSuccessForgivesTheFailuresOfItsAddressButNotALockout() {
    fail(4, USER, HOST);
    guard.succeeded(USER, HOST);
    fail(4, USER, HOST);
    allowed(USER, HOST);

    guard.failed(USER, HOST);
    guard.succeeded(USER, HOST);
    refused(USER, HOST);
  }

  @Test
  void aSuccessForgivesTheUsersFailuresFromItsOwnAddressOnly() {
    for (int i = 1; i <= 4; i++) {
      guard.failed(USER, "192.0.2." + i);
    }
    // The application logs in from 192.0.2.1: that address's failure goes, the three others stay.
    guard.succeeded(USER, "192.0.2.1");
    guard.failed(USER, "192.0.2.5");
    allowed(USER, "192.0.2.99");
    guard.failed(USER, "192.0.2.6");
    refused(USER, "192.0.2.99");
  }

  @Test
  void aFailureAlreadyInFlightWhenTheLockoutStartedNeitherExtendsNorCountsTowardsTheNext() {
    fail(5, USER, HOST);
    time.advance(Duration.ofMinutes(10));
    fail(3, USER, HOST);
    time.advance(Duration.ofMinutes(5));
    allowed(USER, HOST);
    fail(4, USER, HOST);
    allowed(USER, HOST);
  }

  @Test
  void settingsChangeTheLimits() {
    LoginGuard strict = guard(new LockoutConfig(true, 2, Duration.ofMinutes(1), Duration.ofSeconds(90),
        Duration.ofMinutes(2), Duration.ofMinutes(5)));
    strict.failed(USER, HOST);
    time.advance(Duration.ofSeconds(61));
    strict.failed(USER, HOST);
    assertThatCode(() -> strict.check(USER, HOST)).doesNotThrowAnyException();
    strict.failed(USER, HOST);
    AegisLockedException first = catchThrowableOfType(AegisLockedException.class, () -> strict.check(USER, HOST));
    assertThat(Duration.between(time.now(), first.until())).isEqualTo(Duration.ofSeconds(90));
    assertThat(first.getMessage()).contains("2 failed logins within 1m");
    time.advance(Duration.ofSeconds(90));
    strict.failed(USER, HOST);
    strict.failed(USER, HOST);
    AegisLockedException second = catchThrowableOfType(AegisLockedException.class, () -> strict.check(USER, HOST));
    assertThat(Duration.between(time.now(), second.until())).as("3m, capped at 2m").isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void anUnknownUserCountsAgainstTheAddressOnly() {
    fail(5, null, HOST);
    assertThat(refused(null, HOST).lockedAddress()).isEqualTo(HOST);
    allowed(null, "10.0.0.2");
  }
}
