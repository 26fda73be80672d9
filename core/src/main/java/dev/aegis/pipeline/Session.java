package dev.aegis.pipeline;

import dev.aegis.context.AegisContext;

/**
 * The connection a statement comes from, as far as attribution needs it: the database user it logged in
 * as and the host it runs on. A statement is attributed to the caller the application set in
 * {@link AegisContext}, else to these.
 *
 * @param databaseUser the user of the connection, or null when unknown
 * @param host this host's name or address, or null when unknown
 */
public record Session(String databaseUser, String host) {
  /** For statements whose connection is not known (tests, {@code aegis inspect}). */
  public static final Session UNKNOWN = new Session(null, null);

  /** Who is asking now: the application's caller where set, else the database user and this host. */
  public AegisContext.Caller caller() {
    AegisContext.Caller set = AegisContext.current();
    if (set == null) {
      return new AegisContext.Caller(databaseUser, host);
    }
    return new AegisContext.Caller(set.principal() != null ? set.principal() : databaseUser,
        set.address() != null ? set.address() : host);
  }
}
