package dev.aegis.allowlist;

/**
 * The allowlist's package-private test hooks, for tests in other packages and modules (the core test-jar):
 * they do at once what the end of a refresh interval does, so no test waits for a clock.
 */
public final class AllowlistHooks {
  private AllowlistHooks() {}

  /** Writes what was learnt (and last-seen times) now. */
  public static void flush(Allowlist allowlist) {
    allowlist.flush();
  }

  /** Reads the store again now. */
  public static void refresh(Allowlist allowlist) {
    allowlist.refresh();
  }
}
