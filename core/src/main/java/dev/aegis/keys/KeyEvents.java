package dev.aegis.keys;

import dev.aegis.events.SecurityEvent;
import dev.aegis.response.InstanceName;
import java.time.Instant;

/**
 * The security events of the keys in use: reloads that changed them or failed, and keys due for rotation.
 * They concern this instance, not a caller or a statement: the address is the instance's name, the
 * principal and the digest are null. No key material goes in, only keyset names and key ids (which every
 * ciphertext carries in the clear anyway).
 */
final class KeyEvents {
  static final String CATEGORY = "keys";
  static final String RELOADED = "keys-reloaded";
  static final String RELOAD_FAILED = "keys-reload-failed";
  static final String ROTATION_DUE = "key-rotation-due";
  static final String AGE_UNKNOWN = "key-age-unknown";

  private KeyEvents() {}

  /** {@code keys-reloaded}: the keysets changed in the store and the columns now use them. */
  static SecurityEvent reloaded(Instant time, String changes) {
    return event(time, RELOADED, "info", 0.0, "allow", changes);
  }

  /**
   * {@code keys-reload-failed}: the store could not be read or what it holds could not be used; the keys
   * loaded before stay in use. High: values other instances now write under a new key do not decrypt here.
   */
  static SecurityEvent reloadFailed(Instant time, String detail) {
    return event(time, RELOAD_FAILED, "high", 0.8, "alert", detail);
  }

  /** {@code key-rotation-due} (due soon or overdue) or {@code key-age-unknown}; null for a fresh key. */
  static SecurityEvent rotation(Instant time, RotationDue due) {
    return switch (due.state()) {
      case FRESH -> null;
      case DUE_SOON -> event(time, ROTATION_DUE, "low", 0.3, "alert", due.describe());
      case OVERDUE -> event(time, ROTATION_DUE, "medium", 0.6, "alert", due.describe());
      case AGE_UNKNOWN -> event(time, AGE_UNKNOWN, "low", 0.2, "alert", due.describe());
    };
  }

  private static SecurityEvent event(Instant time, String rule, String severity, double score, String action,
      String detail) {
    return new SecurityEvent(time, rule, CATEGORY, severity, score, action, null, InstanceName.get(), null,
        detail);
  }
}
