package dev.aegis.lockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.config.LockoutConfig;
import dev.aegis.error.AegisLockedException;
import dev.aegis.events.SecurityEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link LoginGuard#attempt}: what counts as a failure, what reaches the login, events and meters. */
class LoginGuardAttemptTest {
  private static final String HOST = "10.0.0.1";
  private static final String PASSWORD = "s3cret-Password!";
  private static final LockoutConfig DEFAULTS = new LockoutConfig(null, null, null, null, null, null);

  private final ManualTime time = new ManualTime();
  private final List<SecurityEvent> events = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LoginGuard guard = new LoginGuard(DEFAULTS, registry, time, events::add,
      LoginGuard.MAX_TRACKED);
  private final AtomicInteger opened = new AtomicInteger();

  /** What the server says to a wrong password, as Connector/J reports it. */
  private static SQLException accessDenied(String user) {
    return new SQLException("Access denied for user '" + user + "'@'localhost' (using password: YES)", "28000",
        1045);
  }

  private LoginGuard.Login<Connection> refusedByServer(SQLException e) {
    return () -> {
      opened.incrementAndGet();
      throw e;
    };
  }

  private void wrongPassword(String user, String address) {
    assertThatThrownBy(() -> guard.attempt(user, address, refusedByServer(accessDenied(user))))
        .isNotInstanceOf(AegisLockedException.class).hasFieldOrPropertyWithValue("SQLState", "28000");
  }

