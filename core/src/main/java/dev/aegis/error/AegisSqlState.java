package dev.aegis.error;

/**
 * The SQLStates Aegis itself reports. They are a public contract: applications and alerting rules match
 * on them, so a code never changes meaning. Class {@code ZA} is in the implementation-defined range of
 * ISO/IEC 9075 (a class starting with a letter from I to Z), so it never collides with a server's code.
 *
 * <p>Failures raised by the server or by the delegate driver keep their own SQLState.
 */
public enum AegisSqlState {
  /** The {@code jdbc:aegis:} URL cannot be understood. */
  INVALID_URL("ZA001"),
  /** The configuration named by {@code aegis.config} / {@code AEGIS_CONFIG} cannot be found or read. */
  CONFIG_NOT_FOUND("ZA010"),
  /** The configuration was read but is invalid: YAML syntax, an unknown setting, a wrong type or value. */
  CONFIG_INVALID("ZA011"),
  /** No driver on the class path accepts the delegate URL. */
  NO_DELEGATE_DRIVER("ZA020"),
  /**
   * Detection in {@code enforce} mode blocked the statement: its verdict reached {@code block-threshold}.
   * Nothing was sent to the server.
   */
  STATEMENT_BLOCKED("ZA100"),
  /**
   * A client-info property was refused because it would change the SQL it is sent with ({@code *}{@code /}
   * inside Connector/J's statement comment).
   */
  CLIENT_INFO_REFUSED("ZA110"),
  /**
   * A login was refused without contacting the server because its client address or its database user is
   * locked out after repeated failed logins ({@code lockout:} in the configuration). The lockout ends by
   * itself at {@link AegisLockedException#until()}; the message says when, and never holds a password.
   */
  LOGIN_LOCKED("ZA120"),
  /**
   * A statement was refused without reaching the server because its caller (the principal or the client
   * address the application set in {@code AegisContext}) is blocked by automatic response ({@code response:}
   * in the configuration), after repeated blocked statements or a canary read. The block ends by itself at
   * {@link AegisCallerBlockedException#until()}; an operator lifts it earlier with {@code aegis blocks remove}.
   */
  CALLER_BLOCKED("ZA130"),
  /**
   * A stored value failed decryption: tampered with, moved from another column (another domain), or
   * written under a key this instance does not have. Never handed back as data.
   */
  DECRYPTION_FAILED("ZA200"),
  /**
   * The keys cannot be used: the master key is missing, unreadable or readable by others; a keyset is
   * missing or does not decrypt under the master key.
   */
  KEYS_UNAVAILABLE("ZA201"),
  /**
   * A statement uses an encrypted column in a way the server cannot do on ciphertext (LIKE, a range, ORDER
   * BY, a function, equality on a randomized column, a comparison across domains, a copy from or to a
   * non-encrypted column, LOAD DATA, a write Aegis cannot analyse). The message names the table, the column
   * and the operation. Nothing was sent to the server.
   */
  ENCRYPTION_UNSUPPORTED("ZA300"),
  /**
   * A configured column does not fit encryption: its table or the column is missing, its type is neither
   * character nor binary, or it is too narrow for the ciphertext of its {@code max-length}.
   */
  SCHEMA_MISMATCH("ZA301"),
  /**
   * A prepared statement whose SQL depends on the keys (an equality search on a deterministic column, widened
   * to every enabled key) had to be prepared again after the keys were reloaded, and a value bound to it
   * cannot be bound again (a stream or reader, a parameter bound by name, an OUT parameter). Nothing was
   * sent to the server; prepare the statement again and bind its parameters.
   */
  PREPARE_AGAIN("ZA302");

  private final String code;

  AegisSqlState(String code) {
    this.code = code;
  }

  /** The five-character SQLState. */
  public String code() {
    return code;
  }
}
