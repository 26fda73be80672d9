package dev.aegis.pipeline;

import java.util.Locale;

/** The JDBC call through which SQL text reached Aegis. Later stages judge by it (a prepare is not a run). */
public enum SqlEntry {
  /** {@code Statement.execute(String…)}. */
  EXECUTE,
  /** {@code Statement.executeQuery(String)}. */
  EXECUTE_QUERY,
  /** {@code Statement.executeUpdate(String…)} and {@code executeLargeUpdate(String…)}. */
  EXECUTE_UPDATE,
  /** {@code Statement.addBatch(String)}. */
  ADD_BATCH,
  /** {@code Connection.prepareStatement(String…)}. */
  PREPARE_STATEMENT,
  /** {@code Connection.prepareCall(String…)}. */
  PREPARE_CALL,
  /** {@code Connection.nativeSQL(String)}: translated, not run, but the text is still the application's. */
  NATIVE_SQL;

  private final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The value of the {@code entry} tag on Aegis's meters. */
  public String tag() {
    return tag;
  }
}
