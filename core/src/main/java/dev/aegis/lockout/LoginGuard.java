package dev.aegis.lockout;

import dev.aegis.config.DurationSetting;
import dev.aegis.config.LockoutConfig;
import dev.aegis.error.AegisLockedException;
import dev.aegis.events.SecurityEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brute-force protection for logins: counts the logins the server refuses for their credentials, per client
 * address and per database user, and refuses further logins of a locked-out address or user itself,
 * without contacting the server, until the lockout ends (docs/lockout.md).
 *
 * <p>An address is locked out after {@code max-failed-attempts} failures within {@code window}; a user
 * after failures from that many different addresses (failures from one address already lock that address,
 * and must not lock the user out for everyone else). Each repeated lockout lasts twice as long as the one
 * before, up to {@code max-address-duration} or {@code max-user-duration}. A successful login forgets the
 * failures of its address, and that address's failures as the user; it does not lift a lockout.
 *
 * <p>One guard per configuration, shared by every connect that uses it. Memory is bounded (at most
 * {@value #MAX_TRACKED} addresses and as many users, each forgotten once it no longer matters); checks are
 * lock-free reads and a failure locks only its own address and user.
 */
public final class LoginGuard {
  /** Addresses, and users, remembered at most; the least used are forgotten first beyond that. */
  static final int MAX_TRACKED = 10_000;
  /** How deep a cause chain is searched for the server's refusal. */
  private static final int MAX_CAUSES = 16;
  private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);

  private final boolean enabled;
  private final Tallies addresses;
  private final Tallies users;
  private final TimeSource time;
  private final LockoutMetrics metrics;
  private final Consumer<SecurityEvent> events;
  private final AtomicBoolean eventFailureLogged = new AtomicBoolean();

  /** Opens a connection; the guard runs it unless the login is locked out. */
  @FunctionalInterface
  public interface Login<T> {
    T open() throws SQLException;
  }

  LoginGuard(LockoutConfig config, MeterRegistry registry, TimeSource time, Consumer<SecurityEvent> events,
      int maxTracked) {
    this.enabled = config.enabled();
    this.time = Objects.requireNonNull(time, "time");
    this.events = Objects.requireNonNull(events, "events");
    if (enabled) {
      int max = config.maxFailedAttempts();
      addresses = new Tallies(new Rules(max, config.window(), config.duration(), config.maxAddressDuration()),
          time, maxTracked);
      users = new Tallies(new Rules(max, config.window(), config.duration(), config.maxUserDuration()),
          time, maxTracked);
      metrics = new LockoutMetrics(Objects.requireNonNull(registry, "registry"));
    } else {
      addresses = null;
      users = null;
      metrics = null;
    }
  }

  /**
   * A guard for {@code config}.
   *
   * @param registry where {@code aegis.logins.failed}, {@code aegis.lockouts} and {@code aegis.logins.refused} go
   * @param time {@link TimeSource#system()}, except in tests
   * @param events receives {@code login-failed} and {@code login-lockout} events
   */
  public static LoginGuard create(LockoutConfig config, MeterRegistry registry, TimeSource time,
      Consumer<SecurityEvent> events) {
    return new LoginGuard(config, registry, time, events, MAX_TRACKED);
  }

  /** Whether logins are counted and lockouts enforced ({@code lockout.enabled}). */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Runs {@code login} unless {@code user} or {@code address} is locked out, and counts its outcome.
   *
   * @param user the database user the login names, or null when the caller does not know it (then only
   *     the address is counted and checked)
   * @param address the client address (the application's caller, else this host)
   * @throws AegisLockedException when locked out; {@code login} did not run
   * @throws SQLException whatever {@code login} throws, unchanged
   */
  public <T> T attempt(String user, String address, Login<T> login) throws SQLException {
    if (!enabled) {
      return login.open();
    }
    String userKey = Keys.user(user);
    String addressKey = Keys.address(address);
    check(userKey, addressKey);
    T opened;
    try {
      opened = login.open();
    } catch (SQLException e) {
      if (isAuthenticationFailure(e)) {
        failed(userKey, addressKey);
      }
      throw e;
    }
    succeeded(userKey, addressKey);
    return opened;
  }

  /** Refuses the login when its address or its user is locked out. Keys as made by {@link Keys}. */
  void check(String user, String address) throws AegisLockedException {
    long now = time.read();
    Tally byAddress = addresses.get(address);
    Tally byUser = user == null ? null : users.get(user);
    boolean addressLocked = byAddress != null && byAddress.lockedAt(now);
    boolean userLocked = byUser != null && byUser.lockedAt(now);
    if (!addressLocked && !userLocked) {
      return;
    }
    metrics.refused(userLocked ? Kind.USER : Kind.ADDRESS);
    long until = Math.max(addressLocked ? byAddress.lockedUntil() - now : 0,
        userLocked ? byUser.lockedUntil() - now : 0);
    Instant wallNow = time.now();
    List<String> locked = new ArrayList<>(2);
    if (userLocked) {
      locked.add("database user '" + user + "' is locked out until " + at(wallNow, byUser.lockedUntil() - now)
          + " (failed logins from " + users.rules().maxFailures() + " addresses within " + window() + ")");
    }
    if (addressLocked) {
      locked.add("address " + address + " is locked out until " + at(wallNow, byAddress.lockedUntil() - now)
          + " (" + addresses.rules().maxFailures() + " failed logins within " + window() + ")");
    }
    throw new AegisLockedException("Aegis refused this login without contacting the server: "
        + String.join(" and ", locked) + ", because of repeated failed logins. Retry after that time with"
        + " the right credentials and find the client that sends wrong ones; an operator can lift every"
        + " lockout at once by restarting the application or saving its Aegis configuration file again"
        + " (see docs/lockout.md).", wallNow.plusNanos(until), userLocked ? user : null,
        addressLocked ? address : null);
  }

  /** The server refused a login for its credentials. */
  void failed(String user, String address) {
    long now = time.read();
    Tallies.Change byAddress = addresses.fail(address, null, now);
    Tallies.Change byUser = user == null ? null : users.fail(user, address, now);
    Instant wallNow = time.now();
    metrics.failed();
    publish(LoginEvents.failed(wallNow, user, address, byAddress, byUser, now, addresses.rules()));
    if (byAddress.lockoutStarted()) {
      metrics.lockout(Kind.ADDRESS);
      publish(LoginEvents.lockout(wallNow, Kind.ADDRESS, user, address, byAddress.after(), now,
          addresses.rules()));
    }
    if (byUser != null && byUser.lockoutStarted()) {
      metrics.lockout(Kind.USER);
      publish(LoginEvents.lockout(wallNow, Kind.USER, user, address, byUser.after(), now, users.rules()));
    }
  }

  /** A login succeeded: its address's failures, and that address's failures as this user, are forgiven. */
  void succeeded(String user, String address) {
    long now = time.read();
    addresses.succeed(address, null, now);
    if (user != null) {
      users.succeed(user, address, now);
    }
  }

  /**
   * Whether the server refused a login for its credentials: SQLState {@code 28000} (invalid authorization,
   * which MySQL and MariaDB give for a wrong password, an unknown user, and a refused authentication
   * plugin) or error 1045 (access denied), anywhere in the cause chain, as pools and failover wrap it. Not
   * counted: a denied database (1044, {@code 42000}), a host not allowed to connect, a lost connection.
   */
  public static boolean isAuthenticationFailure(Throwable e) {
    return isAuthenticationFailure(e, 0);
  }

  private static boolean isAuthenticationFailure(Throwable e, int depth) {
    if (e == null || depth > MAX_CAUSES) {
      return false;
    }
    if (e instanceof SQLException sql) {
      if ("28000".equals(sql.getSQLState()) || sql.getErrorCode() == 1045) {
        return true;
      }
      SQLException next = sql.getNextException();
      if (next != null && next != e && isAuthenticationFailure(next, depth + 1)) {
        return true;
      }
    }
    return e.getCause() != e && isAuthenticationFailure(e.getCause(), depth + 1);
  }

  private void publish(SecurityEvent event) {
    try {
      events.accept(event);
    } catch (RuntimeException e) {
      // The login's own outcome stands; a broken event sink is reported once, not on every login.
      if (eventFailureLogged.compareAndSet(false, true)) {
        LOG.warn("Publishing a security event failed; logins go on, further failures are not logged", e);
      }
    }
  }

  private String window() {
    return DurationSetting.format(Duration.ofNanos(addresses.rules().window()));
  }

  /** Wall time {@code nanos} from now, rounded up to the second: a lockout never ends before it says. */
  private static Instant at(Instant now, long nanos) {
    Instant exact = now.plusNanos(nanos);
    Instant seconds = exact.truncatedTo(ChronoUnit.SECONDS);
    return seconds.equals(exact) ? exact : seconds.plusSeconds(1);
  }

  /** Addresses and users remembered now (for tests of the bound). */
  long tracked() {
    return addresses.size() + users.size();
  }
}