  @Test
  void aLockedOutLoginNeverRunsAndTheServersRefusalsPassUnchanged() {
    SQLException denied = accessDenied("app");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> guard.attempt("app", HOST, refusedByServer(denied))).isSameAs(denied);
    }
    assertThat(opened).hasValue(5);

    assertThatThrownBy(() -> guard.attempt("app", HOST, () -> {
      opened.incrementAndGet();
      return null;
    })).isInstanceOf(AegisLockedException.class).hasMessageNotContaining(PASSWORD);
    assertThat(opened).as("the login was not attempted").hasValue(5);
  }

  @Test
  void otherFailuresAreNotCounted() {
    SQLException unreachable = new SQLNonTransientConnectionException("Communications link failure", "08S01");
    SQLException noDatabase = new SQLException("Access denied for user 'app'@'%' to database 'x'", "42000", 1044);
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> guard.attempt("app", HOST, refusedByServer(unreachable))).isSameAs(unreachable);
      assertThatThrownBy(() -> guard.attempt("app", HOST, refusedByServer(noDatabase))).isSameAs(noDatabase);
    }
    RuntimeException bug = new IllegalStateException("driver bug");
    assertThatThrownBy(() -> guard.attempt("app", HOST, () -> {
      throw bug;
    })).isSameAs(bug);
    assertThat(events).isEmpty();
    assertThat(registry.counter(LockoutMetrics.FAILED).count()).isZero();
  }

  @Test
  void theServersRefusalIsFoundWrappedAsPoolsAndFailoverWrapIt() {
    SQLException pool = new SQLException("Connection is not available", "08001", accessDenied("app"));
    SQLException chained = new SQLException("failover exhausted", "08001");
    chained.setNextException(new SQLInvalidAuthorizationSpecException("denied", "28000", 1698));
    RuntimeException unchecked = new RuntimeException(new SQLException("denied", "HY000", 1045));

    assertThat(LoginGuard.isAuthenticationFailure(pool)).isTrue();
    assertThat(LoginGuard.isAuthenticationFailure(chained)).isTrue();
    assertThat(LoginGuard.isAuthenticationFailure(unchecked)).isTrue();
    assertThat(LoginGuard.isAuthenticationFailure(new SQLException("x", "08001", new SQLException("y", "08S01"))))
        .isFalse();
    assertThat(LoginGuard.isAuthenticationFailure(null)).isFalse();
  }

  @Test
  void aSuccessfulLoginForgivesThroughAttempt() throws SQLException {
    for (int i = 0; i < 4; i++) {
      wrongPassword("app", HOST);
    }
    guard.attempt("app", HOST, () -> null);
    for (int i = 0; i < 4; i++) {
      wrongPassword("app", HOST);
    }
    assertThat(guard.attempt("app", HOST, () -> "connected")).isEqualTo("connected");
  }

  @Test
  void eventsNameUserAndAddressAndNeverThePassword() {
    for (int i = 0; i < 5; i++) {
      wrongPassword("app", HOST);
    }

    assertThat(events).hasSize(6);
    SecurityEvent first = events.get(0);
    assertThat(first.rule()).isEqualTo("login-failed");
    assertThat(first.category()).isEqualTo("authentication");
    assertThat(first.severity()).isEqualTo("info");
    assertThat(first.action()).isEqualTo("allow");
    assertThat(first.principal()).isEqualTo("app");
    assertThat(first.address()).isEqualTo(HOST);
    assertThat(first.digest()).isNull();
    assertThat(first.score()).isEqualTo(0.2);
    assertThat(first.time()).isEqualTo(ManualTime.START);
    assertThat(first.detail()).contains("1 of 5 failed logins from this address within 15m")
        .contains("1 of 5 addresses with failed logins as this user within 15m");

    SecurityEvent lockout = events.get(5);
    assertThat(lockout.rule()).isEqualTo("login-lockout");
    assertThat(lockout.severity()).isEqualTo("high");
    assertThat(lockout.action()).isEqualTo("lockout");
    assertThat(lockout.score()).isEqualTo(1.0);
    assertThat(lockout.principal()).isEqualTo("app");
    assertThat(lockout.address()).isEqualTo(HOST);
    assertThat(lockout.detail()).isEqualTo("address locked out after 5 failed logins within 15m, for 15m until"
        + " 2026-11-23T10:15:00Z (lockout 1)");
    assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
  }

  @Test
  void metersCountFailuresLockoutsAndRefusalsByKind() {
    for (int i = 0; i < 5; i++) {
      wrongPassword("app", HOST);
    }
    for (int i = 1; i <= 5; i++) {
      wrongPassword("db", "192.0.2." + i);
    }
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> guard.attempt("app", HOST, () -> null)).isInstanceOf(AegisLockedException.class);
    }
    assertThatThrownBy(() -> guard.attempt("db", "192.0.2.9", () -> null))
        .isInstanceOf(AegisLockedException.class);

    assertThat(registry.counter(LockoutMetrics.FAILED).count()).isEqualTo(10);
    assertThat(registry.counter(LockoutMetrics.LOCKOUTS, "kind", "address").count()).isEqualTo(1);
    assertThat(registry.counter(LockoutMetrics.LOCKOUTS, "kind", "user").count()).isEqualTo(1);
    assertThat(registry.counter(LockoutMetrics.REFUSED, "kind", "address").count()).isEqualTo(3);
    assertThat(registry.counter(LockoutMetrics.REFUSED, "kind", "user").count()).isEqualTo(1);
  }

  @Test
  void aBrokenEventSinkChangesNoLoginsOutcome() {
    LoginGuard broken = new LoginGuard(DEFAULTS, registry, time, event -> {
      throw new IllegalStateException("sink down");
    }, LoginGuard.MAX_TRACKED);
    SQLException denied = accessDenied("app");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> broken.attempt("app", HOST, refusedByServer(denied))).isSameAs(denied);
    }
    assertThatThrownBy(() -> broken.attempt("app", HOST, () -> null)).isInstanceOf(AegisLockedException.class);
  }

  @Test
  void disabledGuardLetsEveryLoginThrough() throws SQLException {
    LoginGuard off = new LoginGuard(new LockoutConfig(false, null, null, null, null, null), registry, time,
        events::add, LoginGuard.MAX_TRACKED);
    SQLException denied = accessDenied("app");
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> off.attempt("app", HOST, refusedByServer(denied))).isSameAs(denied);
    }
    assertThat(off.attempt("app", HOST, () -> "connected")).isEqualTo("connected");
    assertThat(off.enabled()).isFalse();
    assertThat(events).isEmpty();
  }

  @Test
  void controlCharactersInAUserNameCannotForgeLogLinesOrMessages() {
    String forged = "app\naegis event rule=none";
    for (int i = 0; i < 5; i++) {
      wrongPassword(forged, HOST);
    }
    assertThat(events).allSatisfy(e -> assertThat(e.principal()).isEqualTo("app?aegis event rule=none"));
    assertThatThrownBy(() -> guard.attempt(forged, HOST, () -> null)).isInstanceOf(AegisLockedException.class)
        .hasMessageNotContaining("\n");
  }
}
