package dev.aegis.error;

import java.sql.SQLNonTransientException;

/**
 * A value of an encrypted column could not be decrypted. The message names the column's domain and what
 * may have happened; it never holds key material, plaintext or the stored bytes.
 */
public final class AegisCryptoException extends SQLNonTransientException {
  private static final long serialVersionUID = 1L;

  public AegisCryptoException(AegisSqlState state, String message) {
    super(message, state.code());
  }
}
