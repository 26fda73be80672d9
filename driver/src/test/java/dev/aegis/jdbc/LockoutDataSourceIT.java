package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.MysqlDataSource;
import dev.aegis.config.AegisConfig;
import dev.aegis.error.AegisLockedException;
import dev.aegis.lockout.ManualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A wrapped DataSource counts failed logins too, and refuses a locked-out one before asking it. */
class LockoutDataSourceIT {
  private final ManualTime time = new ManualTime();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private LoginAccount account;

  @BeforeEach
  void createAccount() throws SQLException {
    account = LoginAccount.create("lockds");
  }

  @AfterEach
  void dropAccount() throws SQLException {
    account.close();
  }

  private AegisDataSource wrap(String user, String password) {
    MysqlDataSource mysql = new MysqlDataSource();
    mysql.setUrl(account.db.plainUrl(account.schema));
    mysql.setUser(user);
    mysql.setPassword(password);
    return AegisDataSource.builder(mysql).config(AegisConfig.defaults()).meterRegistry(registry).time(time)
        .build();
  }

  @Test
  void getConnectionWithUserAndPasswordIsCountedAndLockedOut() throws SQLException {
    AegisDataSource secured = wrap(null, null);
    for (int i = 0; i < 5; i++) {
      account.refusedByServer(() -> secured.getConnection(account.user, account.wrongPassword()));
    }
    AegisLockedException e = account.refusedByAegis(() -> secured.getConnection(account.user, account.password));
    assertThat(e.lockedAddress()).isNotNull();
    assertThat(registry.counter("aegis.logins.failed").count()).isEqualTo(5);

    time.advance(Duration.ofMinutes(15));
    account.connects(() -> secured.getConnection(account.user, account.password));
  }

  @Test
  void getConnectionWithTheSourcesOwnCredentialsIsCountedAgainstTheAddress() throws SQLException {
    AegisDataSource misconfigured = wrap(account.user, account.wrongPassword());
    for (int i = 0; i < 5; i++) {
      account.refusedByServer(misconfigured::getConnection);
    }
    AegisLockedException e = account.refusedByAegis(misconfigured::getConnection);
    assertThat(e.lockedUser()).as("the wrapped source's user is not known to Aegis").isNull();
    assertThat(e.lockedAddress()).isNotNull();
  }
}
