package dev.aegis.encrypt;

/**
 * A statement ready to prepare: its SQL (literals of encrypted columns already encrypted) and, per JDBC
 * parameter, the encrypted column whose value it carries.
 *
 * @param sql what to hand the delegate's {@code prepareStatement}
 * @param parameters per parameter index (from 1), the column, or null; null when no parameter is encrypted
 */
public record PreparedSql(String sql, ProtectedColumn[] parameters) {

  /** The encrypted column of JDBC parameter {@code index} (from 1), or null. */
  public ProtectedColumn parameter(int index) {
    return parameters == null || index < 1 || index >= parameters.length ? null : parameters[index];
  }
}
