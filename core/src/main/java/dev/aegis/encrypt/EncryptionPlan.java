package dev.aegis.encrypt;

import dev.aegis.error.AegisEncryptionException;
import dev.aegis.error.AegisSqlState;

/**
 * What encryption does to every statement of one shape (one digest): which digest placeholders carry a
 * value of which encrypted column, or why the shape is refused. Computed once per shape and cached;
 * immutable.
 */
final class EncryptionPlan {
  static final EncryptionPlan PASS = new EncryptionPlan(null, null);

  private final String refusal;
  /** Per digest placeholder: the column whose value it is, or null; null when no placeholder is encrypted. */
  private final ProtectedColumn[] targets;

  private EncryptionPlan(String refusal, ProtectedColumn[] targets) {
    this.refusal = refusal;
    this.targets = targets;
  }

  static EncryptionPlan refuse(String message) {
    return new EncryptionPlan(message, null);
  }

  static EncryptionPlan encrypt(ProtectedColumn[] targets) {
    return new EncryptionPlan(null, targets);
  }

  boolean refused() {
    return refusal != null;
  }

  /** A fresh exception for each refused statement, so its stack trace is the application's. */
  AegisEncryptionException refusal() {
    return new AegisEncryptionException(AegisSqlState.ENCRYPTION_UNSUPPORTED, refusal);
  }

  boolean encrypts() {
    return targets != null;
  }

  /** The column digest placeholder {@code p} is encrypted for, or null. */
  ProtectedColumn target(int p) {
    return targets == null || p >= targets.length ? null : targets[p];
  }
}
