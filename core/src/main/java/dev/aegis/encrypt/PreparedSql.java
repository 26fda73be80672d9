package dev.aegis.encrypt;

import dev.aegis.lexer.LexedStatement;
import java.sql.SQLException;

/**
 * A statement ready to prepare: its SQL (literals of encrypted columns already encrypted, equality searches
 * widened to every stored form of a value) and, per JDBC parameter of the application, the encrypted column
 * whose value it carries and where it goes in the delegate's statement.
 *
 * <p>A search parameter of a column whose values have several stored forms (a keyset mid-rotation, a
 * column mid-migration) becomes several parameters of the delegate's statement, one per form ({@link
 * #slots}); every later parameter moves along ({@link #index}). Otherwise the indexes are the
 * application's, and nothing is allocated for them.
 *
 * <p>The SQL of a statement with a search or a ciphertext literal depends on the keys loaded when it was
 * made ({@link #keyed}); once they are reloaded ({@link #stale}) the wrappers make it {@link #again} and
 * prepare the delegate's statement anew. Immutable.
 */
public final class PreparedSql {
  private final String sql;
  private final ProtectedColumn[] parameters;
  /**
   * Per JDBC parameter {@code i} (from 1): {@code [2 i]} the delegate parameter it starts at, {@code [2 i +
   * 1]} how many it fills; null when each is one, at the application's index.
   */
  private final int[] layout;
  private final int parameterCount;
  /** What made this SQL, to make it again after the keys change; null when it does not depend on them. */
  private final ColumnEncryption encryption;
  private final LexedStatement statement;
  private final EncryptionPlan plan;
  private final long generation;

  /**
   * A statement whose SQL does not depend on the keys.
   *
   * @param sql what to hand the delegate's {@code prepareStatement}
   * @param parameters per parameter index (from 1), the column, or null; null when no parameter is encrypted
   */
  public PreparedSql(String sql, ProtectedColumn[] parameters) {
    this(sql, parameters, null, -1, null, null, null, 0);
  }

  PreparedSql(String sql, ProtectedColumn[] parameters, int[] slots, int parameterCount,
      ColumnEncryption encryption, LexedStatement statement, EncryptionPlan plan, long generation) {
    this.sql = sql;
    this.parameters = parameters;
    this.parameterCount = parameterCount;
    this.encryption = encryption;
    this.statement = statement;
    this.plan = plan;
    this.generation = generation;
    if (slots == null) {
      this.layout = null;
    } else {
      this.layout = new int[2 * slots.length];
      int next = 1;
      for (int i = 1; i < slots.length; i++) {
        layout[2 * i] = next;
        layout[2 * i + 1] = Math.max(1, slots[i]);
        next += layout[2 * i + 1];
      }
    }
  }

  /** What to hand the delegate's {@code prepareStatement}. */
  public String sql() {
    return sql;
  }

  /** Per parameter index (from 1), the column, or null; null when no parameter is encrypted. */
  public ProtectedColumn[] parameters() {
    return parameters;
  }

  /** The encrypted column of JDBC parameter {@code index} (from 1), or null. */
  public ProtectedColumn parameter(int index) {
    return parameters == null || index < 1 || index >= parameters.length ? null : parameters[index];
  }

  /** Whether some parameter fills several delegate parameters. */
  public boolean expanded() {
    return layout != null;
  }

  /**
   * The delegate's parameter index where the application's parameter {@code index} starts: {@code index}
   * itself unless an earlier search parameter was widened. An index out of range is passed on as it is,
   * for the delegate to reject.
   */
  public int index(int index) {
    return layout == null || index < 1 || 2 * index >= layout.length ? index : layout[2 * index];
  }

  /** How many delegate parameters the application's parameter {@code index} fills: 1 unless widened. */
  public int slots(int index) {
    return layout == null || index < 1 || 2 * index >= layout.length ? 1 : layout[2 * index + 1];
  }

  /** The application's parameter count when {@link #expanded}; -1 when not known (then the delegate's). */
  public int parameterCount() {
    return parameterCount;
  }

  /**
   * Whether the SQL depends on the keys loaded when it was made (it widens a search, or holds a ciphertext
   * literal): only such statements need watching for {@link #stale}.
   */
  public boolean keyed() {
    return encryption != null;
  }

  /** Whether the keys were reloaded since this SQL was made; cheap (one volatile read), no allocation. */
  public boolean stale() {
    return encryption != null && encryption.columns().generation() != generation;
  }

  /**
   * The same statement made with the keys loaded now; this one when its SQL does not depend on them.
   *
   * @throws dev.aegis.error.AegisEncryptionException (ZA300) when a search must now be widened but is
   *     written in a form that cannot be
   */
  public PreparedSql again() throws SQLException {
    return encryption == null ? this : encryption.prepare(statement, plan);
  }
}
