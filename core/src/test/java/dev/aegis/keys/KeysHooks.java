package dev.aegis.keys;

import java.util.List;

/**
 * The key reload's package-private test hooks, for tests in other packages and modules (the core test-jar):
 * they do at once what the background thread does at the end of a refresh interval, so no test waits for it.
 */
public final class KeysHooks {
  private KeysHooks() {}

  /** Reads the keyset store now; returns what the read did: unchanged, changed, failed or off. */
  public static String refresh(KeysetReload reload) {
    return reload.refresh().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Checks rotation now; returns the warnings this check raised. */
  public static List<RotationDue> checkRotation(KeysetReload reload) {
    return reload.checkRotation();
  }
}
