package dev.aegis.analysis;

/** What a statement does, as far as detection and encryption care. */
public enum StatementKind {
  SELECT,
  INSERT,
  REPLACE,
  UPDATE,
  DELETE,
  /** CREATE, ALTER, DROP, TRUNCATE, RENAME of schema objects. */
  DDL,
  /** GRANT, REVOKE, CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, CREATE/DROP ROLE. */
  ACCOUNT,
  /** SET of variables (SET GLOBAL, SET SESSION, SET @x). */
  SET,
  CALL,
  /** BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, RELEASE. */
  TRANSACTION,
  /** SHOW, DESCRIBE, EXPLAIN, USE. */
  UTILITY,
  /** LOAD DATA, LOAD XML. */
  LOAD,
  /** Anything else, including statements that could not be analysed. */
  OTHER
}
