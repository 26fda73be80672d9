package dev.aegis.migration;

import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.PlainValue;
import dev.aegis.encrypt.ProtectedColumn;
import java.sql.SQLException;

/**
 * Decides, for one stored value of one column, what a job writes instead — or that it leaves the value as
 * it is. It never turns a value it cannot read into something else: a value that looks like this column's
 * ciphertext but does not open is reported and kept, so nothing is ever encrypted twice or lost.
 */
final class ValueMigration {
  /** What becomes of one value. */
  enum Verdict { CHANGE, CURRENT, PLAINTEXT, UNREADABLE }

  record Outcome(Verdict verdict, Object replacement) {
    static final Outcome CURRENT = new Outcome(Verdict.CURRENT, null);
    static final Outcome PLAINTEXT = new Outcome(Verdict.PLAINTEXT, null);
    static final Outcome UNREADABLE = new Outcome(Verdict.UNREADABLE, null);
  }

  private final MigrationKind kind;
  private final ProtectedColumn column;
  private final int tag;

  ValueMigration(MigrationKind kind, ProtectedColumn column) {
    this.kind = kind;
    this.column = column;
    this.tag = CiphertextFormat.domainTag(column.domain());
  }

  /**
   * @param stored the value as read: a String for a character column, byte[] for a binary one; never null
   * @param primaryKeyId the keyset's primary key id, which new ciphertext is written under
   */
  Outcome decide(Object stored, int primaryKeyId) throws SQLException {
    byte[] bytes = stored instanceof byte[] b ? b : CiphertextFormat.fromText((String) stored);
    boolean ours = bytes != null && CiphertextFormat.isCiphertext(bytes) && CiphertextFormat.tagOf(bytes) == tag
        && (stored instanceof byte[] || CiphertextFormat.toText(bytes).equals(stored));
    if (!ours) {
      return switch (kind) {
        case ENCRYPT -> new Outcome(Verdict.CHANGE, column.seal(stored));
        case REENCRYPT -> Outcome.PLAINTEXT;
        case DECRYPT -> Outcome.CURRENT;
      };
    }
    Object plain;
    try {
      plain = column.open(bytes);
    } catch (SQLException e) {
      return Outcome.UNREADABLE;
    }
    return switch (kind) {
      case ENCRYPT -> Outcome.CURRENT;
      case REENCRYPT -> CiphertextFormat.keyIdOf(bytes) == primaryKeyId ? Outcome.CURRENT
          : new Outcome(Verdict.CHANGE, column.seal(plain));
      case DECRYPT -> new Outcome(Verdict.CHANGE, plainForm(plain));
    };
  }

  /** The value as the column holds it unencrypted, in the form searches of a migrating column send. */
  private Object plainForm(Object plain) throws SQLException {
    return column.plainForm(plain);
  }
}
