package dev.aegis.error;

import java.sql.SQLNonTransientException;

/**
 * A statement was refused, before anything reached the server, because it uses an encrypted column in a
 * way that cannot be done correctly on ciphertext ({@link AegisSqlState#ENCRYPTION_UNSUPPORTED}), or a
 * configured column does not fit encryption ({@link AegisSqlState#SCHEMA_MISMATCH}). The message names the
 * table, the column and the operation, never a value.
 */
public final class AegisEncryptionException extends SQLNonTransientException {
  private static final long serialVersionUID = 1L;

  private final AegisSqlState state;

  public AegisEncryptionException(AegisSqlState state, String message) {
    super(message, state.code());
    this.state = state;
  }

  /** The documented reason, as an enum for {@code switch}. */
  public AegisSqlState state() {
    return state;
  }
}
