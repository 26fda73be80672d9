package dev.aegis.error;

import java.sql.SQLNonTransientException;
import java.time.Instant;

/**
 * A statement refused by Aegis, before it reached the server, because its caller is blocked by automatic
 * response ({@link AegisSqlState#CALLER_BLOCKED}). Every statement of that caller is refused the same way
 * until {@link #until()}, unless an operator lifts the block ({@code aegis blocks remove}). The message says
 * who is blocked, until when and why (rule names, never a value of a statement).
 */
public final class AegisCallerBlockedException extends SQLNonTransientException {
  private static final long serialVersionUID = 1L;

  private final Instant until;
  private final String blockedPrincipal;
  private final String blockedAddress;

  /**
   * @param until when the last of the blocks that refused this statement ends
   * @param blockedPrincipal the blocked principal, or null when the principal is not blocked
   * @param blockedAddress the blocked client address, or null when the address is not blocked
   */
  public AegisCallerBlockedException(String message, Instant until, String blockedPrincipal,
      String blockedAddress) {
    super(message, AegisSqlState.CALLER_BLOCKED.code());
    this.until = until;
    this.blockedPrincipal = blockedPrincipal;
    this.blockedAddress = blockedAddress;
  }

  /** When statements of this caller are let through again, unless a new block starts. */
  public Instant until() {
    return until;
  }

  /** The principal that is blocked, or null when only the address is. */
  public String blockedPrincipal() {
    return blockedPrincipal;
  }

  /** The client address that is blocked, or null when only the principal is. */
  public String blockedAddress() {
    return blockedAddress;
  }
}
