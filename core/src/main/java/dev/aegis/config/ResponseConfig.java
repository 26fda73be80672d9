package dev.aegis.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * The {@code response:} section: automatic response in {@code enforce} mode (docs/response.md). A caller
 * whose statements keep being blocked is blocked itself for a while, so that an attacker probing for an
 * injection the signatures miss gets only a few tries.
 *
 * @param enabled whether blocks are created and honoured (default true; acts only in enforce mode)
 * @param blockAfter statements blocked (ZA100) within {@code within} that block their caller (default 3,
 *     from 1 to 1000)
 * @param within how far back blocked statements count (default 10m)
 * @param blockFor how long a block lasts (default 30m)
 * @param scope whom blocked statements are counted for: principal, address or both (default both)
 * @param blockOnCanary whether reading a canary value blocks its principal at once (default true)
 * @param refresh how often the shared blocks are read again (default 5s)
 * @param store {@code jdbc} (table {@code aegis_blocks}) or {@code memory}; null chooses jdbc wherever Aegis
 *     can open connections of its own, which is every connection through the driver or a data source
 * @param blockDatabaseUser whether the database user counts as the principal when the application set none
 *     (default false: blocking an application's shared account would stop the whole application)
 */
public record ResponseConfig(
    Boolean enabled,
    @JsonDeserialize(using = LockoutConfig.AttemptCount.class) Integer blockAfter,
    @JsonDeserialize(using = DurationSetting.class) Duration within,
    @JsonDeserialize(using = DurationSetting.class) Duration blockFor,
    ResponseScope scope,
    Boolean blockOnCanary,
    @JsonDeserialize(using = DetectionConfig.Interval.class) Duration refresh,
    ResponseStore store,
    Boolean blockDatabaseUser) {

  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(5);
  static final ResponseConfig DEFAULTS = new ResponseConfig(null, null, null, null, null, null, null, null, null);

  public ResponseConfig {
    enabled = enabled == null || enabled;
    blockAfter = blockAfter == null ? 3 : blockAfter;
    within = within == null ? Duration.ofMinutes(10) : within;
    blockFor = blockFor == null ? Duration.ofMinutes(30) : blockFor;
    scope = scope == null ? ResponseScope.BOTH : scope;
    blockOnCanary = blockOnCanary == null || blockOnCanary;
    refresh = refresh == null ? DEFAULT_REFRESH : refresh;
    blockDatabaseUser = blockDatabaseUser != null && blockDatabaseUser;
  }

  /** Whether this is the section as it is when nothing is written, so its absence can be told apart. */
  public boolean isDefault() {
    return equals(DEFAULTS);
  }
}
