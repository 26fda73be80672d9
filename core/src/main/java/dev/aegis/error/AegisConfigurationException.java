package dev.aegis.error;

import java.sql.SQLNonTransientException;

/**
 * Aegis cannot start a connection because of how it was set up: the URL, the configuration source, or the
 * configuration itself. Retrying will not help; the message says what to change.
 */
public final class AegisConfigurationException extends SQLNonTransientException {
  private static final long serialVersionUID = 1L;

  private final AegisSqlState state;

  public AegisConfigurationException(AegisSqlState state, String message) {
    this(state, message, null);
  }

  public AegisConfigurationException(AegisSqlState state, String message, Throwable cause) {
    super(message, state.code(), cause);
    this.state = state;
  }

  /** The documented reason, as an enum for {@code switch}. */
  public AegisSqlState state() {
    return state;
  }
}
