package dev.aegis.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * The {@code lockout:} section: how failed logins lock out a client address or a database user
 * (docs/lockout.md).
 *
 * @param enabled whether failed logins are counted and lockouts enforced (default true)
 * @param maxFailedAttempts failures within {@code window} that start a lockout: from one address, or
 *     against one user from that many different addresses (default 5, at most {@value #MAX_ATTEMPTS})
 * @param window how far back failures count (default 15m)
 * @param duration the first lockout; each repeated lockout of the same address or user doubles it
 *     (default 15m)
 * @param maxAddressDuration the longest lockout of an address (default 60m)
 * @param maxUserDuration the longest lockout of a database user (default 3h)
 */
public record LockoutConfig(
    Boolean enabled,
    @JsonDeserialize(using = AttemptCount.class) Integer maxFailedAttempts,
    @JsonDeserialize(using = DurationSetting.class) Duration window,
    @JsonDeserialize(using = DurationSetting.class) Duration duration,
    @JsonDeserialize(using = DurationSetting.class) Duration maxAddressDuration,
    @JsonDeserialize(using = DurationSetting.class) Duration maxUserDuration) {

  /** Per tracked address or user, failures are kept one by one; this bounds that memory. */
  static final int MAX_ATTEMPTS = 1000;
  static final LockoutConfig DEFAULTS = new LockoutConfig(null, null, null, null, null, null);

  public LockoutConfig {
    enabled = enabled == null || enabled;
    maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
    window = window == null ? Duration.ofMinutes(15) : window;
    duration = duration == null ? Duration.ofMinutes(15) : duration;
    maxAddressDuration = maxAddressDuration == null ? Duration.ofMinutes(60) : maxAddressDuration;
    maxUserDuration = maxUserDuration == null ? Duration.ofHours(3) : maxUserDuration;
    // A first lockout longer than its cap would be cut silently; say so where it is written instead.
    notShorter("max-address-duration", maxAddressDuration, duration);
    notShorter("max-user-duration", maxUserDuration, duration);
  }

  private static void notShorter(String name, Duration cap, Duration duration) {
    if (cap.compareTo(duration) < 0) {
      throw new IllegalArgumentException(name + " (" + DurationSetting.format(cap) + ") is shorter than duration ("
          + DurationSetting.format(duration) + "), the first lockout; raise " + name + " or shorten duration");
    }
  }

  /** A number of attempts from 1 to {@value #MAX_ATTEMPTS}, checked where it is written so the error names its line. */
  static final class AttemptCount extends BoundedInt {
    private static final long serialVersionUID = 1L;

    AttemptCount() {
      super(1, MAX_ATTEMPTS, "");
    }
  }
}
