package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.error.AegisLockedException;
import dev.aegis.lockout.ManualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lockout:} section of the configuration file changes what the driver does. */
class LockoutConfigIT {
  private final ManualTime time = new ManualTime();
  private final AegisDriver driver = new AegisDriver(new SimpleMeterRegistry(), time);
  @TempDir
  Path dir;
  private LoginAccount account;

  @BeforeEach
  void createAccount() throws SQLException {
    account = LoginAccount.create("lockconf");
  }

  @AfterEach
  void dropAccount() throws SQLException {
    account.close();
  }

  private LoginAccount.Login login(Path config, String password) {
    return () -> driver.connect(account.url("aegis.config=" + config), account.credentials(password));
  }

  @Test
  void limitsComeFromTheLockoutSection() throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"), """
        lockout:
          max-failed-attempts: 2
          window: 1m
          duration: 90s
          max-address-duration: 2m
        """);
    account.refusedByServer(login(config, account.wrongPassword()));
    account.refusedByServer(login(config, account.wrongPassword()));
    AegisLockedException first = account.refusedByAegis(login(config, account.password));
    assertThat(Duration.between(time.now(), first.until())).isEqualTo(Duration.ofSeconds(90));
    assertThat(first.getMessage()).contains("(2 failed logins within 1m)");

    time.advance(Duration.ofSeconds(90));
    account.refusedByServer(login(config, account.wrongPassword()));
    account.refusedByServer(login(config, account.wrongPassword()));
    AegisLockedException second = account.refusedByAegis(login(config, account.password));
    assertThat(Duration.between(time.now(), second.until())).as("3m, capped").isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void turnedOffEveryLoginReachesTheServer() throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"), "lockout:\n  enabled: false\n");
    for (int i = 0; i < 7; i++) {
      account.refusedByServer(login(config, account.wrongPassword()));
    }
    account.connects(login(config, account.password));
  }
}
