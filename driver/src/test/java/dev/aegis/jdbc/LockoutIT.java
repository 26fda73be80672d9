package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisLockedException;
import dev.aegis.lockout.ManualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Brute force against the real server through the driver, with the default limits: five failed logins
 * from one address lock it out, and a locked-out login never reaches the server. Each test has a driver
 * of its own (so lockouts of one test do not leak into the next) whose time the test moves forward.
 */
class LockoutIT {
  private final ManualTime time = new ManualTime();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AegisDriver driver = new AegisDriver(registry, time);
  private LoginAccount account;

  @BeforeEach
  void createAccount() throws SQLException {
    account = LoginAccount.create("lockout");
  }

  @AfterEach
  void dropAccount() throws SQLException {
    account.close();
  }

  private LoginAccount.Login login(String password) {
    return () -> driver.connect(account.url(), account.credentials(password));
  }

  private void lockThisHost() throws SQLException {
    for (int i = 0; i < 5; i++) {
      account.refusedByServer(login(account.wrongPassword()));
    }
  }

  @Test
  void sixWrongPasswordsLockTheAddressOutAndTheRightOneNoLongerReachesTheServer() throws SQLException {
    lockThisHost();
    account.refusedByAegis(login(account.wrongPassword()));

    AegisLockedException e = account.refusedByAegis(login(account.password));

    assertThat(e.lockedAddress()).isEqualTo(LocalHost.NAME.toLowerCase(java.util.Locale.ROOT));
    assertThat(e.lockedUser()).isNull();
    assertThat(e.until()).isEqualTo(ManualTime.START.plus(Duration.ofMinutes(15)));
    assertThat(e.getMessage()).contains("is locked out until 2026-11-23T10:15:00Z")
        .contains("because of repeated failed logins").contains("restarting the application");
    assertThat(registry.counter("aegis.logins.failed").count()).isEqualTo(5);
    assertThat(registry.counter("aegis.lockouts", "kind", "address").count()).isEqualTo(1);
    assertThat(registry.counter("aegis.lockouts", "kind", "user").count()).isZero();
    assertThat(registry.counter("aegis.logins.refused", "kind", "address").count()).isEqualTo(2);
  }

  @Test
  void anotherAddressWithTheRightPasswordStillConnects() throws SQLException {
    lockThisHost();
    try (AegisContext.Scope caller = AegisContext.enter(null, "198.51.100.2")) {
      account.connects(login(account.password));
    }
    account.refusedByAegis(login(account.password));
  }

  @Test
  void afterTheLockoutTheRightPasswordWorksAgain() throws SQLException {
    lockThisHost();
    time.advance(Duration.ofMinutes(15).minusSeconds(1));
    account.refusedByAegis(login(account.password));

    time.advance(Duration.ofSeconds(1));
    account.connects(login(account.password));
  }

  @Test
  void aRepeatOffendersSecondLockoutIsTwiceAsLong() throws SQLException {
    lockThisHost();
    time.advance(Duration.ofMinutes(15));
    lockThisHost();

    AegisLockedException second = account.refusedByAegis(login(account.password));
    assertThat(Duration.between(time.now(), second.until())).isEqualTo(Duration.ofMinutes(30));
    time.advance(Duration.ofMinutes(15));
    account.refusedByAegis(login(account.password));
    time.advance(Duration.ofMinutes(15));
    account.connects(login(account.password));
  }

  @Test
  void aSuccessfulLoginClearsTheFailuresBeforeIt() throws SQLException {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 4; i++) {
        // Without the success in between, the second round's first failure would be the fifth.
        account.refusedByServer(login(account.wrongPassword()));
      }
      account.connects(login(account.password));
    }
    assertThat(registry.counter("aegis.lockouts", "kind", "address").count()).isZero();
  }
}
