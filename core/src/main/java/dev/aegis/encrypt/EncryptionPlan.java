package dev.aegis.encrypt;

import dev.aegis.analysis.ValueUse;
import dev.aegis.error.AegisEncryptionException;
import dev.aegis.error.AegisSqlState;

/**
 * What encryption does to every statement of one shape (one digest): which digest placeholders carry a
 * value of which encrypted column, or why the shape is refused. Computed once per shape and cached;
 * immutable.
 */
final class EncryptionPlan {
  static final EncryptionPlan PASS = new EncryptionPlan(null, null, null);

  private final String refusal;
  /** Per digest placeholder: the column whose value it is, or null; null when no placeholder is encrypted. */
  private final ProtectedColumn[] targets;
  /** Per digest placeholder with a target: how its value is used (a search or a write). */
  private final ValueUse[] uses;

  private EncryptionPlan(String refusal, ProtectedColumn[] targets, ValueUse[] uses) {
    this.refusal = refusal;
    this.targets = targets;
    this.uses = uses;
  }

  static EncryptionPlan refuse(String message) {
    return new EncryptionPlan(message, null, null);
  }

  static EncryptionPlan encrypt(ProtectedColumn[] targets, ValueUse[] uses) {
    return new EncryptionPlan(null, targets, uses);
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

  /** How the value of digest placeholder {@code p} is used; meaningful only when it has a target. */
  ValueUse use(int p) {
    return uses == null || p >= uses.length ? null : uses[p];
  }

  /**
   * Whether the value of digest placeholder {@code p} is searched for ({@code =}, {@code <>}, {@code IN},
   * {@code <=>}): compared with what is stored rather than stored itself.
   */
  boolean search(int p) {
    ValueUse use = use(p);
    return use == ValueUse.EQUALS || use == ValueUse.NOT_EQUALS || use == ValueUse.IN_LIST;
  }
}
