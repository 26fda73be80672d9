package dev.aegis.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * The whole Aegis configuration, as read from YAML. Immutable; missing sections take their defaults, so
 * {@link #defaults()} is what a connection without configuration runs with: no encrypted columns and
 * detection in monitor mode.
 *
 * @param keys the {@code keys:} section
 * @param columns the {@code columns:} section: the encrypted columns
 * @param detection the {@code detection:} section
 * @param analysis the {@code analysis:} section: limits before the parser, shapes kept
 * @param encryption the {@code encryption:} section: settings for every encrypted column
 * @param behaviour the {@code behaviour:} section: mass data access and canary values
 * @param lockout the {@code lockout:} section: failed logins and lockouts
 * @param events the {@code events:} section: the event queue and the table sink
 * @param response the {@code response:} section: blocking callers whose statements keep being blocked
 */
public record AegisConfig(
    KeysConfig keys,
    @JsonDeserialize(using = ColumnsDeserializer.class) Map<ColumnRef, ColumnConfig> columns,
    DetectionConfig detection,
    AnalysisConfig analysis,
    EncryptionConfig encryption,
    BehaviourConfig behaviour,
    LockoutConfig lockout,
    EventsConfig events,
    ResponseConfig response) {
  private static final AegisConfig DEFAULTS =
      new AegisConfig(null, null, null, null, null, null, null, null, null);

  public AegisConfig {
    keys = keys == null ? KeysConfig.NONE : keys;
    columns = columns == null ? Map.of() : Map.copyOf(columns);
    detection = detection == null ? DetectionConfig.DEFAULTS : detection;
    analysis = analysis == null ? AnalysisConfig.DEFAULTS : analysis;
    encryption = encryption == null ? EncryptionConfig.DEFAULTS : encryption;
    behaviour = behaviour == null ? BehaviourConfig.DEFAULTS : behaviour;
    lockout = lockout == null ? LockoutConfig.DEFAULTS : lockout;
    events = events == null ? EventsConfig.DEFAULTS : events;
    response = response == null ? ResponseConfig.DEFAULTS : response;
  }

  /**
   * The configuration of a connection that has none: pure pass-through, detection in monitor mode, and
   * failed logins locked out with the default limits.
   */
  public static AegisConfig defaults() {
    return DEFAULTS;
  }
}
