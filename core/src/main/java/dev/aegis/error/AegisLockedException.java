package dev.aegis.error;

import java.sql.SQLNonTransientConnectionException;
import java.time.Instant;

/**
 * A login refused by Aegis, before any contact with the server, because its client address or its
 * database user is locked out after repeated failed logins ({@link AegisSqlState#LOGIN_LOCKED}). Retrying
 * before {@link #until()} is refused the same way. The message names what is locked and until when, never
 * a password.
 */
public final class AegisLockedException extends SQLNonTransientConnectionException {
  private static final long serialVersionUID = 1L;

  private final Instant until;
  private final String lockedUser;
  private final String lockedAddress;

  /**
   * @param until when the last of the lockouts that refused this login ends
   * @param lockedUser the locked database user, or null when the user is not locked
   * @param lockedAddress the locked client address, or null when the address is not locked
   */
  public AegisLockedException(String message, Instant until, String lockedUser, String lockedAddress) {
    super(message, AegisSqlState.LOGIN_LOCKED.code());
    this.until = until;
    this.lockedUser = lockedUser;
    this.lockedAddress = lockedAddress;
  }

  /** When a login from the same address as the same user is let through again. */
  public Instant until() {
    return until;
  }

  /** The database user that is locked out, or null when only the address is. */
  public String lockedUser() {
    return lockedUser;
  }

  /** The client address that is locked out, or null when only the user is. */
  public String lockedAddress() {
    return lockedAddress;
  }
}
