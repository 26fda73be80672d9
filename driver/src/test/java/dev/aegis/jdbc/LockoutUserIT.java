package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisLockedException;
import dev.aegis.lockout.ManualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A distributed attack on one database user: failed logins from many addresses (an application server
 * that sets each client's address in {@link AegisContext}) lock the user out everywhere, for longer each
 * time, up to three hours.
 */
class LockoutUserIT {
  private final ManualTime time = new ManualTime();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AegisDriver driver = new AegisDriver(registry, time);
  private LoginAccount account;
  private int addresses;

  @BeforeEach
  void createAccount() throws SQLException {
    account = LoginAccount.create("lockuser");
  }

  @AfterEach
  void dropAccount() throws SQLException {
    account.close();
  }

  /** The user and password as URL parameters, the other way Connector/J takes them. */
  private LoginAccount.Login login(String password) {
    return () -> driver.connect(account.url("user=" + account.user,
        "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)), new Properties());
  }

  private LoginAccount.Login from(String address, LoginAccount.Login login) {
    return () -> {
      try (AegisContext.Scope caller = AegisContext.enter("end-user", address)) {
        return login.open();
      }
    };
  }

  /** One wrong password from each of five addresses never used before. */
  private void attackFromFiveAddresses() throws SQLException {
    for (int i = 0; i < 5; i++) {
      account.refusedByServer(from("203.0.113." + (++addresses), login(account.wrongPassword())));
    }
  }

  @Test
  void failuresFromFiveAddressesLockTheUserOutEverywhereButNotOtherUsers() throws SQLException {
    attackFromFiveAddresses();

    AegisLockedException e = account.refusedByAegis(from("198.51.100.7", login(account.password)));
    assertThat(e.lockedUser()).isEqualTo(account.user);
    assertThat(e.lockedAddress()).as("no address failed five times").isNull();
    assertThat(e.getMessage()).contains("database user '" + account.user + "' is locked out until"
        + " 2026-11-23T10:15:00Z").contains("failed logins from 5 addresses within 15m");
    account.refusedByAegis(login(account.password));

    try (AegisContext.Scope caller = AegisContext.enter(null, "198.51.100.7");
        Connection other = driver.connect(account.db.aegisUrl(account.schema), account.db.credentials())) {
      assertThat(other.isValid(5)).as("the user under attack is locked, not everyone").isTrue();
    }
    assertThat(registry.counter("aegis.lockouts", "kind", "user").count()).isEqualTo(1);
    assertThat(registry.counter("aegis.lockouts", "kind", "address").count()).isZero();
  }

  @Test
  void repeatedLockoutsOfTheUserDoubleUpToThreeHours() throws SQLException {
    for (long minutes : new long[] {15, 30, 60, 120, 180, 180}) {
      attackFromFiveAddresses();
      AegisLockedException e = account.refusedByAegis(from("198.51.100.7", login(account.password)));
      assertThat(Duration.between(time.now(), e.until())).as("lockout of %d minutes", minutes)
          .isEqualTo(Duration.ofMinutes(minutes));

      time.advance(Duration.ofMinutes(minutes));
      account.connects(from("198.51.100.7", login(account.password)));
    }
  }
}
