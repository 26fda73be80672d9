package dev.aegis.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code events:} section: how security events travel from the statement to their sinks.
 *
 * @param queueSize events held between the statements that raise them and the event thread; when it is
 *     full, new events are dropped and counted rather than making a statement wait (default 10,000)
 * @param table whether events are also written to the {@code aegis_events} table of the application's
 *     database (default false)
 * @param retentionDays how long rows of {@code aegis_events} are kept, in days (default 30)
 */
public record EventsConfig(
    @JsonDeserialize(using = AnalysisConfig.PositiveInt.class) Integer queueSize,
    Boolean table,
    @JsonDeserialize(using = Days.class) Integer retentionDays) {

  static final EventsConfig DEFAULTS = new EventsConfig(null, null, null);
  /** A century: longer is surely a typo, and days beyond it would overflow the arithmetic on instants. */
  static final int MAX_RETENTION_DAYS = 36_500;

  public EventsConfig {
    queueSize = queueSize == null ? 10_000 : queueSize;
    table = table == null ? Boolean.FALSE : table;
    retentionDays = retentionDays == null ? 30 : retentionDays;
  }

  /** A number of days from 1 to {@link #MAX_RETENTION_DAYS}, checked where it is written. */
  static final class Days extends BoundedInt {
    private static final long serialVersionUID = 1L;

    Days() {
      super(1, MAX_RETENTION_DAYS, " of days");
    }
  }
}
